package io.ngxtime.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.report.Saturation;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code upstreams.<address>.saturation} of the JSON report (docs/report-json.md): null when not assessed;
 * otherwise {@code rps} (the knee in attempts per second, null when the log never reached it),
 * {@code confidence} (0 to 1), {@code busiest_minute_rps}, {@code headroom} (null without a knee),
 * {@code flat_p99_ms}, {@code top_p99_ms}, {@code periods} and {@code period_seconds}.
 */
final class SaturationJson {
    private SaturationJson() {
    }

    static void write(Optional<Saturation> saturation, JsonGenerator g) throws IOException {
        if (saturation.isEmpty()) {
            g.writeNullField("saturation");
            return;
        }
        Saturation s = saturation.get();
        g.writeObjectFieldStart("saturation");
        if (s.reached()) {
            g.writeNumberField("rps", round(s.kneeAttemptsPerSecond().getAsDouble(), 1000));
        } else {
            g.writeNullField("rps");
        }
        g.writeNumberField("confidence", round(s.confidence(), 1000));
        g.writeNumberField("busiest_minute_rps", round(s.busiestAttemptsPerSecond(), 1000));
        if (s.headroom().isPresent()) {
            g.writeNumberField("headroom", round(s.headroom().getAsDouble(), 1000));
        } else {
            g.writeNullField("headroom");
        }
        g.writeNumberField("flat_p99_ms", s.flatP99Micros() / 1000.0);
        g.writeNumberField("top_p99_ms", s.topP99Micros() / 1000.0);
        g.writeNumberField("periods", s.periods());
        g.writeNumberField("period_seconds", s.periodSeconds());
        g.writeEndObject();
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }
}
