package io.ngxtime.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.CdnOffload;
import io.ngxtime.analyzer.report.Report;
import java.io.IOException;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The report's what-if keys (docs/report-json.md): {@code cache_what_if} (only with {@code --cache-ttl}) and
 * {@code cdn_offload}. Times in milliseconds; what is not measured is null.
 */
final class WhatIfJsonRenderer {
    private WhatIfJsonRenderer() {
    }

    static void write(Report r, JsonGenerator g) throws IOException {
        int offset = r.traffic().offsetSeconds();
        if (r.cacheWhatIf().isPresent()) {
            cache(r.cacheWhatIf().get(), offset, g);
        }
        cdn(r.cdnOffload(), offset, g);
    }

    private static void cache(CacheWhatIf w, int offset, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("cache_what_if");
        g.writeNumberField("ttl_seconds", w.ttlSeconds());
        g.writeArrayFieldStart("candidates");
        for (CacheWhatIf.Candidate c : w.candidates()) {
            g.writeStartObject();
            g.writeStringField("route", c.route());
            g.writeNumberField("upstream_requests", c.upstreamRequests());
            g.writeNumberField("saved_upstream_requests", c.savedRequests());
            ms(g, "saved_upstream_time_ms", c.savedUpstreamTimeMicros());
            g.writeEndObject();
        }
        g.writeEndArray();
        count(g, "upstream_requests", w.upstreamRequests());
        ms(g, "upstream_time_ms", w.upstreamTimeMicros());
        g.writeNumberField("saved_upstream_requests", w.savedRequests());
        ms(g, "saved_upstream_time_ms", w.savedUpstreamTimeMicros());
        share(g, "saved_share_of_upstream_requests", w.savedShareOfRequests());
        share(g, "saved_share_of_upstream_time", w.savedShareOfTime());
        if (w.busiestMinute().isPresent()) {
            CacheWhatIf.Minute m = w.busiestMinute().get();
            g.writeObjectFieldStart("busiest_minute");
            g.writeStringField("start", JsonReportRenderer.iso(m.startSecond(), offset));
            g.writeNumberField("upstream_requests", m.upstreamRequests());
            g.writeNumberField("saved_upstream_requests", m.savedRequests());
            ms(g, "saved_upstream_time_ms", m.savedUpstreamTimeMicros());
            g.writeEndObject();
        } else {
            g.writeNullField("busiest_minute");
        }
        g.writeNumberField("late_requests", w.lateRequests());
        g.writeNumberField("entries_not_stored", w.entriesNotStored());
        g.writeBooleanField("approximate", w.approximate());
        g.writeEndObject();
    }

    private static void cdn(CdnOffload c, int offset, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("cdn_offload");
        g.writeNumberField("requests", c.requests());
        g.writeNumberField("static_requests", c.staticRequests());
        share(g, "share_of_requests", c.shareOfRequests());
        count(g, "bytes", c.bytes());
        count(g, "static_bytes", c.staticBytes());
        share(g, "share_of_bytes", c.shareOfBytes());
        count(g, "static_upstream_requests", c.staticUpstreamRequests());
        ms(g, "static_upstream_time_ms", c.staticUpstreamTimeMicros());
        g.writeArrayFieldStart("extensions");
        for (CdnOffload.Extension e : c.extensions()) {
            g.writeStartObject();
            g.writeStringField("extension", e.extension());
            g.writeNumberField("requests", e.requests());
            count(g, "bytes", e.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.busiestMinute().isPresent()) {
            CdnOffload.Minute m = c.busiestMinute().get();
            g.writeObjectFieldStart("busiest_minute");
            g.writeStringField("start", JsonReportRenderer.iso(m.startSecond(), offset));
            g.writeNumberField("requests", m.requests());
            g.writeNumberField("static_requests", m.staticRequests());
            share(g, "share_of_requests", m.shareOfRequests());
            count(g, "bytes", m.bytes());
            count(g, "static_bytes", m.staticBytes());
            share(g, "share_of_bytes", m.shareOfBytes());
            g.writeEndObject();
        } else {
            g.writeNullField("busiest_minute");
        }
        g.writeBooleanField("minutes_approximate", c.minutesApproximate());
        g.writeEndObject();
    }

    private static void count(JsonGenerator g, String field, OptionalLong n) throws IOException {
        if (n.isPresent()) {
            g.writeNumberField(field, n.getAsLong());
        } else {
            g.writeNullField(field);
        }
    }

    private static void ms(JsonGenerator g, String field, OptionalLong micros) throws IOException {
        if (micros.isPresent()) {
            g.writeNumberField(field, micros.getAsLong() / 1000.0);
        } else {
            g.writeNullField(field);
        }
    }

    private static void share(JsonGenerator g, String field, OptionalDouble share) throws IOException {
        if (share.isPresent()) {
            g.writeNumberField(field, share.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }
}
