package io.ngxtime.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The report as JSON. Keys are a contract (docs/report-json.md): extend, never rename. */
public final class JsonReportRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    public void render(Report r, PrintWriter out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void write(Report r, JsonGenerator g) throws IOException {
        Summary s = r.summary();
        g.writeStartObject();
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("rejected", r.rejects().total());
        g.writeNumberField("lines", r.lines());
        g.writeStringField("format", r.format());
        g.writeArrayFieldStart("inputs");
        for (String i : r.inputs()) {
            g.writeString(i);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("status");
        for (Map.Entry<Integer, Long> e : s.status().entrySet()) {
            g.writeNumberField(e.getKey() < 0 ? "other" : Integer.toString(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("time");
        if (s.first() != null) {
            g.writeStringField("first", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.first()));
            g.writeStringField("last", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.last()));
        } else {
            g.writeNullField("first");
            g.writeNullField("last");
        }
        g.writeNumberField("requests_without_time", s.withoutTime());
        g.writeEndObject();
        g.writeObjectFieldStart("rejects");
        g.writeObjectFieldStart("by_reason");
        for (Map.Entry<String, Long> e : r.rejects().byReason().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("samples");
        for (Rejects.Sample sample : r.rejects().samples()) {
            g.writeStartObject();
            g.writeStringField("source", sample.source());
            g.writeNumberField("line", sample.line());
            g.writeStringField("reason", sample.message());
            g.writeStringField("text", sample.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }
}
