package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code chart}, {@code week} and {@code report --html} through the same command line as main. */
class ChartCommandTest {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    /** Sat 10 Oct 2026 08:00:00 +02:00. */
    static final long START = 1_791_612_000L;
    static final String HOSTILE = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)></style>";
    /** As nginx writes it inside a quoted field: {@code "} escaped as {@code \x22}. */
    static final String LOGGED = HOSTILE.replace("\"", "\\x22");
    /** In an upstream list, where spaces separate addresses. */
    static final String UPSTREAM_LOGGED = LOGGED.replace(' ', '/');

    @TempDir
    static Path dir;
    static Path timing;
    static Path hostile;
    static Path combined;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A timing-format line: upstream or cache, times in seconds. */
    static String line(long epochSecond, String path, String referer, String agent, String upstream, double rt, int status) {
        String time = LOCAL.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofHours(2)));
        String up = upstream == null ? "ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=HIT"
                : String.format(Locale.ROOT, "ua=\"%s\" us=\"%d\" uct=\"0.001\" uht=\"%.3f\" urt=\"%.3f\" ucs=MISS", upstream,
                status, rt * 0.8, rt * 0.9);
        return String.format(Locale.ROOT, "192.0.2.%d - - [%s] \"GET %s HTTP/1.1\" %d 512 \"%s\" \"%s\" rt=%.3f %s msec=%d.000",
                epochSecond % 250, time, path, status, referer, agent, rt, up, epochSecond);
    }

    /** Two hours at a few requests a second, a burst of 200 at 09:00:00, one upstream slower than the others. */
    static List<String> lines(boolean evil) {
        SplittableRandom rnd = new SplittableRandom(5);
        String text = evil ? LOGGED : "";
        List<String> out = new ArrayList<>();
        for (long s = 0; s < 2 * 3600; s++) {
            int n = rnd.nextInt(4) + (s == 3600 ? 200 : 0);
            for (int i = 0; i < n; i++) {
                boolean cache = rnd.nextInt(3) == 0;
                int u = rnd.nextInt(3);
                String upstream = cache ? null : "10.0.0." + u + ":8080" + (u == 2 && evil ? UPSTREAM_LOGGED : "");
                double rt = cache ? 0.001 : (u == 1 ? 0.4 : 0.05) + rnd.nextDouble() * 0.05;
                out.add(line(START + s, "/api/" + rnd.nextInt(5) + text, i > 3 ? "https://news.example/" + text : "-",
                        (s == 3600 ? "BadBot/1.0" : "Mozilla/5.0") + text, upstream, rt, rnd.nextInt(40) == 0 ? 502 : 200));
            }
        }
        if (evil) {
            out.add(200, "192.0.2.1 - - [bad time] \"GET /" + HOSTILE + " HTTP/1.1\" 2x0 " + HOSTILE);
        }
        return out;
    }

    @BeforeAll
    static void logs() throws Exception {
        timing = dir.resolve("timing.log");
        Files.write(timing, lines(false));
        hostile = dir.resolve("hostile.log");
        Files.write(hostile, lines(true));
        combined = dir.resolve("combined.log");
        List<String> c = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            c.add("192.0.2.7 - - [" + LOCAL.format(Instant.ofEpochSecond(START + s).atOffset(ZoneOffset.ofHours(2)))
                    + "] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8\"");
        }
        Files.write(combined, c);
    }

    static Document svg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void chart_writesTheWholeSetAsPng_oneFilePerLine() throws Exception {
        Path out = dir.resolve("set");
        Run r = run("chart", timing.toString(), "--out", out.toString(), "--size", "900x400");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> keys = List.of("requests", "week", "tier-latency", "time-split", "upstreams", "status", "load-latency");
        assertThat(r.out().lines()).containsExactlyElementsOf(keys.stream().map(k -> out.resolve(k + ".png").toString()).toList());
        for (String k : keys) {
            BufferedImage img = ImageIO.read(out.resolve(k + ".png").toFile());
            assertThat(img.getWidth()).isEqualTo(900);
            assertThat(img.getHeight()).isEqualTo(400);
        }
    }

    @Test
    void chart_svg_parsesAndNamesItsSeries() throws Exception {
        Path out = dir.resolve("svgset");
        Run r = run("chart", timing.toString(), "--out", out.toString(), "--svg", "--size", "1000x400");
        assertThat(r.exit()).as(r.err()).isZero();
        Document week = svg(out.resolve("week.svg"));
        assertThat(week.getDocumentElement().getAttribute("width")).isEqualTo("1000");
        String text = Files.readString(out.resolve("requests.svg"));
        assertThat(text).contains("id=\"requests-envelope\"").contains("id=\"requests-peaks\"").contains("BadBot/1.0");
        assertThat(Files.size(out.resolve("week.svg"))).isLessThan(1_000_000);
    }

    @Test
    void chart_logWithoutTimings_drawsWhatItCan_andSaysWhatItSkipped() {
        Path out = dir.resolve("combined-set");
        Run r = run("chart", combined.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.exists(out.resolve("requests.png"))).isTrue();
        assertThat(Files.exists(out.resolve("tier-latency.png"))).isFalse();
        assertThat(r.err()).contains("ngxtime: no tier-latency chart: no request time: log $request_time")
                .contains("ngxtime: no upstreams chart: no upstream time: log $upstream_response_time")
                .contains("ngxtime: no load-latency chart: no upstream time: log $upstream_response_time")
                .doesNotContain("Exception");
    }

    @Test
    void week_pngOrSvgByExtension_withTheLatencyOverlay() throws Exception {
        Path png = dir.resolve("week.png");
        Run r = run("week", timing.toString(), "-o", png.toString(), "--size", "1200x500");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(png.toString());
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1200);

        Path svg = dir.resolve("week.svg");
        r = run("week", timing.toString(), "-o", svg.toString(), "--latency", "--from", "2026-10-10T00:00:00+02:00",
                "--size", "800x300");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(svg);
        assertThat(svg(svg).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(text).contains("id=\"week-p99\"").contains("Sat 10 Oct 2026 00:00 to Sat 17 Oct 00:00 (UTC+02:00)");
    }

    @Test
    void week_badExtensionOrSize_isAUsageError() {
        Run gif = run("week", timing.toString(), "-o", dir.resolve("week.gif").toString());
        assertThat(gif.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(gif.err()).contains("must end in .png or .svg");
        Run size = run("week", timing.toString(), "-o", dir.resolve("w.png").toString(), "--size", "huge");
        assertThat(size.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(size.err()).contains("chart size 'huge': expected WIDTHxHEIGHT such as 1600x600");
        Run noData = run("week", combined.toString(), "-o", dir.resolve("w.png").toString(), "--from",
                "2030-01-01T00:00:00Z");
        assertThat(noData.exit()).isEqualTo(ExitCode.DATA);
        assertThat(noData.err().strip()).endsWith("nothing to draw: no request has a time in --from/--to");
    }

    @Test
    void reportHtml_logTextFullOfMarkup_isEscapedEverywhere_andThePageLoadsNothing() throws Exception {
        Path html = dir.resolve("report.html");
        Run r = run("report", hostile.toString(), "--html", html.toString(), "--log-format", "timing");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ngxtime report").contains("Rejected lines by reason");
        String page = Files.readString(html);
        String lower = page.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<img");
        assertThat(lower.indexOf("</style>")).isEqualTo(lower.lastIndexOf("</style>"));
        Matcher tags = Pattern.compile("<[^>]*>").matcher(page);
        Pattern value = Pattern.compile("=\"[^\"]*\"");
        int n = 0;
        while (tags.find()) {
            String markup = value.matcher(tags.group()).replaceAll("=\"\"").toLowerCase(Locale.ROOT);
            assertThat(markup).as(tags.group()).doesNotContain("onerror").doesNotContain("script").doesNotContain("src=")
                    .doesNotContain("http:").doesNotContain("https:");
            Matcher attr = Pattern.compile("(\\S+)=\"([^\"]*)\"").matcher(tags.group());
            while (attr.find()) {
                assertThat(attr.group(2)).doesNotContain("<").doesNotContain(">");
                if (attr.group(1).endsWith("href")) {
                    assertThat(attr.group(2)).startsWith("#");
                }
            }
            n++;
        }
        assertThat(n).isGreaterThan(500);
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/style&gt;";
        assertThat(page).contains("BadBot/1.0" + escaped).contains("https://news.example/" + escaped)
                .contains("10.0.0.2:8080" + escaped.replace(' ', '/')).contains("/api/0" + escaped);
        assertThat(page).contains("<pre>192.0.2.1 - - [bad time] &quot;GET /&lt;script&gt;");
        assertThat(page).contains("<figure id=\"chart-requests\">").contains("id=\"upstreams-p50-p99\"");
    }

    @Test
    void reportHtml_unwritablePath_isOneLine_exit74() {
        Run r = run("report", timing.toString(), "--html", dir.resolve("no/such/dir/r.html").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(r.err().lines().filter(l -> l.startsWith("ngxtime: cannot write"))).singleElement()
                .satisfies(l -> assertThat(l).contains("r.html"));
    }
}
