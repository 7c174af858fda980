package io.ngxtime.cli.live;

import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.cli.render.LiveRenderer;
import io.ngxtime.cli.render.TerminalText;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The live view appended to an output that is no terminal (a pipe, a file, {@code tail | less}), or to one with
 * {@code --plain} (its prose lines wrapped at its width): each frame as
 * text ({@link LiveRenderer}) with its alerts, notices and format hints on stderr as they come.
 */
public final class PlainOutput extends StderrLiveOutput {
    private final PrintWriter out;
    private final LiveRenderer renderer;

    /**
     * @param out     where frames go: on a terminal, a writer that wraps prose at its width
     *                ({@link io.ngxtime.cli.render.ProseWrappingWriter})
     * @param columns the terminal's width, {@link Integer#MAX_VALUE} for a pipe or a file
     */
    public PlainOutput(PrintWriter out, Consumer<String> stderr, int intervalSeconds, int windowSeconds, int columns) {
        super(stderr);
        this.renderer = new LiveRenderer(intervalSeconds, windowSeconds, columns);
        this.out = out;
    }

    @Override
    public void frame(LiveSession.Frame f, AlertEvaluation alerts) {
        renderer.render(f, out);
        for (Alert a : alerts.firing()) {
            out.println("  ALERT " + TerminalText.safe(LiveAlerts.text(a)));
        }
        out.println();
        out.flush();
    }
}
