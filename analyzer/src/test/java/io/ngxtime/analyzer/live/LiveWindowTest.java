package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.record.LineSample;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchDecoder;
import io.ngxtime.analyzer.queue.BatchEncoder;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveWindowTest {
    private static final LogFormat COMBINED = Preset.COMBINED.format();
    private static final String GOOD = "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" 200 5 \"-\" \"t\"";
    private static final String NO_STATUS = "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" x 5 \"-\" \"t\"";

    /** The lines as one queue batch, encoded and decoded as tail reads them back from its queue. */
    static Batch batch(String source, String... lines) throws Exception {
        BatchEncoder encoder = new BatchEncoder(COMBINED);
        new InputParser(COMBINED).read(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                source, encoder.sink());
        int n = encoder.finish(List.of(), Long.MIN_VALUE);
        return new BatchDecoder().decode(encoder.encoded(), 0, n, new Batch());
    }

    @Test
    void addBatch_viewCountsRejectedLinesByReason_withFileAndLineSamples() throws Exception {
        LiveWindow window = new LiveWindow(3);
        window.add(batch("access.log", "garbage", GOOD, NO_STATUS, GOOD, "garbage"));
        window.tick();

        Report view = window.view("access.log", "combined");

        assertThat(view.summary().requests()).isEqualTo(2);
        assertThat(view.rejects().total()).isEqualTo(3);
        assertThat(view.lines()).isEqualTo(5);
        assertThat(view.rejects().byReason()).containsExactly(
                Map.entry("expected an IP address (IPv4, IPv6 or unix:) in $remote_addr", 2L),
                Map.entry("expected a digit in $status", 1L));
        assertThat(view.rejects().samples()).extracting(LineSample::source, LineSample::line, LineSample::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("access.log", 1L, "garbage"),
                        org.assertj.core.groups.Tuple.tuple("access.log", 3L, NO_STATUS),
                        org.assertj.core.groups.Tuple.tuple("access.log", 5L, "garbage"));
        assertThat(view.rejects().samples().get(1).message()).isEqualTo("expected a digit at column 62, found 'x' (in $status)");
    }

    @Test
    void view_findsPeaks_butDoesNotAttributeThem() throws Exception {
        LiveWindow window = new LiveWindow(3);
        // a burst of 25 in one second: with no other minute to compare with, a peak needs 20 requests
        String[] burst = new String[25];
        java.util.Arrays.fill(burst, GOOD);
        window.add(batch("access.log", burst));
        window.tick();

        Report view = window.view("access.log", "combined");

        assertThat(view.peaks()).isNotEmpty();
        assertThat(view.peaks()).allSatisfy(p -> {
            assertThat(p.attributed()).isFalse();
            assertThat(p.attribution()).isEmpty();
        });
    }

    @Test
    void rejectedLines_leaveTheViewWithTheirInterval_butStayInTheTotalsSeen() throws Exception {
        LiveWindow window = new LiveWindow(2);
        window.add(batch("a.log", "bad 1", "bad 2", GOOD));
        window.tick();
        window.add(batch("a.log", "bad 3"));
        window.tick();
        assertThat(window.view("a.log", "combined").rejects().total()).isEqualTo(3);

        window.tick(); // the first interval leaves the window
        Report view = window.view("a.log", "combined");

        assertThat(view.rejects().total()).isEqualTo(1);
        assertThat(view.summary().requests()).isZero();
        assertThat(view.rejects().samples()).extracting(LineSample::text).containsExactly("bad 3");
        assertThat(window.linesSeen()).isEqualTo(4);
        assertThat(window.rejectedSeen()).isEqualTo(3);
    }

    @Test
    void addBatch_countsItsRequestsForTheSurgeCheck() throws Exception {
        LiveWindow window = new LiveWindow(2);
        window.add(batch("a.log", GOOD, "bad", GOOD, GOOD));
        window.tick();
        assertThat(window.lastIntervalRequests()).isEqualTo(3);
    }

    /** {@code n} requests in one interval, then the interval closed. */
    private static void interval(LiveWindow window, int n) throws Exception {
        String[] lines = new String[n];
        java.util.Arrays.fill(lines, GOOD);
        if (n > 0) {
            window.add(batch("access.log", lines));
        }
        window.tick();
    }

    @Test
    void surge_lastIntervalAboveThreeTimesTheRecentMedian_isASurgeWithItsRates() throws Exception {
        LiveWindow window = new LiveWindow(3);
        for (int i = 0; i < 5; i++) {
            interval(window, 10);
        }
        interval(window, 40);

        Surge surge = window.surge(2).orElseThrow();

        assertThat(surge.lastPerSecond()).isEqualTo(20.0);
        assertThat(surge.medianPerSecond()).isEqualTo(5.0);
        assertThat(surge.factor()).isEqualTo(4.0);
    }

    @Test
    void surge_threeTimesTheMedianOrFewerThanTenRequests_isNone() throws Exception {
        LiveWindow steady = new LiveWindow(3);
        for (int i = 0; i < 5; i++) {
            interval(steady, 10);
        }
        interval(steady, 30);
        LiveWindow quiet = new LiveWindow(3);
        for (int i = 0; i < 5; i++) {
            interval(quiet, 1);
        }
        interval(quiet, 9);

        assertThat(steady.surge(2)).isEmpty();
        assertThat(quiet.surge(2)).isEmpty();
        assertThat(new LiveWindow(3).surge(2)).isEmpty();
    }
}
