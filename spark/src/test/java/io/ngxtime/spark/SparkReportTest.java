package io.ngxtime.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode over the same files as {@code report}: a rotated set of gzipped files and plain
 * files split into many ranges, with rejected lines (some at the very edge of a range), retries, internal
 * redirects and a flash crowd (peaks and their attribution): the whole {@code --json} output is the same, byte
 * for byte. One Spark context for the class (starting one takes seconds).
 */
class SparkReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small enough that each plain file is cut into many ranges. */
    private static final String SPLIT_BYTES = "8192";

    @TempDir
    static Path dir;

    private static JavaSparkContext spark;
    private static final List<String> files = new ArrayList<>();

    @BeforeAll
    static void startSparkAndWriteLogs() throws IOException {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ngxtime test")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "2"));
        spark.setLogLevel("WARN");
        // the first 1,500 lines of the generated week (internal redirects among them), then the 2 hours with a flash crowd
        Path samples = Path.of(System.getProperty("ngxtime.testdata"), "samples");
        List<String> lines = new ArrayList<>();
        try (var week = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(samples.resolve("timing-week.log.gz"))), StandardCharsets.UTF_8))) {
            week.lines().limit(1500).forEach(lines::add);
        }
        lines.addAll(Files.readAllLines(samples.resolve("timing-small.log"), StandardCharsets.UTF_8));
        lines.replaceAll(SparkReportTest::fewerClients);
        // five parts of a rotated set, oldest first: three gzipped, two plain (the newest with rejected lines of its own)
        int parts = 5;
        int per = lines.size() / parts + 1;
        String[] names = {"access.log.4.gz", "access.log.3.gz", "access.log.2.gz", "access.log.1", "access.log"};
        for (int p = 0; p < parts; p++) {
            List<String> part = new ArrayList<>(lines.subList(Math.min(lines.size(), p * per), Math.min(lines.size(), (p + 1) * per)));
            if (p >= 3) {
                for (int i = part.size() - 1; i > 0; i -= 37) {
                    part.add(i, "junk line " + p + "-" + i);
                }
            }
            Path file = dir.resolve(names[p]);
            byte[] text = (String.join("\n", part) + "\n").getBytes(StandardCharsets.UTF_8);
            if (names[p].endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(text);
                }
            } else {
                Files.write(file, text);
            }
        }
        // given newest first, as a user would: both runs order them by first timestamp
        for (int p = parts - 1; p >= 0; p--) {
            files.add(dir.resolve(names[p]).toString());
        }
    }

    /**
     * The line with its client address (the first field) mapped onto one of 400: every bounded table then stays
     * exact (below {@code RouteAggregator.MAX_CLIENTS}). Beyond a table's capacity its counts are estimates that
     * depend on the order requests are merged in, on one machine as on many (docs: "what scales").
     */
    private static String fewerClients(String line) {
        int space = line.indexOf(' ');
        if (space <= 0 || !Character.isDigit(line.charAt(0))) {
            return line;
        }
        int h = Math.floorMod(line.substring(0, space).hashCode(), 400);
        return "10.9." + h / 20 + "." + h % 20 + line.substring(space);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Runs ngxtime (with the spark command) and returns standard output; the exit code must be 0. */
    private static String ngxtime(List<String> args) {
        Run run = run(args);
        assertThat(run.code()).as("exit code of %s; stderr: %s", args, run.err()).isZero();
        return run.out();
    }

    /** What a run printed and its exit code. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SparkCommand command = new SparkCommand(master -> new SparkContexts.Lease() {
            @Override
            public JavaSparkContext context() {
                return spark;
            }

            @Override
            public void close() {
            }
        });
        int code = SparkMain.commandLine(new PrintWriter(out), new PrintWriter(err), command).execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> args(String command, List<String> options) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(options);
        if (command.equals("spark")) {
            all.addAll(List.of("--split-bytes", SPLIT_BYTES, "--tasks", "40"));
        }
        all.addAll(files);
        return all;
    }

    @Test
    void json_sameAsReport_overGzippedAndSplitPlainFiles() throws IOException {
        String report = ngxtime(args("report", List.of("--json")));
        String distributed = ngxtime(args("spark", List.of("--json")));
        assertThat(distributed).isEqualTo(report);

        // what the comparison covers: each of these would be zero or empty if the inputs did not exercise it
        JsonNode r = JSON.readTree(report);
        // the samples are the first ten by file and line: some from the plain file cut into ranges, none from the last file
        assertThat(r.toString()).contains("access.log.4.gz").contains("junk line 3-").doesNotContain("junk line 4-");
        assertThat(r.path("rejected").asLong()).isGreaterThan(20);
        assertThat(r.path("peaks").size()).isPositive();
        assertThat(r.path("peaks").get(0).path("attribution").path("route").size()).isPositive();
        assertThat(r.path("clients").path("approximate").asBoolean()).isFalse();
        assertThat(r.toString()).containsPattern("\"retried_requests\":[1-9]").containsPattern("\"internal_redirects\":[1-9]");
    }

    @Test
    void htmlAndCsvFiles_sameAsReports() throws IOException {
        Path reportHtml = dir.resolve("report.html");
        Path sparkHtml = dir.resolve("spark.html");
        Path reportCsv = dir.resolve("report.csv");
        Path sparkCsv = dir.resolve("spark.csv");
        ngxtime(args("report", List.of("--html", reportHtml.toString(), "--csv", reportCsv.toString())));
        ngxtime(args("spark", List.of("--html", sparkHtml.toString(), "--csv", sparkCsv.toString())));

        assertThat(Files.readString(sparkHtml)).startsWith("<!DOCTYPE html>").isEqualTo(Files.readString(reportHtml));
        assertThat(Files.readString(sparkCsv)).isNotEmpty().isEqualTo(Files.readString(reportCsv));
    }

    @Test
    void anOutputThatCannotBeWritten_endsTheRunBeforeTheJob_exit74() {
        StringWriter err = new StringWriter();
        boolean[] jobRan = {false};
        SparkCommand command = new SparkCommand(master -> {
            jobRan[0] = true;
            throw new AssertionError("no job for a report that cannot be written");
        });
        int code = SparkMain.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err), command)
                .execute(args("spark", List.of("--html", dir.resolve("no/such/dir/r.html").toString())).toArray(String[]::new));

        assertThat(code).as(err.toString()).isEqualTo(74);
        assertThat(jobRan[0]).isFalse();
        assertThat(err.toString()).contains("no/such/dir/r.html").hasLineCount(1);
    }

    @Test
    void firstSamples_areTheFirstByFileAndLine_whateverTheTasksFinishingOrder() {
        List<String> options = List.of("--json", "--samples", "3", "--peaks", "2");
        assertThat(ngxtime(args("spark", options))).isEqualTo(ngxtime(args("report", options)));
    }

    @Test
    void windowFilterAndBaseline_sameAsReport() {
        List<String> options = List.of("--json", "--from", "2026-10-07T15:00:00-07:00", "--to", "2026-10-07T15:40:00-07:00",
                "--baseline", "--path", "/api/");
        assertThat(ngxtime(args("spark", options))).isEqualTo(ngxtime(args("report", options)));
    }

    /**
     * Beyond a bounded table's capacity its counts are estimates that depend on the merge order (README, "what
     * scales"): the two hours of the sample have more distinct clients (1,103) than the clients table keeps. Both
     * runs say so, and every other figure is still the same.
     */
    @Test
    void tableBeyondItsCapacity_isApproximateInBoth_andEverythingElseIsTheSame() throws IOException {
        Path week = dir.resolve("week");
        Files.createDirectories(week);
        List<String> lines;
        lines = Files.readAllLines(Path.of(System.getProperty("ngxtime.testdata"), "samples", "timing-small.log"), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>();
        int per = lines.size() / 3 + 1;
        for (int p = 0; p < 3; p++) {
            Path file = week.resolve("access.log." + p + ".gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write((String.join("\n", lines.subList(p * per, Math.min(lines.size(), (p + 1) * per))) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            args.add(file.toString());
        }
        List<String> report = new ArrayList<>(List.of("report", "--json"));
        report.addAll(args);
        List<String> distributed = new ArrayList<>(List.of("spark", "--json", "--tasks", "3"));
        distributed.addAll(args);
        com.fasterxml.jackson.databind.node.ObjectNode one = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(ngxtime(report));
        com.fasterxml.jackson.databind.node.ObjectNode many = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(ngxtime(distributed));
        assertThat(one.path("clients").path("approximate").asBoolean()).isTrue();
        assertThat(many.path("clients").path("approximate").asBoolean()).isTrue();
        assertThat(many.path("clients").path("top").size()).isEqualTo(one.path("clients").path("top").size());
        one.remove("clients");
        many.remove("clients");
        assertThat(many).isEqualTo(one);
    }

    @Test
    void terminalReport_sameAsReport() {
        assertThat(ngxtime(args("spark", List.of()))).isEqualTo(ngxtime(args("report", List.of())));
    }

    /**
     * The same files named by {@code file:///abs/path} URLs, read through Hadoop's LocalFileSystem (globbed, probed,
     * detected, ordered, split and seeked in ranges through it): the JSON is {@code report}'s over the local paths,
     * the inputs' names aside (each as given).
     */
    @Test
    void fileUrls_readThroughHadoop_sameJsonAsReportOverLocalPaths() {
        String report = ngxtime(args("report", List.of("--json")));
        List<String> distributed = new ArrayList<>(List.of("spark", "--json", "--split-bytes", SPLIT_BYTES, "--tasks", "40"));
        files.forEach(f -> distributed.add("file://" + f));
        String json = ngxtime(distributed);
        assertThat(json).contains("\"file://" + dir.resolve("access.log.4.gz"));
        assertThat(json.replace("file://" + dir, dir.toString())).isEqualTo(report);
    }

    /** A glob in a URL is expanded by Hadoop (to the files it matches, named as Hadoop qualifies them). */
    @Test
    void globUrl_readsTheFilesItMatches_sameJsonAsReport() {
        String report = ngxtime(args("report", List.of("--json")));
        String json = ngxtime(List.of("spark", "--json", "--split-bytes", SPLIT_BYTES, "--tasks", "40",
                "file://" + dir + "/access.log*"));
        assertThat(json).contains("\"file:" + dir.resolve("access.log.4.gz"));
        assertThat(json.replace("file:" + dir, dir.toString())).isEqualTo(report);
    }

    /** A URL that matches nothing is what a missing local file is to {@code report}: one line, exit code 74. */
    @Test
    void urlMatchingNothing_isOneErrorLine_andTheExitCodeOfAMissingFile() {
        String missing = dir.resolve("nothing-here").toString();
        Run report = run(List.of("report", "--json", missing));
        Run url = run(List.of("spark", "--json", "file://" + dir + "/nothing-here*.gz"));
        assertThat(report.code()).isEqualTo(74);
        assertThat(url.code()).isEqualTo(report.code());
        assertThat(url.out()).isEmpty();
        assertThat(url.err()).isEqualTo("ngxtime: file://" + dir + "/nothing-here*.gz: no such file" + System.lineSeparator());
    }

    /** A scheme whose file system is not on the classpath (s3a without hadoop-aws) is one line and exit code 74. */
    @Test
    void urlOfAFileSystemNotOnTheClasspath_isOneErrorLine_exit74() {
        Run url = run(List.of("spark", "--json", "s3a://bucket/logs/*.gz"));
        assertThat(url.code()).isEqualTo(74);
        assertThat(url.out()).isEmpty();
        assertThat(url.err()).startsWith("ngxtime: cannot list s3a://bucket/logs/*.gz: no file system for s3a://")
                .contains("hadoop-aws").doesNotContain("Exception\n").hasLineCount(1);
    }
}
