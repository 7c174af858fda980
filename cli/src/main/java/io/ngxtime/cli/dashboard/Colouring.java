package io.ngxtime.cli.dashboard;

import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * Whether the dashboard uses colour. Decided once per screen from the terminal and the environment, with
 * the rule of the rest of ngxtime ({@code Terminal.colours()}): no colour when {@code NO_COLOR} is set and
 * not empty (<a href="https://no-color.org">no-color.org</a>), nor on a {@code dumb} terminal or one
 * that has fewer than 8 colours.
 */
public enum Colouring {
    /** Tiers in the charts' colours, 5xx and alerts in red and bold. */
    COLOUR,
    /** No colour: what must stand out (5xx, alerts, the paused mark) is bold or inverse. */
    MONOCHROME;

    /**
     * The colouring for {@code terminal}.
     *
     * @param env the environment variables to read ({@code NO_COLOR})
     */
    public static Colouring of(Terminal terminal, Function<String, String> env) {
        String noColor = env.apply("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return MONOCHROME;
        }
        String type = terminal.getType();
        if (type == null || type.startsWith(Terminal.TYPE_DUMB)) {
            return MONOCHROME;
        }
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8 ? COLOUR : MONOCHROME;
    }
}
