package io.ngxtime.charts.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.HtmlFixtures;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    static final Pattern TAG = Pattern.compile("<[^>]*>");

    private static String hostilePage;

    static String html(Report r) throws Exception {
        StringWriter w = new StringWriter();
        new HtmlReportWriter().write(r, w);
        return w.toString();
    }

    /** The page of the hostile sample, written once for the tests that read it. */
    static synchronized String hostilePage() throws Exception {
        if (hostilePage == null) {
            hostilePage = html(HtmlFixtures.hostile());
        }
        return hostilePage;
    }

    static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)=\"([^\"]*)\"");

    /** A tag with its attribute values blanked: what is left is markup only. */
    static String skeleton(String tag) {
        return ATTRIBUTE.matcher(tag).replaceAll("$1=\"\"");
    }

    /** Every tag of the page (log text is escaped, so it can never form one). */
    static List<String> tags(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void hostileLogText_everywhere_isEscaped_noTagOrAttributeComesFromIt() throws Exception {
        String html = hostilePage();
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<img");
        assertThat(lower.indexOf("</style>")).as("exactly one </style>: ours").isEqualTo(lower.lastIndexOf("</style>"));
        assertThat(lower.indexOf("<style>")).isEqualTo(lower.lastIndexOf("<style>"));
        for (String tag : tags(html)) {
            String markup = skeleton(tag).toLowerCase(Locale.ROOT);
            assertThat(markup).as("tag %s", tag).doesNotContain("onerror").doesNotContain("script")
                    .doesNotContain("alert(").doesNotContain("src=").doesNotContain("'");
            Matcher a = ATTRIBUTE.matcher(tag);
            while (a.find()) {
                assertThat(a.group(1).toLowerCase(Locale.ROOT)).as("attribute of %s", tag).doesNotStartWith("on");
                assertThat(a.group(2)).as("value in %s", tag).doesNotContain("<").doesNotContain(">");
            }
        }
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/style&gt;";
        assertThat(html).as("in the inputs, paths, agents, upstream names and rejected lines").contains(escaped);
        assertThat(html).contains("title=\"" + escaped + "10.0.2.1:8080\"");
        assertThat(html).contains("<pre>192.0.2.1 - - [bad] &quot;GET /&lt;script&gt;");
    }

    @Test
    void page_refersToNothingOutsideItself() throws Exception {
        String html = hostilePage();
        for (String tag : tags(html)) {
            assertThat(skeleton(tag).toLowerCase(Locale.ROOT)).as("tag %s", tag).doesNotContain("src=")
                    .doesNotContain("xmlns").doesNotContain("http:").doesNotContain("https:");
            Matcher a = ATTRIBUTE.matcher(tag);
            while (a.find()) {
                String name = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2).toLowerCase(Locale.ROOT);
                if (name.endsWith("href")) {
                    assertThat(value).as("link in %s", tag).startsWith("#");
                }
                if (name.equals("style") || name.equals("clip-path") || name.equals("fill")) {
                    assertThat(value).as("style in %s", tag).doesNotContain("http").doesNotContain("url(/")
                            .doesNotContain("@import");
                }
                if (!name.equals("title")) {
                    assertThat(value).as("%s in %s", name, tag).doesNotContain("http:").doesNotContain("https:");
                }
            }
        }
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertThat(css).doesNotContain("url(").doesNotContain("@import").doesNotContain("http");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        // log text may hold URLs (referrers); they only ever appear as text
        assertThat(html).contains("https://news.example/today");
    }

    @Test
    void upstreams_connectAndHeaderTimesNotLogged_areNa_notZero() throws Exception {
        io.ngxtime.analyzer.aggregate.Aggregation a = new io.ngxtime.analyzer.aggregate.Aggregation();
        io.ngxtime.analyzer.record.Request r = new io.ngxtime.analyzer.record.Request();
        for (int s = 0; s < 120; s++) {
            io.ngxtime.charts.TestRequests.get(r, 1_791_187_200_000L + s * 1000L, 0, "/api");
            r.addAttempt("10.0.0.9:8080", 200, -1, -1, 40_000, 0);
            r.status(200).requestTimeMicros(42_000);
            a.add(r);
        }
        String html = html(a.report(List.of("access.log"), "upstreaminfo", 0));

        String row = html.lines().filter(l -> l.startsWith("<tr") && l.contains(">10.0.0.9:8080</td>")).findFirst()
                .orElseThrow();
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            cells.add(m.group(1));
        }
        assertThat(cells).as(row).containsSubsequence("n/a", "n/a", "40.0 ms / 40.0 ms");
        assertThat(html.lines().filter(l -> l.contains("upstream header (time to first byte)")).findFirst().orElseThrow())
                .contains("n/a").doesNotContain("ms<");
    }

    @Test
    void page_hasEverySection_chartsInline_andIsDeterministic() throws Exception {
        Report r = HtmlFixtures.incident();
        HtmlReportWriter small = new HtmlReportWriter(io.ngxtime.charts.ChartOptions.defaults()
                .withSize(new io.ngxtime.charts.ChartSize(640, 280)));
        StringWriter w = new StringWriter();
        small.write(r, w);
        String html = w.toString();
        assertThat(html).startsWith("<!DOCTYPE html>");
        for (String id : List.of("charts", "peaks", "tiers", "upstreams", "routes", "findings", "status", "rejects")) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
        for (String chart : List.of("requests", "tier-latency", "time-split", "upstreams", "status", "load-latency")) {
            assertThat(html).contains("<figure id=\"chart-" + chart + "\">");
        }
        assertThat(html).as("a few hours: the requests chart already shows them").doesNotContain("chart-week");
        assertThat(html).contains("id=\"requests-envelope\"").contains("What drove peak 1")
                .contains("A backend slower than its peers");
        StringWriter again = new StringWriter();
        small.write(r, again);
        assertThat(again.toString()).isEqualTo(html);
    }

    static final Pattern NAV_LINK = Pattern.compile("<a href=\"#([^\"]+)\">");
    static final Pattern SECTION = Pattern.compile("<h2 id=\"([^\"]+)\">");

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void nav_linksEverySectionThePageHas_inItsOrder_andNoOther() throws Exception {
        io.ngxtime.analyzer.report.CacheWhatIf whatIf = new io.ngxtime.analyzer.report.CacheWhatIf(60,
                List.of(new io.ngxtime.analyzer.report.CacheWhatIf.Candidate("/api/x", 60, 50, java.util.OptionalLong.of(1_000))),
                java.util.OptionalLong.of(60), java.util.OptionalLong.of(1_200), 50, java.util.OptionalLong.of(1_000),
                java.util.Optional.empty(), 0, 0);
        Report hostile = HtmlFixtures.hostile();
        for (Report r : List.of(hostile, hostile.withCacheWhatIf(whatIf, java.util.Optional.empty()), HtmlFixtures.incident())) {
            String html = html(r);
            String nav = html.substring(html.indexOf("<nav>"), html.indexOf("</nav>"));
            assertThat(all(NAV_LINK, nav)).isEqualTo(all(SECTION, html));
        }
        String withWhatIf = html(hostile.withCacheWhatIf(whatIf, java.util.Optional.empty()));
        assertThat(withWhatIf.substring(0, withWhatIf.indexOf("</nav>"))).contains("<a href=\"#what-if\">What if</a>")
                .contains("<a href=\"#comparison\">Baseline</a>");
    }

    @Test
    void comparison_ofTheHostilePage_isThere_withItsRoutesEscaped() throws Exception {
        String html = hostilePage();
        String section = html.substring(html.indexOf("<h2 id=\"comparison\">"));
        section = section.substring(0, section.indexOf("</table>"));
        assertThat(section).contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(section).contains("Ranked by how many requests each change concerns");
    }

    @Test
    void comparison_withAnEmptyBaseline_saysSo_andHasNoTable() throws Exception {
        Report r = HtmlFixtures.hostile();
        Report empty = r.withComparison(new io.ngxtime.analyzer.report.Comparison(r.comparison().baselineFromSecond(),
                r.comparison().baselineToSecond(), 0, 3600, 3600, List.of(), List.of(), List.of()));
        String html = html(empty);
        String section = html.substring(html.indexOf("<h2 id=\"comparison\">"));
        section = section.substring(0, section.indexOf("<h2", 5));
        assertThat(section).contains("it has no requests").contains("nothing to compare with")
                .doesNotContain("<table");
    }

    @Test
    void escaping_textAndAttributes() {
        assertThat(Html.text("<a href=\"x\" onclick='y'>&</a>")).isEqualTo(
                "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.attr("\" onerror=\"x")).doesNotContain("\"");
        assertThat(Html.text("a\u0000b\u001b[31m\u202e")).isEqualTo("a\\x00b\\x1B[31m\\u202E");
        assertThat(Html.text(null)).isEqualTo("-");
    }

    @Test
    void summary_firstAndLastRequest_keepTheirMilliseconds() throws Exception {
        io.ngxtime.analyzer.aggregate.Aggregation a = new io.ngxtime.analyzer.aggregate.Aggregation();
        io.ngxtime.analyzer.record.Request r = new io.ngxtime.analyzer.record.Request();
        io.ngxtime.charts.TestRequests.get(r, 1_791_187_219_760L, 7200, "/a").status(200);
        a.add(r);
        io.ngxtime.charts.TestRequests.get(r, 1_791_187_230_000L, 7200, "/a").status(200);
        a.add(r);
        String html = html(a.report(List.of("access.log"), "combined", 0));
        assertThat(html).contains("2026-10-05T10:00:19.760+02:00").contains("2026-10-05T10:00:30+02:00");
    }
}
