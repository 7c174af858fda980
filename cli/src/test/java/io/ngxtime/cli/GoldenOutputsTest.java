package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every output of {@code report} on the committed samples is pinned by a golden file under
 * {@code testdata/golden/}: the JSON, the per-minute CSV, the terminal text, and the HTML page's
 * structure (its elements with their ids and classes, and the text of its headings and table headers;
 * the inline charts are left out, as chart tests check their data). Any change shows as a failing test
 * with the difference. An intended change regenerates them, reviewed in the same commit:
 * {@code mvn -pl cli -am verify -Dtest=GoldenOutputsTest -Dsurefire.failIfNoSpecifiedTests=false -Dngxtime.golden.write=true}.
 * The JSON's keys are also checked against {@code docs/report-json.md}: a key no one documented fails.
 */
class GoldenOutputsTest {
    private static final boolean WRITE = Boolean.getBoolean("ngxtime.golden.write");
    /** Keys of objects that are maps: their keys are values (addresses, codes, reasons), not documented names. */
    private static final Set<String> MAPS = Set.of("upstreams", "status", "by_reason", "tiers", "attribution", "figures");

    @TempDir
    static Path dir;

    static Path golden() {
        return SampleGoldenTest.samples().getParent().resolve("golden");
    }

    /** The sample's path as the report prints it, made the same on every machine. */
    private static String portable(String text, Path sample) {
        return text.replace(sample.toString(), "<samples>/" + sample.getFileName())
                .replace(dir.toString(), "<out>");
    }

    private static void check(String name, String actual) throws Exception {
        Path file = golden().resolve(name);
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("golden file %s (write it with -Dngxtime.golden.write=true)", file).isTrue();
        assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"timing-small.log", "combined-small.log", "main-small.log", "upstreaminfo-small.log",
        "timing-week.log.gz"})
    void report_outputs_matchTheirGoldenFiles(String sample) throws Exception {
        Path log = SampleGoldenTest.samples().resolve(sample);
        String base = sample.replace(".log.gz", "").replace(".log", "");
        ReportCommandTest.Run json = ReportCommandTest.run("report", log.toString(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        String jsonText = portable(json.out(), log);
        if (sample.endsWith(".gz")) {
            // a week of minutes is 10,080 rows: the CSV golden pins the series, the JSON one everything else
            ObjectMapper m = new ObjectMapper();
            JsonNode tree = m.readTree(jsonText);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("traffic")).remove("per_minute");
            jsonText = m.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        }
        check(base + ".json", jsonText);

        Path csv = dir.resolve(base + ".csv");
        Path html = dir.resolve(base + ".html");
        ReportCommandTest.Run text = ReportCommandTest.run("report", log.toString(), "--csv", csv.toString(),
                "--html", html.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        check(base + ".txt", portable(text.out(), log));
        check(base + ".csv", Files.readString(csv));
        check(base + ".html.outline", portable(outline(Files.readString(html)), log));
    }

    /**
     * {@code compare --json} on the two hours of the timing sample (the second holds its flash crowd), as two
     * runs of one log: pinned like the report's outputs, and every key documented in docs/report-json.md.
     */
    @Test
    void compare_json_ofTheTimingSamplesTwoHours_matchesItsGoldenFile_andEveryKeyIsDocumented() throws Exception {
        Path log = SampleGoldenTest.samples().resolve("timing-small.log");
        ReportCommandTest.Run json = ReportCommandTest.run("compare", log.toString(), "--vs", log.toString(), "--json",
                "--from", "2026-10-07T14:00:00-07:00", "--to", "2026-10-07T15:00:00-07:00",
                "--vs-from", "2026-10-07T15:00:00-07:00", "--vs-to", "2026-10-07T16:00:00-07:00");
        assertThat(json.exit()).as(json.err()).isZero();
        check("compare-timing-small-hours.json", portable(json.out(), log));
        Set<String> keys = new TreeSet<>();
        keys(new ObjectMapper().readTree(json.out()), "", keys);
        assertThat(keys).contains("before.seconds", "after.requests", "routes[].ratio");
        Matcher code = Pattern.compile("`([^`]+)`").matcher(Files.readString(
                SampleGoldenTest.samples().getParent().getParent().resolve("docs/report-json.md")));
        Set<String> documented = new TreeSet<>();
        while (code.find()) {
            documented.addAll(List.of(code.group(1).split("[^A-Za-z0-9_]+")));
        }
        assertThat(keys.stream().filter(k -> !documented.contains(k.substring(k.lastIndexOf('.') + 1).replace("[]", ""))))
                .as("compare --json keys docs/report-json.md does not name").isEmpty();
    }

    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg\\s*>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(id|class)=\"([^\"]*)\"");
    private static final Pattern HEADING = Pattern.compile("<(h1|h2|h3|th|dt|figcaption)[^>]*>(.*?)</\\1>", Pattern.DOTALL);

    /** The page's element structure (ids and classes kept) and the words of its headings, one per line. */
    static String outline(String html) {
        String page = SVG.matcher(html).replaceAll("<svg/>");
        StringBuilder sb = new StringBuilder();
        Matcher t = TAG.matcher(page);
        while (t.find()) {
            sb.append(t.group(1));
            Matcher a = ATTRIBUTE.matcher(t.group(2));
            while (a.find()) {
                sb.append(' ').append(a.group(1)).append('=').append(a.group(2));
            }
            sb.append('\n');
        }
        sb.append("--- headings\n");
        Matcher h = HEADING.matcher(page);
        while (h.find()) {
            sb.append(h.group(1)).append(": ").append(h.group(2).replaceAll("<[^>]+>", "").trim()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void jsonKeys_areEveryOneDocumented_inDocsReportJson() throws Exception {
        Path doc = SampleGoldenTest.samples().getParent().getParent().resolve("docs/report-json.md");
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(Files.readString(doc));
        while (code.find()) {
            for (String word : code.group(1).split("[^A-Za-z0-9_]+")) {
                documented.add(word);
            }
        }
        Set<String> keys = new TreeSet<>();
        for (String sample : List.of("timing-small.log", "combined-small.log", "upstreaminfo-small.log")) {
            Path log = SampleGoldenTest.samples().resolve(sample);
            keys(new ObjectMapper().readTree(ReportCommandTest.run("report", log.toString(), "--json", "--baseline",
                    "--from", "2026-10-07T15:00:00-07:00", "--to", "2026-10-07T16:00:00-07:00").out()), "", keys);
            keys(new ObjectMapper().readTree(ReportCommandTest.run("report", log.toString(), "--json").out()), "", keys);
        }
        assertThat(keys).as("the report's keys").contains("requests", "upstreams", "retried_requests", "notes");
        List<String> undocumented = new ArrayList<>();
        for (String path : keys) {
            String leaf = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
            if (!documented.contains(leaf)) {
                undocumented.add(path);
            }
        }
        assertThat(undocumented).as("JSON keys docs/report-json.md does not name").isEmpty();
    }

    /** Every key path of {@code node}; the keys of map-like objects ({@link #MAPS}) are not names and are skipped. */
    private static void keys(JsonNode node, String path, Set<String> out) {
        if (node.isArray()) {
            for (JsonNode e : node) {
                keys(e, path + "[]", out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String last = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
        boolean map = MAPS.contains(last);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = map ? path + ".<key>" : (path.isEmpty() ? "" : path + ".") + e.getKey();
            if (!map) {
                out.add(child);
            }
            keys(e.getValue(), child, out);
        }
    }
}
