package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String combined(String time, String request, int status) {
        return "192.0.2.7 - - [" + time + "] \"" + request + "\" " + status + " 512 \"-\" \"curl/8\"";
    }

    Path log(String name, List<String> lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void report_json_hasTheStableKeys() throws Exception {
        Path f = log("a.log", List.of(
                combined("10/Oct/2026:13:55:36 +0200", "GET / HTTP/1.1", 200),
                combined("10/Oct/2026:13:55:38 +0200", "GET /x HTTP/1.1", 404),
                combined("10/Oct/2026:13:55:37 +0200", "GET / HTTP/1.1", 200)));
        Run r = run("report", f.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asLong()).isEqualTo(3);
        assertThat(j.get("rejected").asLong()).isZero();
        assertThat(j.get("status").get("200").asLong()).isEqualTo(2);
        assertThat(j.get("status").get("404").asLong()).isEqualTo(1);
        assertThat(j.get("time").get("first").asText()).isEqualTo("2026-10-10T13:55:36+02:00");
        assertThat(j.get("time").get("last").asText()).isEqualTo("2026-10-10T13:55:38+02:00");
        assertThat(r.err()).contains("log format: combined (detected");
    }

    /** A line in the timing preset at 10 Oct 2026 13:mm:ss +0200. */
    static String timing(int minute, int second, String tail) {
        long msec = java.time.OffsetDateTime.parse(String.format("2026-10-10T13:%02d:%02d+02:00", minute, second)).toEpochSecond();
        return String.format("192.0.2.7 - - [10/Oct/2026:13:%02d:%02d +0200] \"GET /a HTTP/1.1\" 200 5 \"-\" \"t\" %s msec=%d.000",
                minute, second, tail, msec);
    }

    @Test
    void report_firstAndLast_millisecondsWithAllThreeDigits_wholeSecondsWithoutAFraction() throws Exception {
        String hit = "rt=0.000 ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=HIT";
        Path f = log("ms.log", List.of(
                timing(55, 36, hit).replace(".000", ".700"),
                timing(55, 37, hit).replace(".000", ".760"),
                timing(55, 38, hit)));
        Run r = run("report", f.toString(), "--log-format", "timing", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("time").get("first").asText()).isEqualTo("2026-10-10T13:55:36.700+02:00");
        assertThat(r.json().get("time").get("last").asText()).isEqualTo("2026-10-10T13:55:38+02:00");

        Path g = log("ms2.log", List.of(timing(55, 37, hit).replace(".000", ".760").replace("+0200", "+0000")
                .replace("13:55:37", "11:55:37")));
        Run text = run("report", g.toString(), "--log-format", "timing");
        assertThat(text.out()).contains("first       2026-10-10T11:55:37.760Z").contains("last        2026-10-10T11:55:37.760Z");
    }

    @Test
    void report_perMinuteTiers_tellZeroMillisecondCacheHitsFromMinutesWithoutThem() throws Exception {
        String hit = "rt=0.000 ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=HIT";
        String miss = "rt=0.020 ua=\"10.0.0.1:80\" us=\"200\" uct=\"0.001\" uht=\"0.010\" urt=\"0.019\" ucs=MISS";
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            lines.add(timing(55, 10 + i, hit));
        }
        for (int i = 0; i < 5; i++) {
            lines.add(timing(56, 10 + i, miss));
        }
        Path f = log("t.log", lines);
        Path csv = dir.resolve("series.csv");
        Run r = run("report", f.toString(), "--log-format", "timing", "--json", "--csv", csv.toString());
        assertThat(r.exit()).isZero();
        JsonNode minutes = r.json().get("traffic").get("per_minute");
        assertThat(minutes).hasSize(2);
        JsonNode first = minutes.get(0).get("tiers");
        assertThat(first.get("cache").get("timed_requests").asLong()).isEqualTo(7);
        assertThat(first.get("cache").get("p50_ms").asDouble()).isZero();
        assertThat(first.has("upstream")).as("no upstream request in the first minute").isFalse();
        JsonNode second = minutes.get(1).get("tiers");
        assertThat(second.get("upstream").get("timed_requests").asLong()).isEqualTo(5);
        assertThat(second.get("upstream").get("p50_ms").asDouble()).isCloseTo(20.0, org.assertj.core.data.Percentage.withPercentage(3.2));
        assertThat(second.has("cache")).isFalse();
        assertThat(minutes.get(0).get("upstream_p99_ms").isNull()).as("no upstream request in the first minute").isTrue();
        assertThat(minutes.get(1).get("upstream_p99_ms").asDouble()).isCloseTo(19.0, org.assertj.core.data.Percentage.withPercentage(3.2));

        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        int cache = header.indexOf("cache_timed_requests");
        int upstream = header.indexOf("upstream_timed_requests");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).split(",")[cache]).isEqualTo("7");
        assertThat(rows.get(1).split(",")[upstream]).isEqualTo("0");
        assertThat(rows.get(2).split(",")[cache]).isEqualTo("0");
        assertThat(rows.get(2).split(",")[upstream]).isEqualTo("5");
    }

    @Test
    void report_withAWindowAndFilters_linesCountsTheWindowsLines_andFilterTellsTheWindowInTheLogsOffset() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(combined(String.format("10/Oct/2026:13:%02d:00 +0200", 20 + i), "GET / HTTP/1.1", i % 4 == 0 ? 502 : 200));
            if (i == 15) {
                lines.add("not a log line, after 13:35"); // in the window: it follows a request in it
            }
        }
        lines.add("not a log line, after 13:59"); // outside
        Path f = log("w.log", lines);
        // 13:30 to 13:40 holds minutes 30..39 (i = 10..19), of which i = 12 and 16 are 502s
        Run r = run("report", f.toString(), "--json", "--from", "2026-10-10T13:30:00+02:00", "--to", "2026-10-10T11:40:00Z",
                "--status", "5xx", "--log-format", "combined");
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asLong()).isEqualTo(2);
        assertThat(j.get("rejected").asLong()).isEqualTo(1);
        assertThat(j.get("lines").asLong()).as("the window's 10 requests (8 left out by the filter) and its rejected line")
                .isEqualTo(11);
        assertThat(j.get("filter").asText())
                .isEqualTo("from 2026-10-10T13:30:00+02:00; to 2026-10-10T13:40:00+02:00; status 500-599");

        Path q = dir.resolve("q");
        assertThat(run("ingest", f.toString(), "--queue", q.toString(), "--log-format", "combined").exit()).isZero();
        JsonNode fromQueue = run("report", "--queue", q.toString(), "--json", "--status", "5xx").json();
        assertThat(fromQueue.get("lines").asLong()).as("without a window: every line").isEqualTo(42);
        assertThat(fromQueue.get("requests").asLong()).isEqualTo(10);
        assertThat(fromQueue.get("filter").asText()).isEqualTo("status 500-599");
    }

    @Test
    void report_formatWithoutRequestTime_saysNotApplicable_neverZeroMilliseconds() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(combined(String.format("10/Oct/2026:13:%02d:00 +0200", 20 + i), "GET /p HTTP/1.1", 200));
        }
        Path f = log("c.log", lines);
        Run json = run("report", f.toString(), "--json", "--log-format", "combined");
        JsonNode j = json.json();
        // not logged: null, not a distribution of zero values
        assertThat(j.get("request_time_ms").isNull()).isTrue();
        assertThat(j.get("tiers").get("nginx").isNull()).as("no upstream variable: tiers unknown").isTrue();
        assertThat(j.get("tiers").get("unknown").get("request_time_ms").isNull()).isTrue();
        JsonNode minute = j.get("traffic").get("per_minute").get(0);
        assertThat(minute.get("p99_ms").isNull()).isTrue();
        assertThat(minute.get("upstream_p99_ms").isNull()).isTrue();
        assertThat(j.get("routes").get("top").get(0).get("p99_ms").isNull()).isTrue();
        for (JsonNode peak : j.get("peaks")) {
            assertThat(peak.get("p99_ms").get("during").isNull()).isTrue();
        }

        Run text = run("report", f.toString(), "--log-format", "combined");
        String tiers = text.out().substring(text.out().indexOf("Request time by tier"), text.out().indexOf("\n\n",
                text.out().indexOf("Request time by tier")));
        assertThat(tiers).contains("no $request_time").doesNotContain("0.0 ms").doesNotContain("0.00 ms");
        assertThat(tiers).containsPattern("all\\s+30\\s+100.0%\\s+n/a");
        assertThat(tiers).containsPattern("nginx\\s+n/a\\s+n/a\\s+n/a").contains("which tier answered is unknown");
    }

    @Test
    void report_series_acrossADstChange_keepsEachTimeInTheOffsetItWasLoggedIn() throws Exception {
        // Europe/Berlin, 29 Mar 2026: 02:00 +0100 became 03:00 +0200
        Path f = log("dst.log", List.of(
                combined("29/Mar/2026:01:58:30 +0100", "GET / HTTP/1.1", 200),
                combined("29/Mar/2026:01:59:30 +0100", "GET / HTTP/1.1", 200),
                combined("29/Mar/2026:03:00:30 +0200", "GET / HTTP/1.1", 200)));
        Path csv = dir.resolve("seconds.csv");
        Run r = run("report", f.toString(), "--json", "--log-format", "combined", "--csv", csv.toString(),
                "--csv-resolution", "second");
        JsonNode minutes = r.json().get("traffic").get("per_minute");
        assertThat(minutes).hasSize(3);
        assertThat(minutes.get(0).get("start").asText()).isEqualTo("2026-03-29T01:58:00+01:00");
        assertThat(minutes.get(1).get("start").asText()).isEqualTo("2026-03-29T01:59:00+01:00");
        assertThat(minutes.get(2).get("start").asText()).isEqualTo("2026-03-29T03:00:00+02:00");
        assertThat(r.json().get("time").get("first").asText()).isEqualTo("2026-03-29T01:58:30+01:00");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).contains("2026-03-29T01:58:30+01:00,1", "2026-03-29T03:00:30+02:00,1");
    }

    @Test
    void report_aPeakWhoseSurgeCoversTheWholeRange_hasNoBaseline_soItsBeforeFiguresAreNull() throws Exception {
        // 40 seconds around the sample's spike (55 requests in 15:06:04): no whole minute lies outside the
        // surge, so there is no baseline, and a peak then needs 20 requests, which the spike has
        String sample = SampleGoldenTest.samples().resolve("timing-small.log").toString();
        Run r = run("report", sample, "--json", "--from", "2026-10-07T15:06:00-07:00",
                "--to", "2026-10-07T15:06:40-07:00");
        assertThat(r.exit()).isZero();
        JsonNode peaks = r.json().get("peaks");
        assertThat(peaks).isNotEmpty();
        JsonNode p = peaks.get(0);
        assertThat(p.get("baseline_start").asText()).isEqualTo(p.get("baseline_end").asText());
        assertThat(p.get("requests_before").asLong()).isZero();
        assertThat(p.get("p99_ms").get("before").isNull()).isTrue();
        assertThat(p.get("error_rate_5xx").get("before").isNull()).isTrue();
        assertThat(p.get("p99_ms").get("during").isNull()).isFalse();
        for (JsonNode items : p.get("attribution")) {
            for (JsonNode item : items) {
                assertThat(item.get("share_before").isNull()).isTrue();
            }
        }
        Run text = run("report", sample, "--from", "2026-10-07T15:06:00-07:00",
                "--to", "2026-10-07T15:06:40-07:00");
        assertThat(text.out()).contains("p99 n/a ->").doesNotContain("vs 0.0% before");
    }

    @Test
    void report_rejectedLines_areCountedByReasonAndSampledWithFileAndLine() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200));
        }
        lines.add(5, "192.0.2.7 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 2x0 512 \"-\" \"curl/8\"");
        Path f = log("b.log", lines);
        Path rejects = dir.resolve("rejects.jsonl");
        Run r = run("report", f.toString(), "--json", "--rejects", rejects.toString());
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asLong()).isEqualTo(200);
        assertThat(j.get("rejected").asLong()).isEqualTo(1);
        assertThat(j.get("rejects").get("by_reason").get("expected a digit in $status").asLong()).isEqualTo(1);
        JsonNode sample = j.get("rejects").get("samples").get(0);
        assertThat(sample.get("source").asText()).isEqualTo(f.toString());
        assertThat(sample.get("line").asLong()).isEqualTo(6);
        assertThat(sample.get("reason").asText()).isEqualTo("expected a digit at column 62, found 'x' (in $status)");
        List<String> written = Files.readAllLines(rejects);
        assertThat(written).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(written.get(0));
        assertThat(line.get("source").asText()).isEqualTo(f.toString());
        assertThat(line.get("line").asLong()).isEqualTo(6);
        assertThat(line.get("reason").asText()).isEqualTo("expected a digit at column 62, found 'x' (in $status)");
        assertThat(line.get("text").asText()).isEqualTo(lines.get(5));
        assertThat(run("report", f.toString(), "--strict").exit()).isEqualTo(ExitCode.REJECTED_LINES);
    }

    @Test
    void report_emptyLines_areRejectedAsEmptyLine_soLinesIsWhatWcSays_directQueueTerminalAndHtml() throws Exception {
        String a = combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200);
        // blank lines in the middle (one with a CRLF's \r) and two at the end: 7 newlines
        Path f = dir.resolve("blank.log");
        Files.writeString(f, a + "\n\n" + a + "\n\r\n" + a + "\n\n\n");
        long wcL = Files.readString(f).chars().filter(c -> c == '\n').count();
        assertThat(wcL).isEqualTo(7);

        Run r = run("report", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("lines").asLong()).isEqualTo(wcL);
        assertThat(j.get("requests").asLong()).isEqualTo(3);
        assertThat(j.get("rejects").get("by_reason").get("empty line").asLong()).isEqualTo(4);
        JsonNode sample = j.get("rejects").get("samples").get(0);
        assertThat(sample.get("source").asText()).isEqualTo(f.toString());
        assertThat(sample.get("line").asLong()).isEqualTo(2);
        assertThat(sample.get("reason").asText()).isEqualTo("empty line");

        Path q = dir.resolve("blank-q");
        assertThat(run("ingest", f.toString(), "--queue", q.toString()).out()).contains("ingested 7 new lines (4 rejected)");
        JsonNode fromQueue = run("report", "--queue", q.toString(), "--json").json();
        assertThat(fromQueue.get("lines").asLong()).isEqualTo(wcL);
        assertThat(fromQueue.get("rejects").get("by_reason").get("empty line").asLong()).isEqualTo(4);

        Path html = dir.resolve("blank.html");
        Run terminal = run("report", f.toString(), "--html", html.toString());
        assertThat(terminal.out()).contains("empty line").contains(f + ":2");
        assertThat(Files.readString(html)).contains("empty line");
    }

    @Test
    void report_lineOverTheLimit_isRejectedAsLineTooLong_inByReasonSamplesAndRejectsFile() throws Exception {
        Path f = log("long.log", List.of(
                combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200),
                combined("10/Oct/2026:13:55:37 +0000", "GET /" + "a".repeat(70_000) + " HTTP/1.1", 200)));
        Path rejects = dir.resolve("long-rejects.jsonl");
        Run r = run("report", f.toString(), "--log-format", "combined", "--json", "--rejects", rejects.toString());
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("rejected").asLong()).isEqualTo(1);
        assertThat(j.get("rejects").get("by_reason").fieldNames()).toIterable()
                .containsExactly("line too long (over 65536 bytes)");
        JsonNode sample = j.get("rejects").get("samples").get(0);
        assertThat(sample.get("line").asLong()).isEqualTo(2);
        assertThat(sample.get("reason").asText()).isEqualTo("line too long (over 65536 bytes)");
        JsonNode written = new ObjectMapper().readTree(Files.readString(rejects));
        assertThat(written.get("line").asLong()).isEqualTo(2);
        assertThat(written.get("reason").asText()).isEqualTo("line too long (over 65536 bytes)");
        assertThat(written.get("truncated").asBoolean()).isTrue();
        assertThat(written.get("bytes").asLong()).isEqualTo(Files.readAllLines(f).get(1).length());
        assertThat(written.get("text").asText()).hasSize(65536);
        assertThat(run("report", f.toString(), "--log-format", "combined").out())
                .contains("line too long (over 65536 bytes)").doesNotContain("expected end of line");
    }

    @Test
    void report_detection_leavesLinesOverTheLimitOut_theyAreRejectedAsTooLong() throws Exception {
        String huge = combined("10/Oct/2026:13:55:36 +0000", "GET /" + "a".repeat(1 << 20) + " HTTP/1.1", 200);
        Path f = log("huge-first.log", List.of(huge,
                combined("10/Oct/2026:13:55:37 +0000", "GET / HTTP/1.1", 200),
                combined("10/Oct/2026:13:55:38 +0000", "GET / HTTP/1.1", 200)));
        Run r = run("report", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("format").asText()).isEqualTo("combined");
        assertThat(r.json().get("requests").asLong()).isEqualTo(2);
        assertThat(r.json().get("rejects").get("by_reason").has("line too long (over 65536 bytes)")).isTrue();

        Path only = log("huge-only.log", List.of(huge));
        Run alone = run("report", only.toString(), "--json");
        assertThat(alone.err()).doesNotContain("no known log format fits").doesNotContain("found end of line");
        assertThat(alone.json().get("rejects").get("by_reason").has("line too long (over 65536 bytes)")).isTrue();
    }

    @Test
    void report_unreadableFile_oneLineOnStderr_exit74_andTheOtherFilesAreRead() throws Exception {
        Path f = log("c.log", List.of(combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200)));
        Run r = run("report", dir.resolve("missing.log").toString(), f.toString(), "--json", "--log-format", "combined");
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(r.err().strip()).isEqualTo("ngxtime: " + dir.resolve("missing.log") + ": no such file");
        assertThat(r.json().get("requests").asLong()).isEqualTo(1);
    }

    @Test
    void report_brokenFormat_isOneClearLine_exit65() throws Exception {
        Path f = log("d.log", List.of("x"));
        Run r = run("report", f.toString(), "--log-format", "$status $");
        assertThat(r.exit()).isEqualTo(ExitCode.DATA);
        assertThat(r.err().strip()).isEqualTo("ngxtime: bad log format: log format:1:9: expected a variable name after '$', found end of format");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void report_noFormatFits_namesTheClosestAndItsFirstMismatch() throws Exception {
        Path f = log("e.log", List.of("hello world", "this is not nginx"));
        Run r = run("report", f.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("no known log format fits").contains("closest is").contains("line 1, column");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void report_customFormatAndNginxConf() throws Exception {
        Path f = log("f.log", List.of("200 0.125 GET", "404 0.001 POST"));
        Run custom = run("report", f.toString(), "--json", "--log-format", "$status $request_time $request_method");
        assertThat(custom.exit()).isZero();
        assertThat(custom.json().get("requests").asLong()).isEqualTo(2);

        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, "http { log_format mine '$status $request_time $request_method'; log_format other '$status'; }");
        Run byName = run("report", f.toString(), "--json", "--nginx-conf", conf.toString(), "--format-name", "mine");
        assertThat(byName.exit()).isZero();
        assertThat(byName.json().get("format").asText()).isEqualTo("mine");
        Run detected = run("report", f.toString(), "--json", "--nginx-conf", conf.toString());
        assertThat(detected.json().get("format").asText()).isEqualTo("mine");
    }

    @Test
    void report_usageError_exit2() {
        assertThat(run("report").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("report", "x", "--bogus").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void report_connectAndHeaderTimesNotLogged_printNa_notZeroMilliseconds() throws Exception {
        Run r = run("report", SampleGoldenTest.samples().resolve("upstreaminfo-small.log").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the Upstreams table's rows (indented two spaces; deeper lines are other tables' backends)
        List<String> upstreams = r.out().lines().filter(l -> l.startsWith("  10.0.1.")).toList();
        assertThat(upstreams).isNotEmpty().allSatisfy(l -> {
            assertThat(l).doesNotContain("0.0ms/0.0ms");
            assertThat(l.trim().split(" +")).as(l).containsSubsequence("n/a", "n/a");
        });
        assertThat(r.out().lines().filter(l -> l.trim().startsWith("upstream connect")
                || l.trim().startsWith("upstream header (TTFB)")).toList())
                .hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("ms").contains("n/a"));
    }

    @Test
    void peaks_negative_isAUsageError_inEveryCommandThatFindsPeaks() throws Exception {
        Path f = log("p.log", List.of(combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200)));
        for (String[] args : List.of(
                new String[] {"report", f.toString(), "--peaks", "-1"},
                new String[] {"chart", f.toString(), "--peaks", "-1", "--out", dir.resolve("charts").toString()},
                new String[] {"week", f.toString(), "--peaks=-1", "-o", dir.resolve("w.png").toString()})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().lines().findFirst()).hasValue(
                    "ngxtime: Invalid value for option '--peaks': -1 is negative (give 0 for no peaks)");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("charts"))).isFalse();
        Run none = run("report", f.toString(), "--peaks", "0", "--json");
        assertThat(none.exit()).isZero();
        assertThat(none.json().get("peaks")).isEmpty();
    }

    @Test
    void stderrAndFileNames_haveTheirControlCharactersEscaped() throws Exception {
        Run missing = run("report", "no\u001b[31mpe.log", "--log-format", "combined");
        assertThat(missing.exit()).isEqualTo(ExitCode.IO);
        assertThat(missing.err().strip()).isEqualTo("ngxtime: no\\x1B[31mpe.log: no such file");

        Run badOption = run("report", "x.log", "--bo\u001b]0;title\u0007gus");
        assertThat(badOption.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("--bo\\x1B]0;title\\x07gus");

        Path f = log("h.log", List.of(combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200)));
        Run badFormat = run("report", f.toString(), "--log-format", "$status \u001b[2J$");
        assertThat(badFormat.exit()).isEqualTo(ExitCode.DATA);
        assertThat(badFormat.err()).doesNotContain("\u001b");

        Run week = run("week", f.toString(), "-o", dir.resolve("w\u001b[1m.svg").toString());
        assertThat(week.exit()).as(week.err()).isZero();
        assertThat(week.out()).doesNotContain("\u001b").contains("w\\x1B[1m.svg");
    }

    @Test
    void report_terminalOutput_stripsControlBytesFromLogText() throws Exception {
        Path f = log("g.log", List.of(
                combined("10/Oct/2026:13:55:36 +0000", "GET / HTTP/1.1", 200),
                "192.0.2.7 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"x\u001b[2Jevil\" trailing"));
        Run r = run("report", f.toString(), "--log-format", "combined");
        assertThat(r.out()).doesNotContain("\u001b").contains("\\x1B[2Jevil");
    }
}
