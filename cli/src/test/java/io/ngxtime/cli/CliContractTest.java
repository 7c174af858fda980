package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's contract (issue 13, item 6): what a user gets from each way of calling ngxtime. */
class CliContractTest {
    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    static ReportCommandTest.Run runOn(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal).execute(args);
        return new ReportCommandTest.Run(exit, out.toString(), err.toString());
    }

    static Terminal terminal(Map<String, String> env) {
        return new Terminal(true, env::get);
    }

    static Path sample(String name) {
        return SampleGoldenTest.samples().resolve(name);
    }

    @Test
    void noCommand_printsTheUsageOnStderr_andExits2() {
        ReportCommandTest.Run r = ReportCommandTest.run();
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).as("standard output may be a pipe waiting for a report").isEmpty();
        assertThat(r.err()).startsWith("Usage: ngxtime").contains("report").contains("generate");
    }

    @Test
    void formats_unknownName_isOneLineNamingTheKnownFormats_andExits2() {
        ReportCommandTest.Run r = ReportCommandTest.run("formats", "nope");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().isEqualTo(
                "ngxtime: unknown format 'nope': the built-in formats are combined, common, main, upstreaminfo, timing");
    }

    @Test
    void formats_aNameInAnyCase_printsThatFormat() {
        ReportCommandTest.Run r = ReportCommandTest.run("formats", "TIMING");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("log_format timing ");
    }

    @Test
    void generate_help_isPicocliUsageLikeTheOtherCommands_listingEveryOptionScriptsUse() {
        String help = NgxtimeCommandTest.help("generate", "--help");
        assertThat(help).startsWith("Usage: ngxtime generate");
        // the names io.ngxtime.generator.GenerateMain takes, used by benchmarks/run-e2e.sh and the samples' README
        for (String option : List.of("--preset", "--format", "--days", "--hours", "--rate", "--seed", "--start", "--peaks",
                "--no-spike", "--malformed-per-million", "--odd-per-million", "--out", "--gzip", "--expected", "--samples")) {
            assertThat(help).as(option).contains(option);
        }
    }

    @Test
    void generate_everyOptionScriptsUse_stillWorks_writingTheLogAndItsGroundTruth() throws Exception {
        Path log = dir.resolve("a.log.gz");
        Path truth = dir.resolve("a.expected.json");
        ReportCommandTest.Run r = ReportCommandTest.run("generate", "--preset", "combined", "--days", "0", "--hours", "1",
                "--rate", "0.5", "--seed", "7", "--start", "2026-10-07T14:00:00-07:00", "--peaks", "1", "--no-spike",
                "--malformed-per-million", "0", "--odd-per-million", "0", "--out", log.toString(), "--gzip",
                "--expected", truth.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.size(log)).isPositive();
        assertThat(Files.readString(truth)).contains("\"seed\"");
        assertThat(r.err()).startsWith("generate: ").contains(" lines (");
    }

    @Test
    void generate_toATerminal_withoutOut_refusesWithAUsageHint_andWritesNothing() {
        ReportCommandTest.Run r = runOn(terminal(Map.of("TERM", "xterm")), "generate", "--hours", "1");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l).contains("--out FILE").contains("| head"));
    }

    @Test
    void generate_toAPipe_streamsTheLog() {
        ReportCommandTest.Run r = ReportCommandTest.run("generate", "--hours", "1", "--seed", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isGreaterThan(100);
    }

    @Test
    void generate_badValue_isAUsageErrorNamingIt() {
        ReportCommandTest.Run r = ReportCommandTest.run("generate", "--hours", "1", "--preset", "nope");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown preset 'nope'");
        assertThat(ReportCommandTest.run("generate", "--days", "40").exit()).isEqualTo(ExitCode.USAGE);
    }

    /**
     * Options that need another, or exclude one, are usage errors before any file is read: every input
     * here is missing, and reading it would say so with exit 74.
     */
    static Stream<Arguments> brokenOptionRules() {
        String missing = "/nonexistent/ngxtime/access.log";
        String queue = "/nonexistent/ngxtime/q";
        return Stream.of(
                Arguments.of(List.of("report", missing, "--csv-resolution", "second"), "--csv-resolution needs --csv"),
                Arguments.of(List.of("report", missing, "--format-name", "main"), "--format-name needs --nginx-conf"),
                Arguments.of(List.of("chart", missing, "-o", "/nonexistent/c", "--format-name", "main"),
                        "--format-name needs --nginx-conf"),
                Arguments.of(List.of("tail", missing, "--format-name", "main"), "--format-name needs --nginx-conf"),
                Arguments.of(List.of("ingest", missing, "--queue", queue, "--format-name", "main"),
                        "--format-name needs --nginx-conf"),
                Arguments.of(List.of("report", missing, "--log-format", "main", "--nginx-conf", "/etc/nginx/nginx.conf"),
                        "give either --log-format or --nginx-conf, not both"),
                Arguments.of(List.of("report", missing, "--since-last", "hourly"), "--since-last needs --queue"),
                Arguments.of(List.of("week", missing, "-o", "/nonexistent/w.png", "--since-last", "hourly"),
                        "--since-last needs --queue"),
                Arguments.of(List.of("report", "--queue", queue, "--rejects", "/nonexistent/r.jsonl"), "--rejects writes"),
                Arguments.of(List.of("report", "--queue", queue, "--max-line-bytes", "100"), "--max-line-bytes applies"),
                Arguments.of(List.of("report", missing, "--baseline"), "give --from and --to"),
                Arguments.of(List.of("report", missing, "--baseline-from", "2026-10-07T14:00:00Z"),
                        "--baseline-from and --baseline-to go together"),
                Arguments.of(List.of("report", missing, "--baseline-to", "2026-10-07T14:00:00Z"),
                        "--baseline-from and --baseline-to go together"),
                Arguments.of(List.of("report", missing, "--from", "2026-10-07T14:00:00Z", "--to", "2026-10-07T15:00:00Z",
                        "--baseline", "--baseline-from", "2026-10-07T12:00:00Z", "--baseline-to", "2026-10-07T13:00:00Z"),
                        "give either --baseline or --baseline-from"),
                Arguments.of(List.of("chart", missing, "-o", "/nonexistent/c", "--from", "2026-10-07T14:00:00Z", "--to",
                        "2026-10-07T15:00:00Z", "--baseline"), "--baseline compares reports: use it with 'ngxtime report'"),
                Arguments.of(List.of("week", missing, "-o", "/nonexistent/w.png", "--baseline-from", "2026-10-07T12:00:00Z",
                        "--baseline-to", "2026-10-07T13:00:00Z"), "--baseline compares reports: use it with 'ngxtime report'"),
                Arguments.of(List.of("generate", "--preset", "main", "--format", "$remote_addr"),
                        "give either --preset or --format, not both"));
    }

    @ParameterizedTest
    @MethodSource("brokenOptionRules")
    void anOptionWithoutTheOneItNeeds_isAUsageError_beforeAnythingIsRead(List<String> args, String message) {
        ReportCommandTest.Run r = ReportCommandTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(args + "\n" + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(args.toString()).startsWith("ngxtime: ").contains(message).doesNotContain("no such");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void optionRules_doNotStandInTheWayOfHelp() {
        assertThat(NgxtimeCommandTest.help("report", "--csv-resolution", "second", "--help")).startsWith("Usage: ngxtime report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "chart", "week", "ingest"})
    void allInputsMissing_noReport_oneLinePerInput_exit74(String command) {
        Path a = dir.resolve("missing-a.log");
        Path b = dir.resolve("missing-b.log");
        List<String> args = new ArrayList<>(List.of(command, a.toString(), b.toString()));
        switch (command) {
            case "chart" -> args.addAll(List.of("-o", dir.resolve("charts").toString()));
            case "week" -> args.addAll(List.of("-o", dir.resolve("week.png").toString()));
            case "ingest" -> args.addAll(List.of("--queue", dir.resolve("q").toString()));
            default -> { }
        }
        ReportCommandTest.Run r = ReportCommandTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.IO);
        assertThat(r.out()).as("no report, no file list, no summary").isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("ngxtime: " + a + ": no such file", "ngxtime: " + b + ": no such file");
        assertThat(dir.resolve("q")).as("no queue created").doesNotExist();
        assertThat(dir.resolve("week.png")).doesNotExist();
    }

    @Test
    void someInputsMissing_theOthersAreStillReported_exit74() {
        Path missing = dir.resolve("missing.log");
        ReportCommandTest.Run r = ReportCommandTest.run("report", missing.toString(), sample("timing-small.log").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(r.out()).contains("requests    1,760");
        assertThat(r.err()).contains("ngxtime: " + missing + ": no such file");
    }

    @Test
    void onAnEightyColumnTerminal_everyLineFits_proseWrappedTablesNarrowed_everyFigureKept() {
        String small = sample("timing-small.log").toString();
        // a surge whose attribution rows, with five-digit excesses and shares like 0.070%, do not fit 80 columns even
        // with their values at the narrowest: they take the shorter wording ("61.7% vs 0.070% before")
        Path surging = dir.resolve("surging.log");
        ReportCommandTest.Run gen = ReportCommandTest.run("generate", "--start", "2026-10-05T08:00:00-07:00", "--hours", "4",
                "--rate", "5", "--seed", "2", "--peaks", "1", "--out", surging.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        String attributed = runOn(terminal(Map.of("COLUMNS", "80")), "report", "--quiet", surging.toString()).out();
        assertThat(attributed).contains("% vs ").contains(" before (+");
        for (List<String> run : List.of(List.of("report", "--quiet", surging.toString()), List.of("report", small),
                List.of("report", sample("combined-small.log").toString()),
                List.of("report", sample("upstreaminfo-small.log").toString()),
                List.of("report", sample("timing-week.log.gz").toString()),
                List.of("report", small, "--cache-ttl", "60s", "--from", "2026-10-07T15:00:00-07:00", "--to",
                        "2026-10-07T16:00:00-07:00", "--baseline"))) {
            String[] args = run.toArray(String[]::new);
            String sample = String.join(" ", run.subList(1, run.size()));
            String plain = runOn(Terminal.none(), args).out();
            // the lines of the log shown under a rejected or noted line's message: verbatim, never broken
            List<String> plainLines = plain.lines().toList();
            java.util.Set<String> logLines = new java.util.HashSet<>();
            for (int i = 0; i + 1 < plainLines.size(); i++) {
                if (plainLines.get(i).matches("  \\S.*:\\d+: .*") && plainLines.get(i + 1).startsWith("    ")) {
                    logLines.add(plainLines.get(i + 1));
                }
            }
            for (Map<String, String> env : List.of(Map.of("COLUMNS", "80"), Map.of("TERM", "xterm"))) {
                ReportCommandTest.Run r = runOn(terminal(env), args);
                assertThat(r.exit()).isZero();
                for (String line : r.out().split("\n")) {
                    assertThat(io.ngxtime.cli.render.TerminalColumns.width(line) <= 80
                            || line.trim().indexOf(' ') < 0 || logLines.contains(line))
                            .as("%s: %s", sample, line).isTrue();
                }
                assertThat(r.out().lines().toList()).as("the log's lines, unbroken").containsAll(logLines);
                String text = r.out().replaceAll("\u001b\\[[0-9;]*m", "");
                // tables take a narrower layout (columns moved to a second line, long names clipped): the same
                // figures, every one of them, where the prose keeps every word
                assertThat(figures(text)).as("every figure").containsExactlyInAnyOrderElementsOf(figures(plain));
            }
            assertThat(plain.lines().anyMatch(l -> l.length() > 80)).as("a pipe or a file keeps its lines").isTrue();
        }
    }

    @Test
    void tailPlain_onAnEightyColumnTerminal_everyLineFits_theRejectedLineCutNotBroken() throws Exception {
        // a long file name and a long rejected line: the frame's first lines and the sample exceed 80 columns
        Path log = dir.resolve("edge-proxy-eu-west-1-primary-with-a-long-name.access.log");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(sample("timing-small.log")));
        String bad = "not a log line " + "with many words in it ".repeat(8);
        lines.add(bad);
        java.nio.file.Files.write(log, lines);
        String[] args = {"tail", log.toString(), "--plain", "--from-start", "--interval", "1", "--duration", "2"};
        ReportCommandTest.Run piped = runOn(Terminal.none(), args);
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out().lines().anyMatch(l -> l.length() > 80)).as("a pipe or a file keeps its lines").isTrue();
        ReportCommandTest.Run r = runOn(terminal(Map.of("COLUMNS", "80")), args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("first rejected line:").contains("  tier ");
        for (String line : r.out().split("\n")) {
            // as in the report: a single word wider than the terminal (the rejected line's file and number) stays whole
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(line) <= 80 || line.trim().indexOf(' ') < 0)
                    .as(line).isTrue();
        }
        assertThat(r.out()).as("the file's name kept, its directory cut").contains("…").contains("-long-name.access.log  2026-10-07T16:00:0");
        // the log's line under its message: one line, cut at the terminal's edge, never wrapped like prose
        assertThat(r.out().lines().filter(l -> l.startsWith("    not a log line ")).toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(bad).startsWith(l.substring(4, l.length() - 1)));
        assertThat(r.out()).doesNotContain("\n      many words");
    }

    @Test
    void compare_onAnEightyColumnTerminal_everyLineFits_everyFigureKept() {
        String s = sample("timing-small.log").toString();
        String[] args = {"compare", s, "--to", "2026-10-07T15:00:00-07:00", "--vs", s, "--vs-from", "2026-10-07T15:00:00-07:00"};
        String plain = runOn(Terminal.none(), args).out();
        assertThat(plain.lines().anyMatch(l -> l.length() > 80)).as("a pipe or a file keeps its lines").isTrue();
        ReportCommandTest.Run r = runOn(terminal(Map.of("COLUMNS", "80")), args);
        assertThat(r.exit()).as(r.err()).isZero();
        for (String line : r.out().split("\n")) {
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(line)).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(figures(r.out())).as("every figure").containsExactlyInAnyOrderElementsOf(figures(plain));
        assertThat(figures(plain)).hasSizeGreaterThan(40);
        assertThat(r.out()).as("the rates' unit in the narrower header").contains("tier            A req/s  B req/s    A p50");
    }

    /** The report's figures: counts, shares and durations, as whole words (not digits inside names). */
    private static List<String> figures(String report) {
        return java.util.Arrays.stream(report.split("\\s+")).filter(w -> w.matches("[+-]?[0-9][0-9,.]*%?")).toList();
    }

    @Test
    void colour_onATerminal_isPicocliAnsi() {
        ReportCommandTest.Run r = runOn(terminal(Map.of("TERM", "xterm")), "report", sample("timing-small.log").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(ESC + "1mngxtime report");
    }

    @Test
    void colour_NO_COLORSetAndNotEmpty_disablesIt() {
        ReportCommandTest.Run r = runOn(terminal(Map.of("TERM", "xterm", "NO_COLOR", "1")), "report",
                sample("timing-small.log").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("ngxtime report").doesNotContain(ESC);
    }

    @Test
    void colour_NO_COLOREmpty_isAsIfUnset() {
        // no-color.org: "when present and not an empty string"
        ReportCommandTest.Run r = runOn(terminal(Map.of("TERM", "xterm", "NO_COLOR", "")), "report",
                sample("timing-small.log").toString());
        assertThat(r.out()).contains(ESC);
    }

    @Test
    void colour_neverOffATerminal_norOnADumbOne_norInTheHelpThen() {
        assertThat(runOn(Terminal.none(), "report", sample("timing-small.log").toString()).out()).doesNotContain(ESC);
        assertThat(runOn(terminal(Map.of("TERM", "dumb")), "report", sample("timing-small.log").toString()).out())
                .doesNotContain(ESC);
        assertThat(runOn(terminal(Map.of("TERM", "xterm", "NO_COLOR", "1")), "report", "--help").out()).doesNotContain(ESC);
        assertThat(runOn(terminal(Map.of("TERM", "xterm")), "report", "--help").out()).contains(ESC);
    }

    @Test
    void rows_limitEveryTableOfTheTerminalReport_andSayHowManyMore() {
        ReportCommandTest.Run r = ReportCommandTest.run("report", sample("timing-small.log").toString(), "--rows", "2",
                "--from", "2026-10-07T15:00:00-07:00", "--to", "2026-10-07T16:00:00-07:00", "--baseline");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> tables = List.of("Upstreams", "Routes", "Top clients", "Compared with the baseline", "Requests by status");
        Map<String, List<String>> rows = tables(r.out());
        for (String table : tables) {
            assertThat(rows).as(table + " in\n" + r.out()).containsKey(table);
            List<String> body = rows.get(table).stream()
                    .filter(l -> l.startsWith("  ") && !l.startsWith("  ...") && !l.startsWith("  (")
                            && !l.matches("  (address|route|status) .*") && !l.matches("  \\d+ attempts? abandoned.*"))
                    .toList();
            assertThat(body).as(table + ": " + rows.get(table)).hasSizeLessThanOrEqualTo(
                    table.equals("Compared with the baseline") ? 3 * 2 : 2);
        }
        for (String table : List.of("Routes", "Top clients", "Requests by status")) {
            assertThat(rows.get(table)).as(table).anySatisfy(l -> assertThat(l).matches("  \\.\\.\\. \\d+ more"));
        }
    }

    @Test
    void rows_lessThanOne_isAUsageError() {
        assertThat(ReportCommandTest.run("report", sample("timing-small.log").toString(), "--rows", "0").exit())
                .isEqualTo(ExitCode.USAGE);
    }

    /** Each table of the text report: its title (the heading's first words) and the lines up to the next blank one. */
    private static Map<String, List<String>> tables(String report) {
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        List<String> current = null;
        for (String line : report.lines().toList()) {
            if (line.isEmpty()) {
                current = null;
            } else if (current == null) {
                current = new ArrayList<>();
                String title = line.split("  ")[0];
                tables.put(title.startsWith("Compared with the baseline") ? "Compared with the baseline" : title, current);
            } else {
                current.add(line);
            }
        }
        return tables;
    }

    /**
     * Every exit code the CLI ({@link ExitCode}, internal errors, Ctrl-C) and the launcher script use is
     * explained in the README's "Exit codes" section.
     */
    @Test
    void readme_exitCodes_listsEveryCodeTheCliAndTheLauncherUse() throws Exception {
        Path root = SampleGoldenTest.samples().getParent().getParent();
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("\n## Exit codes");
        assertThat(start).isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<Integer> codes = new TreeSet<>();
        for (Field f : ExitCode.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                codes.add(f.getInt(null));
            }
        }
        codes.add(70); // an internal error (Cli's execution exception handler)
        codes.add(130); // Ctrl-C: the JVM's exit on SIGINT, after the shutdown hooks
        Matcher exits = Pattern.compile("\\bexit (\\d+)").matcher(Files.readString(root.resolve("ngxtime")));
        int launcherExits = 0;
        while (exits.find()) {
            codes.add(Integer.parseInt(exits.group(1)));
            launcherExits++;
        }
        assertThat(launcherExits).as("the launcher's own exits").isPositive();
        for (int code : codes) {
            assertThat(section).as("exit code " + code).contains("`" + code + "`");
        }
    }
}
