package io.ngxtime.cli.metrics;

import static io.ngxtime.cli.metrics.LogLines.timing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The metrics tail serves, fed with requests parsed from real-shaped log lines and read back the way
 * Prometheus reads them: scraped over HTTP from {@link MetricsServer} and parsed as the text format.
 */
class TailMetricsTest {
    private static final String REQUESTS = "ngxtime_requests_total";
    private static final String ATTEMPTS = "ngxtime_upstream_attempts_total";
    private static final Pattern UPSTREAM_ADDR = Pattern.compile("\\] \\[[^]]*\\] ((?:\\S+(?:, | : ))*\\S+) ");

    // What each line is, in nginx's terms; the expectations below follow from these words, not from a run.
    /** nginx served it itself; a logged 0.000 is a time of 0, observed. */
    private static final String STATIC = timing(200, "0.000", "-", "-", "-", "-", "-", "-", "1791406800.100");
    /** One attempt, answered. */
    private static final String ONE = timing(200, "0.022", "10.0.0.1:80", "200", "0.001", "0.020", "0.021", "MISS",
            "1791406801.200");
    /**
     * A retry in the first group and an internal redirect: 10.0.0.1 refused (502, no connect time), 10.0.0.2
     * timed out after connecting (504, no header time), 10.0.0.3 in the second group answered.
     */
    private static final String RETRIED = timing(200, "30.060", "10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80",
            "502, 504 : 200", "-, 0.001 : 0.002", "-, - : 0.050", "0.000, 30.001 : 0.051", "MISS", "1791406803.300");
    /** A cache hit: no attempt. */
    private static final String HIT = timing(200, "0.001", "-", "-", "-", "-", "-", "HIT", "1791406802.400");
    /** The client hung up while nginx waited for 10.0.0.2 (499, upstream status -): not the backend's failure. */
    private static final String ABORT = timing(499, "1.500", "10.0.0.2:80", "-", "0.001", "-", "1.499", "MISS",
            "1791406802.500");
    /** nginx's own 503 (limit_req, say): nginx tier, 5xx. */
    private static final String LIMITED = timing(503, "0.000", "-", "-", "-", "-", "-", "-", "1791406802.600");
    /** The combined format logs no time and no upstream variable: tier unknown, nothing observed. */
    private static final String COMBINED = "198.51.100.7 - - [07/Oct/2026:14:00:04 -0700] \"GET / HTTP/1.1\" 404 153 "
            + "\"-\" \"Mozilla/5.0\"";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Exposition scrape(TailMetrics metrics) throws IOException, InterruptedException {
        return new Exposition(get(metrics, "text/plain").body());
    }

