package io.ngxtime.cli.live;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.live.UnknownAlert;
import io.ngxtime.cli.render.JsonReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code tail --json}: one object per frame, one per line, on stdout (docs/report-json.md, "tail --json"): the live keys
 * ({@code time}, {@code requests_total}, {@code requests_per_second}, {@code alerts}, ...) and then the window's
 * report keys. Notices go to stderr, one line each, as they come.
 */
public final class JsonOutput extends StderrLiveOutput {
    private final PrintWriter out;
    private final Supplier<OffsetDateTime> wallClock;

    /**
     * @param out       stdout, checked by the caller after each frame
     * @param stderr    where notices go, one line each
     * @param wallClock the wall clock ({@code wall_time})
     */
    public JsonOutput(PrintWriter out, Consumer<String> stderr, Supplier<OffsetDateTime> wallClock) {
        super(stderr);
        this.out = out;
        this.wallClock = wallClock;
    }

    @Override
    public void frame(LiveSession.Frame f, AlertEvaluation alerts) {
        new JsonReportRenderer(false, false).renderLive(f.view(), g -> liveKeys(f, alerts, g), out);
        out.flush();
    }

    private void liveKeys(LiveSession.Frame f, AlertEvaluation alerts, JsonGenerator g) throws IOException {
        g.writeStringField("time", iso(f.logTime()));
        g.writeBooleanField("time_from_log", f.merged().logTimed());
        g.writeStringField("wall_time", iso(wallClock.get()));
        g.writeNumberField("requests_total", f.requestsTotal());
        number(g, "requests_per_second", f.requestsPerSecond());
        number(g, "window_requests_per_second", f.windowRequestsPerSecond());
        g.writeNumberField("window_covered_seconds", f.coveredSeconds());
        g.writeBooleanField("catching_up", f.catchingUp());
        if (f.behindWallClock().isPresent()) {
            g.writeNumberField("behind_seconds", f.behindWallClock().get().toMillis() / 1000.0);
        } else {
            g.writeNullField("behind_seconds");
        }
        g.writeNumberField("lines_seen", f.linesSeen());
        g.writeNumberField("rejected_seen", f.rejectedSeen());
        seconds(g, "seconds_since_last_line", f.millisSinceLastLine());
        g.writeArrayFieldStart("alerts");
        for (Alert a : alerts.firing()) {
            g.writeStartObject();
            g.writeStringField("rule", a.rule());
            g.writeStringField("scope", a.scope());
            g.writeStringField("value", a.value());
            g.writeStringField("threshold", a.threshold());
            g.writeStringField("severity", a.severity().key());
            g.writeStringField("since", iso(a.since()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("alerts_unknown");
        for (UnknownAlert u : alerts.unknown()) {
            g.writeStartObject();
            g.writeStringField("rule", u.rule());
            g.writeStringField("scope", u.scope());
            g.writeStringField("reason", u.reason().text());
            g.writeEndObject();
        }
        g.writeEndArray();
        surge(g, f.surge());
        g.writeArrayFieldStart("files");
        for (LiveSession.FileStatus s : f.files()) {
            g.writeStartObject();
            g.writeStringField("file", s.file());
            g.writeBooleanField("waiting", s.waiting());
            g.writeNumberField("rotations", s.rotations());
            g.writeNumberField("truncations", s.truncations());
            g.writeNumberField("lines_seen", s.linesSeen());
            g.writeNumberField("rejected_seen", s.rejectedSeen());
            g.writeNumberField("requests_total", s.requestsTotal());
            seconds(g, "seconds_since_last_line", s.millisSinceLastLine());
            g.writeBooleanField("caught_up", s.caughtUp());
            String hint = hintOf(s.file());
            if (hint.isEmpty()) {
                g.writeNullField("format_hint");
            } else {
                g.writeStringField("format_hint", hint);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void surge(JsonGenerator g, Optional<Surge> surge) throws IOException {
        if (surge.isEmpty()) {
            g.writeNullField("surge");
            return;
        }
        g.writeObjectFieldStart("surge");
        g.writeNumberField("last_per_second", surge.get().lastPerSecond());
        g.writeNumberField("median_per_second", surge.get().medianPerSecond());
        g.writeNumberField("factor", surge.get().factor());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String key, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(key, v.getAsDouble());
        } else {
            g.writeNullField(key);
        }
    }

    private static void seconds(JsonGenerator g, String key, OptionalLong millis) throws IOException {
        if (millis.isPresent()) {
            g.writeNumberField(key, millis.getAsLong() / 1000.0);
        } else {
            g.writeNullField(key);
        }
    }

    private static String iso(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
