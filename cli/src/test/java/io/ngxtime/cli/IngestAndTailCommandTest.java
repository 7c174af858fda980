package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestAndTailCommandTest {
    @TempDir
    Path dir;

    /**
     * Combined lines, one per second of log time from 2026-10-10T10:00:00+02:00: tail's window is over log time,
     * so a test that expects every line in it gives a window covering their seconds.
     */
    static List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>();
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
                java.util.Locale.ENGLISH);
        java.time.OffsetDateTime start = java.time.OffsetDateTime.parse("2026-10-10T10:00:00+02:00");
        for (int i = from; i < to; i++) {
            out.add(String.format("192.0.2.%d - - [%s] \"GET /p/%d HTTP/1.1\" 200 5 \"-\" \"t\"",
                    i % 250, local.format(start.plusSeconds(i)), i));
        }
        return out;
    }

    @Test
    void ingestTwice_thenReportTheQueue_countsEveryLineOnce() throws Exception {
        Path log = dir.resolve("access.log");
        Files.write(log, lines(0, 5000));
        Path q = dir.resolve("q");
        ReportCommandTest.Run first = ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("ingested 5,000 new lines");
        Files.write(log, lines(5000, 6000), java.nio.file.StandardOpenOption.APPEND);
        ReportCommandTest.Run second = ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString());
        assertThat(second.out()).contains("ingested 1,000 new lines");
        ReportCommandTest.Run report = ReportCommandTest.run("report", "--queue", q.toString(), "--json");
        assertThat(report.json().get("requests").asLong()).isEqualTo(6000);
        ReportCommandTest.Run window = ReportCommandTest.run("report", "--queue", q.toString(), "--json",
                "--from", "2026-10-10T10:10:00+02:00", "--to", "10/Oct/2026:10:20:00 +0200");
        assertThat(window.json().get("requests").asLong()).isEqualTo(600);
        assertThat(window.json().get("time").get("first").asText()).isEqualTo("2026-10-10T10:10:00+02:00");
    }

    @Test
    void reportSinceLast_reportsWhatIsNewSinceTheLastRunWithThatName() throws Exception {
        Path log = dir.resolve("access.log");
        Files.write(log, lines(0, 3000));
        Path q = dir.resolve("q");
        assertThat(ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString()).exit()).isZero();
        String[] since = {"report", "--queue", q.toString(), "--since-last", "hourly", "--json"};
        assertThat(ReportCommandTest.run(since).json().get("requests").asLong()).isEqualTo(3000);
        assertThat(ReportCommandTest.run(since).json().get("requests").asLong()).isZero();
        Files.write(log, lines(3000, 3400), java.nio.file.StandardOpenOption.APPEND);
        assertThat(ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString()).exit()).isZero();
        assertThat(ReportCommandTest.run(since).json().get("requests").asLong()).isEqualTo(400);
        ReportCommandTest.Run noQueue = ReportCommandTest.run("report", log.toString(), "--since-last", "hourly");
        assertThat(noQueue.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noQueue.err()).contains("--since-last needs --queue");
        ReportCommandTest.Run missing = ReportCommandTest.run("report", "--queue", dir.resolve("none").toString(),
                "--since-last", "hourly");
        assertThat(missing.exit()).isEqualTo(ExitCode.IO);
        assertThat(Files.exists(dir.resolve("none"))).as("no queue is created by a report").isFalse();
    }

    @Test
    void reportQueue_onADirectoryThatHoldsNoQueue_orOnAFile_oneClearLine_exit74_andWritesNothing() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("nginx"));
        Path log = logs.resolve("access.log");
        Files.write(log, lines(0, 10));
        for (String[] args : List.of(new String[] {"report", "--queue", logs.toString()},
                new String[] {"report", "--queue", logs.toString(), "--since-last", "hourly"})) {
            ReportCommandTest.Run r = ReportCommandTest.run(args);
            assertThat(r.exit()).isEqualTo(ExitCode.IO);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("cannot read queue " + logs).contains("not a queue");
            assertThat(r.out()).as("no empty report is printed").isEmpty();
        }
        try (var files = Files.list(logs)) {
            assertThat(files.toList()).as("nothing written into the mistaken directory").containsExactly(log);
        }
        ReportCommandTest.Run onFile = ReportCommandTest.run("report", "--queue", log.toString());
        assertThat(onFile.exit()).isEqualTo(ExitCode.IO);
        assertThat(onFile.err()).contains("not a directory");
        ReportCommandTest.Run missing = ReportCommandTest.run("report", "--queue", dir.resolve("none").toString());
        assertThat(missing.err()).contains("no such queue directory");
    }

    @Test
    void ingest_unwritableQueue_oneLine_exit74() throws Exception {
        Path log = dir.resolve("a.log");
        Files.write(log, lines(0, 10));
        Path blocker = dir.resolve("file-not-dir");
        Files.writeString(blocker, "x");
        ReportCommandTest.Run r = ReportCommandTest.run("ingest", log.toString(), "--queue", blocker.resolve("q").toString(),
                "--log-format", "combined");
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("ngxtime: cannot write queue");
    }

    @Test
    void ingest_interruptedWithSigterm_flushes_andTheNextRunCompletesExactly() throws Exception {
        Path log = dir.resolve("big.log");
        int total = 200_000;
        try (var w = Files.newBufferedWriter(log)) {
            for (int from = 0; from < total; from += 100_000) {
                for (String l : lines(from, from + 100_000)) {
                    w.write(l);
                    w.write('\n');
                }
            }
        }
        Path q = dir.resolve("q");
        List<String> cmd = ChildJvm.command();
        cmd.add("-Xint"); // interpreted: slow enough that the signal always comes mid-ingest
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", log.toString(),
                "--queue", q.toString(), "--log-format", "combined"));
        Path output = dir.resolve("child.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // wait until the queue has data, then interrupt (SIGTERM runs the shutdown hook, like Ctrl-C)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (var files = Files.list(q)) {
                if (files.anyMatch(f -> f.toString().endsWith(".cq4"))) {
                    break;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // not created yet
            }
            Thread.sleep(20);
        }
        Thread.sleep(300);
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(output);
        assertThat(out).as("stopped by the signal, not finished").contains("interrupted");
        ReportCommandTest.Run rest = ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString(),
                "--log-format", "combined");
        assertThat(rest.exit()).as(out + rest.err()).isZero();
        JsonNode report = ReportCommandTest.run("report", "--queue", q.toString(), "--json", "--peaks", "0").json();
        assertThat(report.get("requests").asLong()).as(out + "\n" + rest.out()).isEqualTo(total);
        assertThat(report.get("rejected").asLong()).isZero();
    }

    @Test
    void tail_fromStart_printsJsonLinesWithTheRequests() throws Exception {
        Path log = dir.resolve("live.log");
        Files.write(log, lines(0, 300));
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "600", "--duration", "3", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> objects = r.out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(objects).isNotEmpty();
        JsonNode last = new ObjectMapper().readTree(objects.get(objects.size() - 1));
        assertThat(last.get("requests").asLong()).isEqualTo(300);
        assertThat(last.get("status").get("200").asLong()).isEqualTo(300);
    }

    @Test
    void tail_json_peaksAreNotAttributed_soTheirCountsTimesAndRatesAreNullNotZero() throws Exception {
        Path log = dir.resolve("live.log");
        try (var in = Files.lines(SampleGoldenTest.samples().resolve("timing-small.log"))) {
            Files.write(log, in.limit(1000).toList());
        }
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "7200", "--duration", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode last = lastObject(r.out());
        assertThat(last.get("request_time_ms").get("count").asLong()).as("the sample is timed").isPositive();
        assertThat(last.get("peaks")).isNotEmpty();
        for (JsonNode p : last.get("peaks")) {
            assertThat(p.get("busiest_minute").get("requests").asLong()).isPositive();
            assertThat(p.get("attributed").asBoolean()).isFalse();
            assertThat(p.get("requests_during").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("requests_before").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("p99_ms").get("during").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("p99_ms").get("before").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("error_rate_5xx").get("during").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("error_rate_5xx").get("before").isNull()).as(p.toString()).isTrue();
            assertThat(p.get("attribution").isObject()).isTrue();
            assertThat(p.get("attribution").size()).isZero();
        }

        JsonNode report = ReportCommandTest.run("report", log.toString(), "--json").json();
        JsonNode attributed = report.get("peaks").get(0);
        assertThat(attributed.get("attributed").asBoolean()).as("report still attributes its peaks").isTrue();
        assertThat(attributed.get("requests_during").asLong()).isPositive();
        assertThat(attributed.get("p99_ms").get("during").isNumber()).isTrue();
        assertThat(attributed.get("attribution").size()).isEqualTo(5);
    }

    @Test
    void tail_emptyLines_areRejectedAsEmptyLine_andCountedInLines() throws Exception {
        Path log = dir.resolve("live.log");
        List<String> content = new ArrayList<>(lines(0, 10));
        content.add(4, "");
        content.add("");
        Files.write(log, content);
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "60", "--duration", "2", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode last = lastObject(r.out());
        assertThat(last.get("lines").asLong()).isEqualTo(12);
        assertThat(last.get("requests").asLong()).isEqualTo(10);
        assertThat(last.get("rejects").get("by_reason").get("empty line").asLong()).isEqualTo(2);
        assertThat(last.get("rejects").get("samples").get(0).get("line").asLong()).isEqualTo(5);
    }

    /** The last JSON object tail printed. */
    static JsonNode lastObject(String out) throws Exception {
        List<String> objects = out.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(objects).as(out).isNotEmpty();
        return new ObjectMapper().readTree(objects.get(objects.size() - 1));
    }

    /** 30 lines in no format, then 12 good ones: what a log in the wrong format looks like to tail. */
    private Path garbageThenGood() throws Exception {
        Path log = dir.resolve("live.log");
        List<String> content = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            content.add("garbage " + i);
        }
        content.addAll(lines(0, 12));
        Files.write(log, content);
        return log;
    }

    private static void assertGarbageCounted(JsonNode last, Path log) {
        assertThat(last.get("requests").asLong()).isEqualTo(12);
        assertThat(last.get("rejected").asLong()).isEqualTo(30);
        assertThat(last.get("lines").asLong()).isEqualTo(42);
        JsonNode rejects = last.get("rejects");
        assertThat(rejects.get("by_reason").size()).isEqualTo(1);
        assertThat(rejects.get("by_reason").get("expected an IP address (IPv4, IPv6 or unix:) in $remote_addr").asLong())
                .isEqualTo(30);
        JsonNode first = rejects.get("samples").get(0);
        assertThat(first.get("source").asText()).isEqualTo(log.toString());
        assertThat(first.get("line").asLong()).isEqualTo(1);
        assertThat(first.get("reason").asText())
                .isEqualTo("expected an IP address (IPv4, IPv6 or unix:) at column 1, found 'g' (in $remote_addr)");
        assertThat(first.get("text").asText()).isEqualTo("garbage 1");
        assertThat(rejects.get("samples").get(4).get("line").asLong()).isEqualTo(5);
    }

    @Test
    void tail_rejectedLines_areCountedByReasonWithSamples_inJson() throws Exception {
        Path log = garbageThenGood();
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "60", "--duration", "2", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        assertGarbageCounted(lastObject(r.out()), log);
    }

    @Test
    void tailWithQueue_rejectedLines_areCountedByReasonWithSamples_andReportReadsTheSameFromTheQueue() throws Exception {
        Path log = garbageThenGood();
        Path q = dir.resolve("q");
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "60", "--duration", "2", "--log-format", "combined", "--queue", q.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertGarbageCounted(lastObject(r.out()), log);
        ReportCommandTest.Run report = ReportCommandTest.run("report", "--queue", q.toString(), "--json");
        assertGarbageCounted(report.json(), log);
    }

    @Test
    void tail_terminalView_showsRejectedLinesByReason_andTheFirstOneWithoutItsControlBytes() throws Exception {
        Path log = dir.resolve("live.log");
        List<String> content = new ArrayList<>(lines(0, 5));
        content.add("\u001b]0;owned\u0007\u001b[2Jbad 6");
        content.add("bad 7");
        Files.write(log, content);
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--interval", "1",
                "--window", "5", "--duration", "2", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 requests").contains("rejected lines 2")
                .contains("  rejected:          2  expected an IP address (IPv4, IPv6 or unix:) in $remote_addr")
                .contains("  first rejected line: " + log + ":6: expected an IP address (IPv4, IPv6 or unix:) at column 1")
                .contains("    \\x1B]0;owned\\x07\\x1B[2Jbad 6")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void tail_plainView_cutsLongUpstreamsAndRoutesToTheirColumns_measuredInTerminalColumns() throws Exception {
        Path log = dir.resolve("timing.log");
        String socket = "unix:/var/run/php/php8.2-fpm-www-pool-with-a-long-name.sock"; // 57 characters
        String wide = "/商品/" + "説明".repeat(30); // 2 columns a character
        List<String> content = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] target = {"/api/items/" + "x".repeat(60), wide, "/a\\x1B[31mred", "/short"};
            String[] upstream = {socket, "10.0.0.1:8080", socket, "upstream-\\x07bell:80"};
            content.add(timingLine(i % 10, target[i % 4], upstream[i % 4]));
        }
        Files.write(log, content);
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--interval", "1",
                "--window", "60", "--duration", "2", "--log-format", "timing");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] out = r.out().split("\n");
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("40 requests");
        // the last frame's tables: every row as wide as its header, the long names cut with an ellipsis
        int upstreamHeader = lastIndexStartingWith(out, "  upstream ");
        int routeHeader = lastIndexStartingWith(out, "  route ");
        assertThat(upstreamHeader).isPositive();
        assertThat(routeHeader).isGreaterThan(upstreamHeader);
        List<String> upstreamRows = List.of(out).subList(upstreamHeader + 1, routeHeader);
        List<String> routeRows = List.of(out).subList(routeHeader + 1, Math.min(out.length, routeHeader + 5));
        assertThat(upstreamRows).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("  unix:/var/run/php/php8.2-fp…"));
        assertThat(routeRows).hasSize(4).anySatisfy(l -> assertThat(l).startsWith("  /商品/説明"));
        assertAsWideAs(out[upstreamHeader], upstreamRows);
        assertAsWideAs(out[routeHeader], routeRows);
    }

    @Test
    void report_routesTable_widePathsLineUp_inTerminalColumns() throws Exception {
        List<String> content = new ArrayList<>();
        String[] targets = {"/商品/" + "説明".repeat(30), "/商品/a", "/" + "x".repeat(80), "/b"};
        for (int i = 0; i < 40; i++) {
            content.add("192.0.2.1 - - [07/Oct/2026:14:00:0" + (i % 10) + " -0700] \"GET " + targets[i % 4]
                    + " HTTP/1.1\" 200 10 \"-\" \"curl\"");
        }
        List<String> table = reportTable(content, "combined", "  route ");
        List<String> rows = table.subList(1, 5);
        assertThat(rows).anySatisfy(l -> assertThat(l).startsWith("  /商品/説明").contains("…"));
        assertAsWideAs(table.get(0), rows);
    }

    @Test
    void report_upstreamTable_wideAndAccentedAddressesLineUp_inTerminalColumns() throws Exception {
        String[] upstream = {"10.0.0.1:8080", "unix:/run/php/éééééééé.sock", "unix:/run/説明説明説明.sock",
            "unix:/run/" + "説明".repeat(20) + ".sock"};
        List<String> content = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            content.add(timingLine(i % 10, "/api", upstream[i % 4]));
        }
        List<String> table = reportTable(content, "timing", "  address ");
        List<String> rows = table.subList(1, 5);
        assertThat(rows).anySatisfy(l -> assertThat(l).startsWith("  unix:/run/説明説明説明.sock "))
                .anySatisfy(l -> assertThat(l).startsWith("  unix:/run/説明").contains("…"));
        assertAsWideAs(table.get(0), rows);
    }

    /** The text report of {@code lines} in {@code format}: the table header starting with {@code headerPrefix}, 4 rows. */
    private List<String> reportTable(List<String> lines, String format, String headerPrefix) throws Exception {
        Path log = dir.resolve(format + ".log");
        Files.write(log, lines);
        ReportCommandTest.Run r = ReportCommandTest.run("report", log.toString(), "--log-format", format);
        assertThat(r.exit()).as(r.err()).isZero();
        String[] out = r.out().split("\n");
        int header = lastIndexStartingWith(out, headerPrefix);
        assertThat(header).as(r.out()).isPositive();
        return List.of(out).subList(header, header + 5);
    }

    /** A line in the {@code timing} format at second {@code second} of a minute, to {@code target} through {@code upstream}. */
    private static String timingLine(int second, String target, String upstream) {
        return "192.0.2.1 - - [07/Oct/2026:14:00:0" + second + " -0700] \"GET " + target + " HTTP/1.1\" 200 10 \"-\""
                + " \"curl\" rt=0.010 ua=\"" + upstream + "\" us=\"200\" uct=\"0.001\" uht=\"0.009\" urt=\"0.009\""
                + " ucs=- msec=179140680" + second + ".000";
    }

    /** Every row takes as many terminal columns as the table's header. */
    private static void assertAsWideAs(String header, List<String> rows) {
        for (String row : rows) {
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(row)).as(row)
                    .isEqualTo(io.ngxtime.cli.render.TerminalColumns.width(header));
        }
    }

    private static int lastIndexStartingWith(String[] lines, String prefix) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs tail with {@code beforeFollowerOpens} set: the moment between format detection and the follower's start. */
    static ReportCommandTest.Run tailWithHook(Runnable beforeFollowerOpens, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        TailCommand tail = cl.getSubcommands().get("tail").getCommand();
        tail.beforeFollowerOpens = beforeFollowerOpens;
        List<String> all = new ArrayList<>(List.of("tail"));
        all.addAll(List.of(args));
        int exit = cl.execute(all.toArray(String[]::new));
        return new ReportCommandTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void tail_fileCreatedWhileTailStarts_isReadFromItsStart() throws Exception {
        Path log = dir.resolve("new.log");
        ReportCommandTest.Run r = tailWithHook(() -> write(log, lines(0, 100)), log.toString(), "--json",
                "--interval", "1", "--window", "600", "--duration", "2", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode last = lastObject(r.out());
        assertThat(last.get("requests").asLong()).as("absent when tail started: none of its lines is old").isEqualTo(100);
        assertThat(last.get("rejected").asLong()).isZero();
    }

    @Test
    void tail_existingFile_startsAtItsEnd() throws Exception {
        Path log = dir.resolve("old.log");
        Files.write(log, lines(0, 100));
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--json", "--interval", "1",
                "--window", "5", "--duration", "2", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(lastObject(r.out()).get("lines").asLong()).isZero();
    }

    @Test
    void tail_assumedFormat_mostLinesRejected_oneLineHintNamesTheFormatThatFits() throws Exception {
        Path log = dir.resolve("later.log");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        int[] exit = {-1};
        Thread tail = new Thread(() -> exit[0] = cl.execute("tail", log.toString(), "--json", "--interval", "1",
                "--window", "5", "--duration", "3"));
        tail.start();
        // the file appears once tail is running (its first view printed)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString().contains("{") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        write(log, lines(0, 100));
        tail.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(exit[0]).as(err.toString()).isZero();
        JsonNode last = lastObject(out.toString());
        assertThat(last.get("format").asText()).isEqualTo("timing");
        assertThat(last.get("rejected").asLong()).isEqualTo(100);
        assertThat(last.get("requests").asLong()).isZero();
        List<String> errLines = err.toString().lines().toList();
        assertThat(errLines).containsExactly(
                "ngxtime: no lines to detect the format from yet; assuming 'timing' (give --log-format)",
                "ngxtime: 100 of the 100 lines read do not match the assumed format 'timing'; "
                        + "the log looks like 'combined': restart with --log-format combined");
    }

    @Test
    void tail_givenFormat_noHint_evenWhenEveryLineIsRejected() throws Exception {
        Path log = dir.resolve("given.log");
        Files.write(log, lines(0, 50));
        ReportCommandTest.Run r = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json",
                "--interval", "1", "--window", "5", "--duration", "2", "--log-format", "timing");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(lastObject(r.out()).get("rejected").asLong()).isEqualTo(50);
        assertThat(r.err()).isEmpty();
    }

    private static void write(Path file, List<String> content) {
        try {
            Files.write(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
