package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * prometheus-nginxlog-exporter's feature scenarios: a log_format, lines, and the metric values reported.
 *
 * <p>Convention: the exporter SUMS {@code $upstream_response_time} over both separators ({@code ", "} and
 * {@code " : "}) and skips {@code -} ({@code "1.000, -, 2.000"} counts 3.0), which is our
 * {@code upstreamTimeMicros()}; connect times are reduced the same way. A bare {@code -} as
 * {@code $request_time} is not a parse error (our {@code requestTimeMicros() == -1}). Its summaries
 * report the nearest-rank quantile (0.5 of 10, 20, 30, 40 is 20). The {@code method} label comes from
 * {@code $request} (empty when the format has none).
 */
class PrometheusPeerTest {
    private static final Pattern ASSERTION =
            Pattern.compile("value (\\S+) for metric (\\w+?)(_total|_sum|_count)?(?:\\{(.*)})?$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** One parsed line of a scenario, copied out of the reused record. */
    private record Parsed(String method, int status, long requestTimeMicros, long upstreamTimeMicros,
                          long connectTimeMicros) {
    }

    @Test
    void scenarioMetrics_matchOurValues_sumOverBothSeparators_dashSkipped() {
        JsonNode scenarios = PeerLogs.json(PeerLogs.requireRoot().resolve(PeerFolder.PROMETHEUS.dir())
                .resolve("cases.EXTRACT.json"));
        PeerChecks checks = new PeerChecks("prometheus-nginxlog-exporter");

        for (JsonNode scenario : scenarios) {
            String where = scenario.get("scenario").asText();
            if (where.equals(ANONYMISED)) {
                // the exporter's regex takes any text for $remote_addr; nginx writes an address, so ngxtime
                // rejects these hand-anonymised lines (PeerFolder.PROMETHEUS lists them): not our convention
                continue;
            }
            PeerFormat format = PeerFormat.named(scenario.get("log_format").asText());
            LineParser parser = format.format().newParser();
            LogRecord r = format.format().newRecord();
            List<Parsed> parsed = new ArrayList<>();
            int parseErrors = 0;
            for (JsonNode line : scenario.get("lines")) {
                byte[] b = line.asText().getBytes(StandardCharsets.UTF_8);
                if (parser.parse(b, 0, b.length, r)) {
                    // the exporter's method label comes from $request only; ngxtime also reads $request_method
                    String method = r.method() == null || !format.format().has("request") ? "" : r.method();
                    parsed.add(new Parsed(method, r.status(), r.requestTimeMicros(),
                            r.upstreamTimeMicros(), connectSum(r)));
                } else {
                    parseErrors++;
                }
            }
            checks.equal(where, "every line parses", 0, parseErrors);
            for (JsonNode a : scenario.get("assertions")) {
                Matcher m = ASSERTION.matcher(a.asText());
                if (!m.find()) {
                    assertThat(a.asText()).as("not a metric assertion").contains("process should be running");
                    continue;
                }
                check(where, m, parsed, parseErrors, checks);
            }
        }
        checks.assertAll(21);
    }

    /** The scenario whose client addresses were anonymised by hand ({@code 10.rr.ii.yy}). */
    private static final String ANONYMISED = "Issue 90: Unknown parse error";

    @Test
    void issue224_dashInsideTheList_isSkipped_andBareDashRequestTime_isNoParseError() {
        JsonNode issue224 = scenario("Issue 224: Missing float values");
        PeerFormat format = PeerFormat.named(issue224.get("log_format").asText());

        LogRecord first = PeerChecks.parse(format.format(), issue224.get("lines").get(0).asText());
        assertThat(first.attemptCount()).isEqualTo(3);
        assertThat(first.attemptResponseMicros(1)).isEqualTo(-1);
        assertThat(first.upstreamTimeMicros()).isEqualTo(3_000_000);

        LogRecord second = PeerChecks.parse(format.format(), issue224.get("lines").get(1).asText());
        assertThat(second.requestTimeMicros()).isEqualTo(-1);
        assertThat(second.upstreamTimeMicros()).isEqualTo(1_000_000);
    }

    private static void check(String where, Matcher m, List<Parsed> lines, int parseErrors, PeerChecks checks) {
        double value = Double.parseDouble(m.group(1));
        String metric = m.group(2);
        String suffix = m.group(3) == null ? "" : m.group(3);
        Map<String, String> labels = new HashMap<>();
        if (m.group(4) != null) {
            Matcher l = LABEL.matcher(m.group(4));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        List<Parsed> selected = lines.stream().filter(p -> matches(p, labels)).toList();
        String what = m.group(2) + suffix + labels;
        if (metric.endsWith("parse_errors")) {
            checks.number(where, what, value, parseErrors);
        } else if (metric.endsWith("response_count") || suffix.equals("_count")) {
            checks.number(where, what, value, selected.size());
        } else {
            ToLongFunction<Parsed> micros = metric.endsWith("upstream_connect_time_seconds") ? Parsed::connectTimeMicros
                    : metric.endsWith("upstream_time_seconds") ? Parsed::upstreamTimeMicros
                    : metric.endsWith("response_time_seconds") ? Parsed::requestTimeMicros
                    : p -> {
                        throw new AssertionError("unmapped metric " + metric);
                    };
            long[] values = selected.stream().mapToLong(micros).filter(v -> v >= 0).sorted().toArray();
            long actual = suffix.equals("_sum") ? java.util.Arrays.stream(values).sum()
                    : nearestRank(values, Double.parseDouble(labels.get("quantile")));
            checks.seconds(where, what, value, actual);
        }
    }

    /** Whether a line carries the assertion's method and status labels ("other": a method not named GET). */
    private static boolean matches(Parsed p, Map<String, String> labels) {
        String method = labels.get("method");
        String status = labels.get("status");
        boolean methodOk = method == null || method.equals(p.method())
                || (method.equals("other") && !p.method().equals("GET"));
        return methodOk && (status == null || Integer.parseInt(status) == p.status());
    }

    private static long nearestRank(long[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    /** The exporter sums connect times like response times: every attempt's, "-" skipped. */
    private static long connectSum(LogRecord r) {
        long sum = 0;
        boolean any = false;
        for (int i = 0; i < r.attemptCount(); i++) {
            long v = r.attemptConnectMicros(i);
            if (v >= 0) {
                sum += v;
                any = true;
            }
        }
        return any ? sum : -1;
    }

    private static JsonNode scenario(String name) {
        JsonNode scenarios = PeerLogs.json(PeerLogs.requireRoot().resolve(PeerFolder.PROMETHEUS.dir())
                .resolve("cases.EXTRACT.json"));
        for (JsonNode s : scenarios) {
            if (s.get("scenario").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + name);
    }
}
