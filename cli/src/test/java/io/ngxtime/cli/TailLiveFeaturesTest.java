package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tail} as its user runs it, end to end through the command line (issue 12): the Prometheus endpoint
 * scraped while tail runs, an alert rule firing and clearing with its command run once each time, several
 * files with a filter. The lines carry the wall clock's time, as a live log does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TailLiveFeaturesTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    @TempDir
    Path dir;

    /** A line of the {@code timing} preset at {@code millis}, with one upstream attempt to {@code upstream}. */
    static String timing(long millis, int status, String upstream) {
        return String.format(Locale.ROOT, "192.0.2.1 - - [%s] \"GET /api/x HTTP/1.1\" %d 5 \"-\" \"t\" rt=0.020 ua=\"%s\""
                        + " us=\"%d\" uct=\"0.001\" uht=\"0.019\" urt=\"0.020\" ucs=- msec=%d.%03d",
                LOCAL.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofHours(2))), status, upstream, status,
                millis / 1000, millis % 1000);
    }

    private static void append(Path log, List<String> lines) throws Exception {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** tail running on its own thread, its stdout and stderr kept. */
    private static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int[] exit = {-1};
        final Thread thread;

        Running(String... args) {
            CommandLine cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
            thread = new Thread(() -> exit[0] = cl.execute(args), "tail-under-test");
            thread.start();
        }

        synchronized String out() {
            return out.toString();
        }

        List<JsonNode> frames() throws Exception {
            List<JsonNode> frames = new ArrayList<>();
            for (String l : out().lines().filter(l -> l.startsWith("{") && l.endsWith("}")).toList()) {
                frames.add(new ObjectMapper().readTree(l));
            }
            return frames;
        }

        int join() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(thread.isAlive()).as("tail ended").isFalse();
            return exit[0];
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    @Test
    void metrics_scrapedWhileTailRuns_countEveryLineWritten_byTierUpstreamAndRejected() throws Exception {
        Path log = dir.resolve("access.log");
        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(timing(now - 5_000 + i, i % 10 == 0 ? 502 : 200, i % 2 == 0 ? "10.0.0.1:80" : "10.0.0.2:80"));
        }
        lines.add("garbage line one");
        lines.add("garbage line two");
        append(log, lines);

        Running tail = new Running("tail", log.toString(), "--from-start", "--log-format", "timing", "--json",
                "--interval", "1", "--window", "60", "--metrics", "127.0.0.1:0", "--duration", "10");
        Pattern url = Pattern.compile("serving metrics at (http://\\S+)");
        await(() -> url.matcher(tail.err.toString()).find(), "the metrics address on stderr");
        Matcher m = url.matcher(tail.err.toString());
        assertThat(m.find()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        String[] scraped = {""};
        await(() -> {
            try {
                scraped[0] = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                return false;
            }
            return sum(scraped[0], "ngxtime_requests_total") + sum(scraped[0], "ngxtime_rejected_lines_total") >= 502;
        }, "every line in the metrics");
        String metrics = scraped[0];

        assertThat(sum(metrics, "ngxtime_requests_total")).isEqualTo(500);
        assertThat(metrics).contains("ngxtime_requests_total{status_class=\"5xx\",tier=\"upstream\"} 50.0");
        assertThat(sum(metrics, "ngxtime_rejected_lines_total")).isEqualTo(2);
        assertThat(sum(metrics, "ngxtime_upstream_attempts_total")).isEqualTo(500);
        assertThat(sum(metrics, "ngxtime_upstream_response_duration_seconds_count")).isEqualTo(500);
        assertThat(metrics).contains("upstream=\"10.0.0.1:80\"").contains("upstream=\"10.0.0.2:80\"");
        assertThat(sum(metrics, "ngxtime_last_line_timestamp_seconds")).isEqualTo((now - 5_000 + 499) / 1000.0);
        assertThat(tail.join()).as(tail.err.toString()).isZero();
    }

    @Test
    void alertRule_firesAndClears_itsCommandRunsOnceEachTime_andJsonListsItWhileItFires() throws Exception {
        Path log = dir.resolve("access.log");
        Files.createFile(log);
        Path events = dir.resolve("events.txt");
        Running tail = new Running("tail", log.toString(), "--log-format", "timing", "--json", "--interval", "1",
                "--window", "2", "--alert", "5xx>50%", "--on-alert",
                "echo \"$NGXTIME_ALERT_STATE $NGXTIME_ALERT_RULE $NGXTIME_ALERT_VALUE\" >> '" + events + "'",
                "--duration", "20");
        await(() -> tail.out().contains("{"), "the first frame");

        List<String> failing = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 20; i++) {
            failing.add(timing(now + i, 503, "10.0.0.1:80"));
        }
        append(log, failing);
        await(() -> Files.exists(events) && read(events).contains("firing"), "the alert to fire");
        // then only good requests, until the failing ones have left the window
        for (int round = 0; !read(events).contains("cleared"); round++) {
            long t = System.currentTimeMillis();
            append(log, List.of(timing(t, 200, "10.0.0.1:80"), timing(t + 1, 200, "10.0.0.1:80")));
            Thread.sleep(200);
            assertThat(round).as("the alert to clear").isLessThan(150);
        }
        assertThat(tail.join()).as(tail.err.toString()).isZero();

        List<String> said = read(events).lines().toList();
        assertThat(said.get(0)).isEqualTo("firing 5xx>50% 100%");
        assertThat(said.get(1)).startsWith("cleared 5xx>50% ");
        assertThat(said.stream().filter(l -> l.startsWith("firing"))).hasSize(1);
        List<JsonNode> frames = tail.frames();
        assertThat(frames).anySatisfy(f -> assertThat(f.get("alerts").toString()).contains("\"rule\":\"5xx>50%\""));
        assertThat(frames.get(0).get("alerts")).isEmpty();
        assertThat(frames.get(frames.size() - 1).get("alerts").toString()).doesNotContain("5xx>50%");
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoFiles_withAFilter_eachHasItsOwnCounts_theWindowHoldsWhatPasses_theTotalEveryRequest() throws Exception {
        Path a = dir.resolve("shop.access.log");
        Path b = dir.resolve("api.access.log");
        long now = System.currentTimeMillis();
        List<String> shop = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shop.add(timing(now - 10_000 + i, i < 10 ? 502 : 200, "10.0.0.1:80"));
        }
        List<String> api = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            api.add(timing(now - 10_000 + i, i < 5 ? 504 : 200, "10.0.0.2:80"));
        }
        append(a, shop);
        append(b, api);
        Path queue = dir.resolve("q");

        Running tail = new Running("tail", a.toString(), b.toString(), "--from-start", "--log-format", "timing", "--json",
                "--status", "5xx", "--interval", "1", "--window", "3600", "--queue", queue.toString(), "--duration", "4");
        assertThat(tail.join()).as(tail.err.toString()).isZero();

        JsonNode last = tail.frames().get(tail.frames().size() - 1);
        assertThat(last.get("requests").asLong()).as("the window: 5xx only").isEqualTo(15);
        assertThat(last.get("requests_total").asLong()).isEqualTo(50);
        assertThat(last.get("files").get(0).get("file").asText()).isEqualTo(a.toString());
        assertThat(last.get("files").get(0).get("lines_seen").asLong()).isEqualTo(30);
        assertThat(last.get("files").get(1).get("lines_seen").asLong()).isEqualTo(20);
        assertThat(last.get("inputs")).hasSize(2);
        // one queue per file, under the queue directory
        try (var queues = Files.list(queue)) {
            assertThat(queues.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(2).allMatch(n -> n.startsWith("api.access.log-") || n.startsWith("shop.access.log-"));
        }
    }
}
