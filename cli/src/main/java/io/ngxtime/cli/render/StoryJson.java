package io.ngxtime.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.story.Fact;
import io.ngxtime.analyzer.report.story.StoryItem;
import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The JSON of the incident story ({@code story}) and of the table it reads for peaks ({@code peaks[i].load}).
 * Keys in docs/report-json.md. Every fact of {@code story} names, in {@code ref}, the place in this same
 * document that holds its value; so these keys and {@code StoryTeller}'s refs change together.
 */
final class StoryJson {
    private StoryJson() {
    }

    /** {@code load}: a peak's requests by tier and attempts by backend; null when the peak was not measured. */
    static void load(java.util.Optional<PeakReport.Measures> measures, JsonGenerator g) throws IOException {
        if (measures.isEmpty()) {
            g.writeNullField("load");
            return;
        }
        PeakLoad load = measures.get().load();
        g.writeObjectFieldStart("load");
        g.writeArrayFieldStart("tiers");
        for (PeakLoad.TierShift t : load.tiers()) {
            g.writeStartObject();
            g.writeStringField("tier", t.tier());
            g.writeNumberField("requests_during", t.requestsDuring());
            g.writeNumberField("requests_before", t.requestsBefore());
            g.writeNumberField("share_during", t.shareDuring());
            number(g, "share_before", t.shareBefore());
            number(g, "excess_requests", t.excessRequests());
            duringBefore(g, "p99_ms", millis(t.p99DuringMicros()), millis(t.p99BeforeMicros()));
            duringBefore(g, "error_rate_5xx", t.errorRateDuring(), t.errorRateBefore());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("upstreams");
        for (PeakLoad.BackendShift u : load.upstreams()) {
            g.writeStartObject();
            g.writeStringField("address", u.address());
            g.writeNumberField("attempts_during", u.attemptsDuring());
            g.writeNumberField("attempts_before", u.attemptsBefore());
            number(g, "excess_attempts", u.excessAttempts());
            duringBefore(g, "response_p99_ms", millis(u.responseP99DuringMicros()), millis(u.responseP99BeforeMicros()));
            duringBefore(g, "failed_rate", u.failedRateDuring(), u.failedRateBefore());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code story}: the items in order, each with its facts. */
    static void story(List<StoryItem> items, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("story");
        for (StoryItem it : items) {
            g.writeStartObject();
            g.writeStringField("kind", it.kind().key());
            g.writeStringField("about", it.about());
            g.writeArrayFieldStart("facts");
            for (Fact f : it.facts()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                if (f instanceof Fact.Figure n) {
                    g.writeNumberField("value", n.value());
                } else if (f instanceof Fact.Label l) {
                    g.writeStringField("value", l.value());
                } else if (f instanceof Fact.Moment m) {
                    g.writeStringField("value", m.iso());
                }
                g.writeStringField("ref", f.ref());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static OptionalDouble millis(OptionalLong micros) {
        return micros.isPresent() ? OptionalDouble.of(micros.getAsLong() / 1000.0) : OptionalDouble.empty();
    }

    private static void duringBefore(JsonGenerator g, String field, OptionalDouble during, OptionalDouble before)
            throws IOException {
        g.writeObjectFieldStart(field);
        number(g, "during", during);
        number(g, "before", before);
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(field, v.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }
}
