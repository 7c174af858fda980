package io.ngxtime.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.InstantText;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.analyzer.report.TierReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Two runs compared ({@code ngxtime compare --json}): {@code before} (A) and {@code after} (B), each run's
 * summary, then {@code changes}, {@code upstreams} and {@code routes} as {@code report --json} writes them
 * under {@code comparison}. Keys are a contract (docs/report-json.md, "compare --json"): extend, never rename.
 */
public final class CompareJsonRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    public void render(RunComparison c, PrintWriter out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(c, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static void write(RunComparison c, JsonGenerator g) throws IOException {
        Comparison cmp = c.comparison();
        g.writeStartObject();
        run("before", "A", c.before(), g);
        run("after", "B", c.after(), g);
        g.writeBooleanField("before_empty", cmp.baselineEmpty());
        JsonReportRenderer.changes("changes", cmp.changes(), g);
        JsonReportRenderer.changes("upstreams", cmp.upstreams(), g);
        JsonReportRenderer.changes("routes", cmp.routes(), g);
        g.writeEndObject();
    }

    private static void run(String field, String label, RunComparison.Run run, JsonGenerator g) throws IOException {
        Report r = run.report();
        int off = r.traffic().offsetSeconds();
        g.writeObjectFieldStart(field);
        g.writeStringField("run", label);
        g.writeArrayFieldStart("inputs");
        for (String i : r.inputs()) {
            g.writeString(i);
        }
        g.writeEndArray();
        g.writeStringField("format", r.format());
        g.writeStringField("filter", r.filter());
        g.writeStringField("from", JsonReportRenderer.iso(run.fromSecond(), off));
        g.writeStringField("to", JsonReportRenderer.iso(run.toSecond(), off));
        g.writeNumberField("seconds", run.seconds());
        g.writeNumberField("requests", run.requests());
        g.writeNumberField("per_second", run.perSecond());
        g.writeNumberField("lines", r.lines());
        g.writeNumberField("rejected", r.rejects().total());
        if (r.summary().first() != null) {
            g.writeStringField("first", InstantText.iso(r.summary().first()));
            g.writeStringField("last", InstantText.iso(r.summary().last()));
        } else {
            g.writeNullField("first");
            g.writeNullField("last");
        }
        JsonReportRenderer.percentiles("request_time_ms", r.timing().requestTime(), g);
        g.writeObjectFieldStart("tiers");
        for (TierReport t : r.timing().tiers()) {
            g.writeObjectFieldStart(t.tier());
            g.writeNumberField("requests", t.requests());
            g.writeNumberField("per_second", (double) t.requests() / run.seconds());
            JsonReportRenderer.percentiles("request_time_ms", t.requestTime(), g);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
