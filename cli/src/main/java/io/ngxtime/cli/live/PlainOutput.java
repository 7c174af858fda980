package io.ngxtime.cli.live;

import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.cli.render.LiveRenderer;
import io.ngxtime.cli.render.TerminalText;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The live view appended to an output that is no terminal (a pipe, a file, {@code tail | less}): each frame as
 * text ({@link LiveRenderer}) with its alerts, notices and format hints on stderr as they come.
 */
public final class PlainOutput implements LiveOutput {
    private final PrintWriter out;
    private final Consumer<String> stderr;
    private final LiveRenderer renderer;
    private final FormatHints hints;

    public PlainOutput(PrintWriter out, Consumer<String> stderr, int intervalSeconds, int windowSeconds) {
        this.renderer = new LiveRenderer(intervalSeconds, windowSeconds);
        this.out = out;
        this.stderr = stderr;
        this.hints = new FormatHints(stderr);
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

    @Override
    public void notice(String file, String line) {
        stderr.accept(line);
    }

    @Override
    public void hint(String file, String hint) {
        hints.hint(file, hint);
    }

    @Override
    public void close() {
    }
}
