package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchDecoder;
import io.ngxtime.analyzer.queue.BatchEncoder;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.grammar.LogFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Window reports made from real log lines the way tail makes them: parsed, through a queue batch, into a {@link LiveWindow}. */
final class WindowReports {
    private WindowReports() {
    }

    /**
     * The view of a one-interval window holding {@code lines} (none: an empty window). The lines are all at one
     * moment at the start of a minute: the window is that minute, viewed once it has passed (caught up, read at
     * wall time 0, viewed 61 s later).
     */
    static Report of(LogFormat format, List<String> lines) throws Exception {
        LiveWindow window = new LiveWindow(60, 60, io.ngxtime.analyzer.aggregate.RequestFilter.ALL,
                LiveWindow.Coverage.fromFirstRecord());
        window.caughtUp(true);
        if (!lines.isEmpty()) {
            BatchEncoder encoder = new BatchEncoder(format);
            new InputParser(format).read(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), "access.log", encoder.sink());
            int n = encoder.finish(List.of(), Long.MIN_VALUE);
            Batch b = new BatchDecoder().decode(encoder.encoded(), 0, n, new Batch());
            if (b.rejected() > 0) {
                throw new IllegalArgumentException(b.rejected() + " of the test lines were rejected");
            }
            window.add(b, 0, r -> { });
        }
        return window.view(61_000, "access.log", format.name()).report();
    }

    /**
     * A line of the {@code timing} preset: status, request time and the upstream lists as nginx logs them
     * ({@code "-"} when there is no attempt), the cache status ({@code -}, {@code HIT}, {@code MISS}).
     */
    static String timing(int status, String requestTime, String upstreamAddr, String upstreamStatus,
                         String upstreamResponseTime, String cacheStatus) {
        String times = upstreamResponseTime;
        return "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" " + status + " 5 \"-\" \"t\" rt=" + requestTime
                + " ua=\"" + upstreamAddr + "\" us=\"" + upstreamStatus + "\" uct=\"" + times.replaceAll("[0-9.]+", "0.001")
                + "\" uht=\"" + times + "\" urt=\"" + times + "\" ucs=" + cacheStatus + " msec=1791619200.000";
    }

    /** A line of the {@code combined} preset: no timing, no upstream variable. */
    static String combined(int status) {
        return "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" " + status + " 5 \"-\" \"t\"";
    }
}
