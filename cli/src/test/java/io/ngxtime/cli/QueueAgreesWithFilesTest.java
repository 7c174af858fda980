package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, item 8: {@code report --queue Q --from X --to Y} says what {@code report FILE --from X --to Y}
 * says over the same lines. The two JSON reports are compared key by key, every key but {@code inputs}
 * (the files' names against the queue's), for the shipped samples and for a hand-made rotated set whose
 * rejected lines sit at the edges of the windows: at the start and end of each file, and on both sides
 * of a window edge that falls inside a batch. The windows: none, the whole range, one hour, one that
 * starts inside a batch, one that is a file of the rotated set, and one after the log (empty). The big
 * sample ({@code timing-week}) is read from files through a temporary queue, the others directly. For
 * the hand-made set, {@code requests}, {@code rejected} and {@code lines} are also checked against
 * counts made independently ({@link HandMadeLog#expected}), by the rule of docs/report-json.md.
 *
 * <p>Also: a format without any time, a queue written by {@code tail --queue}, {@code --since-last}, and
 * the one gap the batch layout leaves, pinned so that closing it shows ({@code gap_...}).
 */
class QueueAgreesWithFilesTest {
    @TempDir
    Path dir;

    /** Keys that name the inputs: the files on one side, the queue on the other. */
    private static final List<String> NAMES_OF_INPUTS = List.of("inputs");

    // ---------------------------------------------------------------- the shipped samples

    @ParameterizedTest
    @ValueSource(strings = {"timing-small.log", "combined-small.log", "main-small.log", "upstreaminfo-small.log",
        "timing-week.log.gz"})
    void sample_everyWindow_queueReportEqualsFileReport(String sample) throws Exception {
        Path log = SampleGoldenTest.samples().resolve(sample);
        Path q = ingest(List.of(log));
        String base = sample.replace(".log.gz", "").replace(".log", "");
        JsonNode truth = new ObjectMapper().readTree(SampleGoldenTest.samples().resolve(base + ".expected.json").toFile());
        OffsetDateTime first = OffsetDateTime.parse(truth.get("time").get("first").asText());
        OffsetDateTime last = OffsetDateTime.parse(truth.get("time").get("last").asText());
        OffsetDateTime midBatch = timeOfLine(log, 1100); // in the second batch (lines 1025 to 2048)
        List<String[]> windows = List.of(
                new String[0],
                window(first.withNano(0), last.plusSeconds(1)),
                window(first.withNano(0).plusHours(1), first.withNano(0).plusHours(2)),
                window(midBatch, midBatch.plusMinutes(40)),
                window(last.plusDays(1), last.plusDays(2)));
        List<String> differences = new ArrayList<>();
        for (String[] w : windows) {
            differences.addAll(differences(report(List.of(log), w), reportQueue(q, w), String.join(" ", w)));
        }
        assertThat(differences).as("report FILE vs report --queue of " + sample).isEmpty();
        // without a window, every line of the sample is in both: the ground truth's counts
        JsonNode all = reportQueue(q, new String[0]);
        assertThat(all.get("lines").asLong()).isEqualTo(truth.get("lines").asLong());
        assertThat(all.get("rejected").asLong()).isEqualTo(truth.get("rejected").asLong());
    }

    /** The time of the first line at or after line {@code n} (1-based) that has a {@code [$time_local]}. */
    static OffsetDateTime timeOfLine(Path log, int n) throws Exception {
        Pattern time = Pattern.compile("\\[(\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4})]");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        try (InputStream raw = Files.newInputStream(log);
             InputStream in = log.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                Matcher m = time.matcher(line);
                if (number >= n && m.find()) {
                    return OffsetDateTime.parse(m.group(1), f);
                }
            }
        }
        throw new AssertionError("no time at or after line " + n + " of " + log);
    }

    // ---------------------------------------------------------------- a hand-made rotated set

    static final long BASE = OffsetDateTime.parse("2026-10-10T10:00:00+02:00").toEpochSecond();
    static final int PER_FILE = 2500;
    /** The request a window starts at, in the second batch of the oldest file (lines 1025 to 2048). */
    static final int B = 1500;
    /** The request that window ends at, in the third batch. */
    static final int E = 2400;

    static long second(int request) {
        return BASE + 2L * request;
    }

    /**
     * Three files of 2,500 requests, one every 2 seconds, each opening with a long rejected line and an
     * empty one and closing with a rejected line; a few rejected lines of three reasons in between; two
     * rejected lines just before request {@link #B} and one just after it, one just before {@link #E} and
     * one just after it. No batch (1,024 lines) holds more than five rejected lines.
     */
    static HandMadeLog rotatedSet() {
        HandMadeLog log = new HandMadeLog();
        int g = 0;
        for (int f = 0; f < 3; f++) {
            // each file's first line differs: ingest tells files apart by their first line
            log.file().rejected("GET /" + "x".repeat(395) + " junk that is no log line, file " + f).rejected("");
            for (int k = 0; k < PER_FILE; k++, g++) {
                log.request(second(g), g % 10 == 0 ? 502 : 200);
                if (g % 1000 == 700) {
                    log.rejected("junk after request " + g);
                }
                if (g % 2000 == 1300) {
                    log.rejected(HandMadeLog.brokenTime(second(g)));
                }
                if (g == B - 1) {
                    log.rejected("junk just before the window").rejected("");
                }
                if (g == B) {
                    log.rejected(HandMadeLog.brokenTime(second(g)));
                }
                if (g == E - 1) {
                    log.rejected("junk just before the window's end");
                }
                if (g == E) {
                    log.rejected("");
                }
            }
            log.rejected("trailing junk of file " + f);
        }
        return log;
    }

    @Test
    void rotatedSet_windowsAtFileAndBatchEdges_queueReportEqualsFileReport_andCountsFollowTheRule() throws Exception {
        HandMadeLog log = rotatedSet();
        List<Path> files = log.write(dir, "access.log.2.gz", "access.log.1", "access.log");
        Path q = ingest(files);
        long end = second(3 * PER_FILE - 1) + 1;
        long[][] windows = {
            {Long.MIN_VALUE, Long.MAX_VALUE},
            {BASE, end},
            {BASE + 3600, BASE + 7200},
            {second(B), second(E)},
            {second(PER_FILE), second(2 * PER_FILE)},
            {BASE + 86_400, BASE + 90_000},
        };
        List<String> differences = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (long[] w : windows) {
            String[] args = w[0] == Long.MIN_VALUE ? new String[0]
                    : new String[] {"--from", HandMadeLog.iso(w[0]), "--to", HandMadeLog.iso(w[1])};
            String context = String.join(" ", args);
            JsonNode fromFiles = report(files, args);
            JsonNode fromQueue = reportQueue(q, args);
            HandMadeLog.Counts expected = log.expected(w[0], w[1]);
            softly.assertThat(fromFiles.get("requests").asLong()).as("requests " + context).isEqualTo(expected.requests());
            softly.assertThat(fromFiles.get("rejected").asLong()).as("rejected " + context).isEqualTo(expected.rejected());
            softly.assertThat(fromFiles.get("lines").asLong()).as("lines " + context).isEqualTo(expected.lines());
            differences.addAll(differences(fromFiles, fromQueue, context));
        }
        softly.assertThat(differences).as("report FILE vs report --queue").isEmpty();
        softly.assertAll();
        assertThat(log.expected(Long.MIN_VALUE, Long.MAX_VALUE).lines()).isEqualTo(log.lineCount());
    }

    @Test
    void formatWithoutTime_windowsHoldNoLine_withoutAWindowEveryLine_inBothReports() throws Exception {
        List<String> lines = new ArrayList<>(List.of("not a log line", ""));
        for (int i = 0; i < 1500; i++) {
            lines.add("192.0.2." + (i % 250) + " \"GET /a/" + (i % 7) + " HTTP/1.1\" " + (i % 9 == 0 ? 503 : 200) + " 0."
                    + String.format(Locale.ROOT, "%03d", i % 1000));
            if (i % 400 == 3) {
                lines.add("junk " + i);
            }
        }
        Path log = dir.resolve("timeless.log");
        Files.write(log, lines);
        String format = "$remote_addr \"$request\" $status $request_time";
        Path q = dir.resolve("q-timeless");
        ReportCommandTest.Run ingest = ReportCommandTest.run("ingest", "--queue", q.toString(), "--log-format", format, log.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        List<String> differences = new ArrayList<>();
        for (String[] w : List.of(new String[0], window(OffsetDateTime.parse("2026-10-10T10:00:00+02:00"),
                OffsetDateTime.parse("2026-10-10T11:00:00+02:00")))) {
            List<String> args = new ArrayList<>(List.of("--log-format", format));
            args.addAll(List.of(w));
            JsonNode files = report(List.of(log), args.toArray(String[]::new));
            JsonNode queue = reportQueue(q, w);
            boolean windowed = w.length > 0;
            assertThat(files.get("lines").asLong()).isEqualTo(windowed ? 0 : lines.size());
            assertThat(files.get("rejected").asLong()).as("a rejected line takes a request's time: there is none")
                    .isEqualTo(windowed ? 0 : 2 + 4);
            differences.addAll(differences(files, queue, String.join(" ", w)));
        }
        assertThat(differences).isEmpty();
    }

    /**
     * The gap the queue's batch layout leaves: a batch keeps only the first five rejected lines' line
     * numbers (as samples). When a window's edge falls among a batch's requests and the batch has more
     * rejected lines than that, the ones after the fifth are placed after the batch's last request. Here
     * eight rejected lines follow request {@link #B} - 1, just before the window: from files none is in
     * it; from the queue the three unsampled ones are (the batch's last request is in the window). And a
     * batch shows at most five samples. A per-line position in the batch (see the report) closes both.
     */
    @Test
    void gap_batchWithMoreRejectedLinesThanSamples_cutByAWindowEdge_queueCountsTheUnsampledOnesWithItsLastRequest()
            throws Exception {
        HandMadeLog log = new HandMadeLog().file();
        for (int g = 0; g < PER_FILE; g++) {
            log.request(second(g), 200);
            if (g == B - 1) {
                for (int k = 0; k < 8; k++) {
                    log.rejected("burst " + k);
                }
            }
            if (g >= 2200 && g < 2204) {
                log.rejected("junk in the third batch " + g);
            }
        }
        List<Path> files = log.write(dir, "burst.log");
        Path q = ingest(files);
        String[] w = {"--from", HandMadeLog.iso(second(B)), "--to", HandMadeLog.iso(second(E))};
        JsonNode fromFiles = report(files, w);
        JsonNode fromQueue = reportQueue(q, w);
        assertThat(fromFiles.get("rejected").asLong()).isEqualTo(log.expected(second(B), second(E)).rejected()).isEqualTo(4);
        assertThat(fromQueue.get("rejected").asLong()).as("the gap: 3 unsampled lines of the burst").isEqualTo(4 + 3);
        assertThat(fromQueue.get("requests")).isEqualTo(fromFiles.get("requests"));

        JsonNode allFiles = report(files);
        JsonNode allQueue = reportQueue(q);
        assertThat(allQueue.get("rejected")).isEqualTo(allFiles.get("rejected"));
        assertThat(allFiles.get("rejects").get("samples")).as("the first 10 of 12").hasSize(10);
        assertThat(allQueue.get("rejects").get("samples")).as("5 of the burst's batch, 4 of the next").hasSize(5 + 4);
    }

    @Test
    void tailWithQueue_windowsAgreeWithTheReportOfTheFile() throws Exception {
        HandMadeLog set = rotatedSet();
        HandMadeLog oldest = new HandMadeLog();
        oldest.files.add(set.files.get(0));
        Path log = oldest.write(dir, "live.log").get(0);
        Path q = dir.resolve("q-tail");
        ReportCommandTest.Run tail = ReportCommandTest.run("tail", log.toString(), "--from-start", "--json", "--interval", "1",
                "--window", "5", "--duration", "2", "--log-format", "combined", "--queue", q.toString());
        assertThat(tail.exit()).as(tail.err()).isZero();
        List<String> differences = new ArrayList<>();
        long[][] windows = {{BASE, second(PER_FILE)}, {second(B), second(E)}, {BASE + 3600, BASE + 7200}, {BASE + 86_400, BASE + 90_000}};
        for (long[] w : windows) {
            String[] args = {"--from", HandMadeLog.iso(w[0]), "--to", HandMadeLog.iso(w[1])};
            JsonNode fromFile = report(List.of(log), args);
            assertThat(fromFile.get("rejected").asLong()).isEqualTo(oldest.expected(w[0], w[1]).rejected());
            differences.addAll(differences(fromFile, reportQueue(q, args), String.join(" ", args)));
        }
        differences.addAll(differences(report(List.of(log)), reportQueue(q), "no window"));
        assertThat(differences).isEmpty();
    }

    @Test
    void sinceLast_reportsExactlyTheLinesAddedSinceTheLastRun_rejectedLinesIncluded() throws Exception {
        HandMadeLog set = rotatedSet();
        List<HandMadeLog.Line> all = set.files.get(0);
        int cut = 1600; // the new part: five rejected lines, the first before its first request
        HandMadeLog first = new HandMadeLog();
        first.files.add(all.subList(0, cut));
        HandMadeLog second = new HandMadeLog();
        second.files.add(new ArrayList<>(all.subList(cut, all.size())));
        second.files.get(0).add(0, new HandMadeLog.Line("junk at the start of what is new", -1));
        Path log = first.write(dir, "access.log").get(0);
        Path newPart = second.write(dir, "new-part.log").get(0);
        Path q = ingest(List.of(log));

        JsonNode run1 = reportQueue(q, "--since-last", "hourly");
        assertThat(differences(report(List.of(log)), run1, "first run")).isEmpty();
        assertThat(run1.get("lines").asLong()).isEqualTo(cut);

        Files.write(log, Files.readAllBytes(newPart), java.nio.file.StandardOpenOption.APPEND);
        ingest(q, List.of(log));
        JsonNode run2 = reportQueue(q, "--since-last", "hourly");
        HandMadeLog.Counts added = second.expected(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(run2.get("lines").asLong()).isEqualTo(second.lineCount()).isEqualTo(added.lines());
        assertThat(run2.get("rejected").asLong()).isEqualTo(added.rejected());
        assertThat(run2.get("requests").asLong()).isEqualTo(added.requests());
        // the same as a report of a file holding only the new lines, but for where the samples are
        ObjectNode expected = report(List.of(newPart)).deepCopy();
        ObjectNode actual = run2.deepCopy();
        for (ObjectNode n : List.of(expected, actual)) {
            for (JsonNode sample : n.get("rejects").get("samples")) {
                ((ObjectNode) sample).remove(List.of("source", "line"));
            }
        }
        assertThat(differences(expected, actual, "second run")).isEmpty();
        assertThat(reportQueue(q, "--since-last", "hourly").get("lines").asLong()).as("nothing new").isZero();
    }

    // ---------------------------------------------------------------- helpers

    Path ingest(List<Path> files) {
        Path q = dir.resolve("q-" + System.nanoTime());
        ingest(q, files);
        return q;
    }

    static void ingest(Path q, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("ingest", "--queue", q.toString()));
        files.forEach(f -> args.add(f.toString()));
        ReportCommandTest.Run r = ReportCommandTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isIn(0, 65);
    }

    static JsonNode report(List<Path> files, String... window) throws Exception {
        List<String> args = new ArrayList<>(List.of("report", "--json"));
        files.forEach(f -> args.add(f.toString()));
        args.addAll(List.of(window));
        return run(args);
    }

    static JsonNode reportQueue(Path q, String... window) throws Exception {
        List<String> args = new ArrayList<>(List.of("report", "--json", "--queue", q.toString()));
        args.addAll(List.of(window));
        return run(args);
    }

    private static JsonNode run(List<String> args) throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isIn(0, 65);
        return r.json();
    }

    static String[] window(OffsetDateTime from, OffsetDateTime to) {
        return new String[] {"--from", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from),
            "--to", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to)};
    }

    /** Where the two reports differ, every key but the inputs' names, each difference named by its path. */
    static List<String> differences(JsonNode files, JsonNode queue, String context) {
        ObjectNode a = files.deepCopy();
        ObjectNode b = queue.deepCopy();
        NAMES_OF_INPUTS.forEach(k -> {
            a.remove(k);
            b.remove(k);
        });
        List<String> out = new ArrayList<>();
        compare("[" + context + "] ", a, b, out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getValue(), b.path(e.getKey()), out);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    out.add(path + "." + k + ": files <absent>, queue " + abbreviate(b.get(k)));
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": files " + abbreviate(a) + ", queue " + abbreviate(b));
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.isMissingNode() ? "<absent>" : n.toString();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
