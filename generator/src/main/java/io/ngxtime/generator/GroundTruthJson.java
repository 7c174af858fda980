package io.ngxtime.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link GroundTruth} as JSON: fixed key order, two-space indentation, {@code \n} line ends,
 * times as {@code 2026-10-05T13:55:36.123-07:00}, so the same truth always gives the same bytes.
 */
final class GroundTruthJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** ISO-8601 with exactly three fraction digits and the offset. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private GroundTruthJson() {
    }

    static String write(GroundTruth t) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            g.setPrettyPrinter(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter));
            write(g, t);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    private static void write(JsonGenerator g, GroundTruth t) throws IOException {
        GroundTruth.Settings s = t.settings();
        g.writeStartObject();
        g.writeObjectFieldStart("generator");
        g.writeStringField("format", s.formatName());
        g.writeStringField("logFormat", s.formatText());
        g.writeNumberField("seed", s.seed());
        g.writeStringField("start", time(s.start()));
        g.writeNumberField("durationSeconds", s.durationSeconds());
        g.writeNumberField("baseRatePerSecond", s.baseRatePerSecond());
        g.writeNumberField("peaks", s.plannedPeaks());
        g.writeNumberField("malformedPerMillion", s.malformedPerMillion());
        g.writeNumberField("oddLinesPerMillion", s.oddLinesPerMillion());
        g.writeEndObject();

        g.writeNumberField("lines", t.lines());
        g.writeNumberField("requests", t.requests());
        g.writeNumberField("rejected", t.rejected());
        counts(g, "malformed", t.malformedByKind());
        counts(g, "odd", t.oddLinesByKind());
        g.writeObjectFieldStart("status");
        for (Map.Entry<Integer, Long> e : t.requestsByStatus().entrySet()) {
            g.writeNumberField(Integer.toString(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("time");
        g.writeStringField("first", time(t.firstRequestTime()));
        g.writeStringField("last", time(t.lastRequestTime()));
        g.writeEndObject();
        counts(g, "methods", t.requestsByMethod());
        counts(g, "tiers", t.requestsByTier());
        counts(g, "cacheStatus", t.requestsByCacheStatus());

        g.writeObjectFieldStart("upstream");
        g.writeNumberField("attempts", t.upstreamAttempts());
        counts(g, "attemptsByAddress", t.attemptsByAddress());
        g.writeNumberField("retriedRequests", t.retriedRequests());
        g.writeNumberField("internalRedirects", t.internalRedirects());
        g.writeNumberField("upstreamExceedsRequest", t.upstreamExceedsRequest());
        g.writeEndObject();

        GroundTruth.RequestTimes rt = t.requestTimes();
        g.writeObjectFieldStart("requestTime");
        g.writeNumberField("count", rt.count());
        g.writeNumberField("sumMillis", rt.sumMillis());
        g.writeNumberField("maxMillis", rt.maxMillis());
        g.writeNumberField("p50Millis", rt.p50Millis());
        g.writeNumberField("p90Millis", rt.p90Millis());
        g.writeNumberField("p99Millis", rt.p99Millis());
        g.writeEndObject();

        busySecond(g, "busiestSecond", t.busiestSecond());
        busySecond(g, "spike", t.spike());

        g.writeArrayFieldStart("peaks");
        for (GroundTruth.Peak p : t.peaks()) {
            g.writeStartObject();
            g.writeStringField("start", time(p.start()));
            g.writeStringField("end", time(p.end()));
            g.writeNumberField("peakMultiplier", p.peakMultiplier());
            g.writeStringField("route", p.route());
            g.writeStringField("referer", p.referer());
            g.writeStringField("network", p.network());
            g.writeNumberField("requests", p.requests());
            g.writeNumberField("crowdRequests", p.crowdRequests());
            counts(g, "crowdTiers", p.crowdTiers());
            busySecond(g, "busiestSecond", p.busiestSecond());
            g.writeNumberField("baselinePerSecond", p.baselinePerSecond());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("requestsPerMinute");
        for (long m : t.requestsPerMinute()) {
            g.writeNumber(m);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void busySecond(JsonGenerator g, String name, GroundTruth.BusySecond b) throws IOException {
        if (b == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("time", time(b.time()));
        g.writeNumberField("requests", b.requests());
        g.writeEndObject();
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