    private HttpResponse<String> get(TailMetrics metrics, String accept) throws IOException, InterruptedException {
        if (server == null) {
            server = MetricsServer.start(MetricsAddress.parse("0"), metrics.registry());
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static TailMetrics fed(String... lines) {
        TailMetrics metrics = new TailMetrics();
        LogLines timing = new LogLines(Preset.TIMING);
        LogLines combined = new LogLines(Preset.COMBINED);
        for (String line : lines) {
            Request r = line.contains(" rt=") ? timing.parse(line) : combined.parse(line);
            assertThat(r).as("parses: %s", line).isNotNull();
            metrics.request("access.log", r);
        }
        return metrics;
    }

    @Test
    void requests_countEveryRequestFed_byTierAndStatusClass() throws Exception {
        TailMetrics metrics = fed(STATIC, ONE, RETRIED, HIT, ABORT, LIMITED, COMBINED, ONE);
        Exposition e = scrape(metrics);

        assertThat(e.sum(REQUESTS)).isEqualTo(8);
        assertThat(e.sum(REQUESTS, "tier", "nginx", "status_class", "2xx")).isEqualTo(1);
        assertThat(e.sum(REQUESTS, "tier", "nginx", "status_class", "5xx")).isEqualTo(1);
        assertThat(e.sum(REQUESTS, "tier", "cache", "status_class", "2xx")).isEqualTo(1);
        assertThat(e.sum(REQUESTS, "tier", "upstream", "status_class", "2xx")).isEqualTo(3);
        assertThat(e.sum(REQUESTS, "tier", "upstream", "status_class", "4xx")).isEqualTo(1);
        assertThat(e.sum(REQUESTS, "tier", "unknown", "status_class", "4xx")).isEqualTo(1);
        assertThat(e.sum("ngxtime_lines_total", "file", "access.log", "result", "request")).isEqualTo(8);
    }

    @Test
    void requests_whoseStatusIsNotLogged_haveTheirOwnStatusClass() throws Exception {
        // a format without $status: the request is counted under status_class="not_logged", in no class
        LogFormat format = LogFormats.compile("$remote_addr [$time_local] \"$request\" $request_time");
        LogRecord record = format.newRecord();
        assertThat(format.newParser().parse("192.0.2.1 [07/Oct/2026:14:00:00 -0700] \"GET / HTTP/1.1\" 0.004",
                record)).isTrue();
        TailMetrics metrics = new TailMetrics();
        metrics.request(RecordConverter.convert(record, new Request()));

        Exposition e = scrape(metrics);
        assertThat(e.find(REQUESTS)).singleElement().satisfies(s ->
                assertThat(s.labels()).containsEntry("status_class", "not_logged").containsEntry("tier", "unknown"));
        assertThat(e.sum("ngxtime_request_duration_seconds_count")).isEqualTo(1);
    }

    @Test
    void requestDuration_observesLoggedTimesOnly_aLoggedZeroIsObserved() throws Exception {
        TailMetrics metrics = fed(STATIC, ONE, RETRIED, HIT, ABORT, LIMITED, COMBINED);
        Exposition e = scrape(metrics);
        String h = "ngxtime_request_duration_seconds";

        // six lines log $request_time; the combined line does not, and is observed nowhere (not as 0)
        assertThat(e.sum(h + "_count")).isEqualTo(6);
        assertThat(e.sum(h + "_sum")).isCloseTo(0.000 + 0.022 + 30.060 + 0.001 + 1.500 + 0.000, within(1e-9));
        assertThat(e.find(h + "_count", "tier", "unknown")).isEmpty();
        // STATIC and LIMITED logged 0.000: two real zeros in the nginx tier's first bucket
        assertThat(e.sum(h + "_bucket", "tier", "nginx", "le", "0.001")).isEqualTo(2);
        assertThat(e.sum(h + "_count", "tier", "upstream")).isEqualTo(3);
        assertThat(e.sum(h + "_bucket", "tier", "upstream", "le", "30.0")).isEqualTo(2);
        assertThat(e.sum(h + "_bucket", "tier", "upstream", "le", "60.0")).isEqualTo(3);
    }

    @Test
    void upstreamHistograms_observeEachAttemptThatReachedTheBackend_andOnlyTheValuesLogged() throws Exception {
        TailMetrics metrics = fed(ONE, RETRIED, ABORT);
        Exposition e = scrape(metrics);
        String connect = "ngxtime_upstream_connect_duration_seconds";
        String header = "ngxtime_upstream_header_duration_seconds";
        String response = "ngxtime_upstream_response_duration_seconds";

        // 10.0.0.1: ONE's answered attempt; RETRIED's refused one is left out (no connection, its 0.000 is no response time)
        assertThat(e.sum(connect + "_count", "upstream", "10.0.0.1:80")).isEqualTo(1);
        assertThat(e.sum(response + "_count", "upstream", "10.0.0.1:80")).isEqualTo(1);
        assertThat(e.sum(response + "_sum", "upstream", "10.0.0.1:80")).isCloseTo(0.021, within(1e-9));
        // 10.0.0.2: RETRIED's timeout connected (0.001) and ran 30.001 s with no header ("-": not observed);
        // ABORT's attempt was the client's hang-up: no observation at all
        assertThat(e.sum(connect + "_count", "upstream", "10.0.0.2:80")).isEqualTo(1);
        assertThat(e.sum(header + "_count", "upstream", "10.0.0.2:80")).isZero();
        assertThat(e.sum(response + "_count", "upstream", "10.0.0.2:80")).isEqualTo(1);
        assertThat(e.sum(response + "_sum", "upstream", "10.0.0.2:80")).isCloseTo(30.001, within(1e-9));
        // 10.0.0.3, the redirect's target: all three times
        assertThat(e.sum(connect + "_sum", "upstream", "10.0.0.3:80")).isCloseTo(0.002, within(1e-9));
        assertThat(e.sum(header + "_sum", "upstream", "10.0.0.3:80")).isCloseTo(0.050, within(1e-9));
        assertThat(e.sum(response + "_sum", "upstream", "10.0.0.3:80")).isCloseTo(0.051, within(1e-9));
        // in all: one observation per logged value of an attempt that reached a backend
        assertThat(e.sum(connect + "_count")).isEqualTo(3);
        assertThat(e.sum(header + "_count")).isEqualTo(2);
        assertThat(e.sum(response + "_count")).isEqualTo(3);
    }

    @Test
    void attempts_perUpstreamAndOutcome_asTheAnalyzerClassifiesThem() throws Exception {
        TailMetrics metrics = fed(STATIC, ONE, RETRIED, HIT, ABORT);
        Exposition e = scrape(metrics);

        assertThat(e.sum(ATTEMPTS)).isEqualTo(5); // ONE 1, RETRIED 3, ABORT 1; STATIC and HIT none
        assertThat(e.sum(ATTEMPTS, "upstream", "10.0.0.1:80", "outcome", "answered")).isEqualTo(1);
        assertThat(e.sum(ATTEMPTS, "upstream", "10.0.0.1:80", "outcome", "not_connected")).isEqualTo(1);
        assertThat(e.sum(ATTEMPTS, "upstream", "10.0.0.2:80", "outcome", "failed")).isEqualTo(1);
        assertThat(e.sum(ATTEMPTS, "upstream", "10.0.0.2:80", "outcome", "client_abort")).isEqualTo(1);
        assertThat(e.sum(ATTEMPTS, "upstream", "10.0.0.3:80", "outcome", "answered")).isEqualTo(1);
    }

    @Test
    void rejectedLines_andLastLineTime_areCounted() throws Exception {
        TailMetrics metrics = new TailMetrics();
        Exposition before = scrape(metrics);
        // no line yet: no time to show, rather than 1970
        assertThat(before.find("ngxtime_last_line_timestamp_seconds")).isEmpty();
        assertThat(before.sum("ngxtime_rejected_lines_total")).isZero();

        LogLines timing = new LogLines(Preset.TIMING);
        metrics.request("a.log", timing.parse(RETRIED)); // the latest, 1791406803.300
        metrics.request("b.log", timing.parse(ONE));     // earlier: another file lagging behind
        metrics.rejected(3);
        metrics.rejected("b.log", 2);
        Exposition e = scrape(metrics);

        assertThat(e.sum("ngxtime_rejected_lines_total")).isEqualTo(5);
        assertThat(e.sum("ngxtime_lines_total", "file", "b.log", "result", "rejected")).isEqualTo(2);
        assertThat(e.sum("ngxtime_lines_total", "file", "a.log", "result", "request")).isEqualTo(1);
        assertThat(e.find("ngxtime_last_line_timestamp_seconds")).singleElement()
                .satisfies(s -> assertThat(s.value()).isCloseTo(1791406803.300, within(1e-6)));
    }

    @Test
    void upstreamLabels_areTheFirstDistinctAddresses_thenOther() throws Exception {
        TailMetrics metrics = new TailMetrics(3);
        LogLines timing = new LogLines(Preset.TIMING);
        for (int i = 1; i <= 10; i++) {
            String addr = "10.0.1." + i + ":8080, 10.0.2." + i + ":8080";
            metrics.request(timing.parse(timing(200, "0.010", addr, "502, 200", "0.001, 0.001", "0.002, 0.008",
                    "0.002, 0.008", "MISS", "1791406800." + (100 + i))));
        }
        Exposition e = scrape(metrics);

        assertThat(e.labelValues(ATTEMPTS, "upstream"))
                .containsExactlyInAnyOrder("10.0.1.1:8080", "10.0.2.1:8080", "10.0.1.2:8080", "other");
        assertThat(e.sum(ATTEMPTS)).isEqualTo(20);
        assertThat(e.sum(ATTEMPTS, "upstream", "other")).isEqualTo(17);
        assertThat(e.labelValues("ngxtime_upstream_response_duration_seconds_count", "upstream")).hasSize(4);
        assertThat(e.sum("ngxtime_upstream_response_duration_seconds_count")).isEqualTo(20);
    }

    @Test
    void hostileUpstreamAddresses_becomeSafeBoundedLabelValues() throws Exception {
        TailMetrics metrics = new TailMetrics();
        LogLines timing = new LogLines(Preset.TIMING);
        // nginx escapes the bytes as \xHH in the log; the parser gives them back; a group's name can be anything
        String escapes = "evil\\x1B[2J\\x1B]0;pwned\\x07\\x22}\\x0Afake_metric{a=\\x22b\\x22}";
        String longName = "g".repeat(5000);
        metrics.request(timing.parse(timing(502, "0.000", escapes + " : " + longName, "502 : 502", "- : -",
                "- : -", "0.000 : 0.000", "-", "1791406800.100")));
        HttpResponse<String> response = get(metrics, "text/plain");
        Exposition e = new Exposition(response.body());

        for (char c : response.body().toCharArray()) {
            assertThat(c == '\n' || (c >= 0x20 && c != 0x7f)).as("control char %04X in the scrape", (int) c).isTrue();
        }
        List<String> upstreams = e.labelValues(ATTEMPTS, "upstream");
        assertThat(upstreams).hasSize(2).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(128));
        assertThat(upstreams).contains("evil\\x1B[2J\\x1B]0;pwned\\x07\"}\\x0Afake_metric{a=\"b\"}");
        assertThat(upstreams).anySatisfy(v -> assertThat(v).startsWith("ggg").endsWith("..."));
        assertThat(e.find("fake_metric")).isEmpty();
        assertThat(e.sum(ATTEMPTS, "outcome", "not_connected")).isEqualTo(2);
    }

    @Test
    void scrape_isTheTextFormat_withEveryFamilyAndTheDocumentedBuckets() throws Exception {
        TailMetrics metrics = fed(STATIC, ONE, RETRIED, HIT, ABORT, LIMITED, COMBINED);
        metrics.rejected(1);
        HttpResponse<String> response = get(metrics, "text/plain");
        Exposition e = new Exposition(response.body());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(e.types).containsAllEntriesOf(Map.of(
                "ngxtime_requests_total", "counter",
                "ngxtime_request_duration_seconds", "histogram",
                "ngxtime_upstream_response_duration_seconds", "histogram",
                "ngxtime_upstream_connect_duration_seconds", "histogram",
                "ngxtime_upstream_header_duration_seconds", "histogram",
                "ngxtime_upstream_attempts_total", "counter",
                "ngxtime_rejected_lines_total", "counter",
                "ngxtime_lines_total", "counter",
                "ngxtime_last_line_timestamp_seconds", "gauge"));
        assertThat(e.find("ngxtime_request_duration_seconds_bucket", "tier", "upstream").stream()
                .map(s -> s.labels().get("le")).toList()).containsExactly("0.001", "0.0025", "0.005", "0.01", "0.025",
                        "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "60.0", "+Inf");
        // every histogram series: cumulative buckets, +Inf equal to _count
        for (Exposition.Sample count : e.samples) {
            if (!count.name().endsWith("_seconds_count")) {
                continue;
            }
            String family = count.name().substring(0, count.name().length() - "_count".length());
            String label = count.labels().containsKey("tier") ? "tier" : "upstream";
            List<Exposition.Sample> buckets = e.find(family + "_bucket", label, count.labels().get(label));
            for (int i = 1; i < buckets.size(); i++) {
                assertThat(buckets.get(i).value()).isGreaterThanOrEqualTo(buckets.get(i - 1).value());
            }
            assertThat(buckets.get(buckets.size() - 1).value()).isEqualTo(count.value());
        }
        assertThat(e.text).contains("ngxtime_requests_total{status_class=\"2xx\",tier=\"upstream\"} 2");
    }

    @Test
    void scrape_askingForProtobuf_getsTheClassicBuckets_noNativeHistogram() throws Exception {
        // a Prometheus with native histograms on asks for protobuf first: it gets an answer (not a 500), and
        // the same classic buckets as the text format, so its queries of _bucket keep working
        TailMetrics metrics = fed(ONE, RETRIED);
        if (server == null) {
            server = MetricsServer.start(MetricsAddress.parse("0"), metrics.registry());
        }
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                        + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/vnd.google.protobuf"));
        int histograms = 0;
        try (InputStream in = response.body()) {
            for (Metrics.MetricFamily family; (family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null; ) {
                for (Metrics.Metric metric : family.getMetricList()) {
                    if (metric.hasHistogram()) {
                        histograms++;
                        assertThat(metric.getHistogram().getBucketCount()).as(family.getName()).isEqualTo(16); // 15 bounds and +Inf
                        assertThat(metric.getHistogram().hasSchema()).as(family.getName()).isFalse();
                        assertThat(metric.getHistogram().getPositiveSpanCount()).isZero();
                    }
                }
            }
        }
        assertThat(histograms).isEqualTo(1 + 3 + 2 + 3); // request time (upstream tier); connect, header, response per upstream
    }

    @Test
    void peerIngressLog_countersEqualTheLinesFed() throws Exception {
        String dir = System.getProperty("ngxtime.peerLogs");
        Path log = dir == null ? null : Path.of(dir, "filebeat-nginx-ingress-controller", "test.log");
        Assumptions.assumeTrue(log != null && Files.isRegularFile(log), "peer logs not beside the project");
        TailMetrics metrics = new TailMetrics();
        LogLines upstreaminfo = new LogLines(Preset.UPSTREAMINFO);
        long requests = 0;
        long rejected = 0;
        long attempts = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Request r = upstreaminfo.parse(line);
            if (r == null) {
                metrics.rejected("test.log", 1);
                rejected++;
            } else {
                metrics.request("test.log", r);
                requests++;
                attempts += addresses(line);
            }
        }
        Exposition e = scrape(metrics);

        assertThat(requests).isGreaterThan(20);
        assertThat(e.sum(REQUESTS)).isEqualTo(requests);
        assertThat(e.sum("ngxtime_rejected_lines_total")).isEqualTo(rejected);
        assertThat(e.sum("ngxtime_lines_total", "file", "test.log")).isEqualTo(requests + rejected);
        assertThat(e.sum(ATTEMPTS)).isEqualTo(attempts);
        assertThat(e.sum("ngxtime_upstream_response_duration_seconds_count")).isBetween(1.0, (double) attempts);
        // upstreaminfo logs no connect time: nothing observed, rather than zeros
        assertThat(e.find("ngxtime_upstream_connect_duration_seconds_count")).isEmpty();
        assertThat(e.sum("ngxtime_request_duration_seconds_count")).isEqualTo(requests);
    }

    /** How many addresses the line's $upstream_addr lists (upstreaminfo: it follows the two bracketed names). */
    private static int addresses(String upstreaminfoLine) {
        Matcher m = UPSTREAM_ADDR.matcher(upstreaminfoLine);
        assertThat(m.find()).as("$upstream_addr in %s", upstreaminfoLine).isTrue();
        return m.group(1).equals("-") ? 0 : m.group(1).split(", | : ").length;
    }
}
