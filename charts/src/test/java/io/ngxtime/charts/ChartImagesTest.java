package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every chart as PNG and SVG: size, something drawn, SVG that parses and names its series. */
class ChartImagesTest {
    static final Map<ChartKind, List<String>> LAYERS = Map.of(
            ChartKind.REQUESTS, List.of("requests-envelope", "requests-rate", "requests-peaks"),
            ChartKind.WEEK, List.of("week-envelope", "week-rate", "week-p99", "week-peaks"),
            ChartKind.TIER_LATENCY, List.of("tier-latency-nginx-p50", "tier-latency-cache-p99", "tier-latency-upstream-p99"),
            ChartKind.TIME_SPLIT, List.of("time-split-wait", "time-split-transfer", "time-split-nginx"),
            ChartKind.UPSTREAMS, List.of("upstreams-p50-p99", "upstreams-p99-max"),
            ChartKind.STATUS, List.of("status-status-2xx", "status-status-4xx", "status-status-5xx"),
            ChartKind.LOAD_LATENCY, List.of("load-latency-dots", "load-latency-median"));

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> groupIds(Document doc) {
        List<String> ids = new ArrayList<>();
        NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            String id = ((Element) gs.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void everyChart_pngHasTheSizeAndIsDrawn_svgParsesAndNamesItsSeries() throws Exception {
        Report r = SampleReports.cachedIncident();
        ChartSize size = new ChartSize(1000, 420);
        ChartOptions o = ChartOptions.defaults().withSize(size).withLatencyOverlay(true);
        for (ChartKind kind : ChartKind.values()) {
            assertThat(kind.missingData(r)).as(kind.key()).isEmpty();
            JFreeChart chart = kind.create(r, o);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            Charts.writePng(chart, size, png);
            var image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(420);
            long ink = new Rendered(image, null).inkPixels();
            assertThat(ink).as("%s draws something", kind.key()).isGreaterThan(5_000);

            StringWriter svg = new StringWriter();
            Charts.writeSvg(chart, size, kind.key(), svg);
            Document doc = parse(svg.toString());
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1000 420");
            assertThat(groupIds(doc)).as(kind.key()).containsAll(LAYERS.get(kind));
            assertThat(svg.toString()).doesNotContain("<!DOCTYPE");
        }
    }

    @Test
    void inlineSvg_hasNoNamespaceOrUrl_andItsIdsCarryTheChartKey() throws Exception {
        Report r = SampleReports.cachedIncident();
        String svg = Charts.inlineSvg(ChartKind.REQUESTS.create(r, ChartOptions.defaults()), ChartSize.DEFAULT, "requests");
        assertThat(svg).startsWith("<svg").matches("(?s).*</svg\\s*>").doesNotContain("<?xml");
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<[^>]*>").matcher(svg);
        while (tags.find()) {
            assertThat(tags.group()).as("no URL in markup (log text may hold one)").doesNotContain("http:")
                    .doesNotContain("https:").doesNotContain("xmlns");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" id=\"([^\"]*)\"").matcher(svg);
        int ids = 0;
        while (m.find()) {
            assertThat(m.group(1)).startsWith("requests-");
            ids++;
        }
        assertThat(ids).isGreaterThan(3);
    }

    @Test
    void logText_inChartLabels_isEscapedInSvg() throws Exception {
        Report r = SampleReports.cachedHostile();
        for (ChartKind kind : new ChartKind[] {ChartKind.REQUESTS, ChartKind.UPSTREAMS}) {
            StringWriter svg = new StringWriter();
            Charts.writeSvg(kind.create(r, ChartOptions.defaults()), ChartSize.DEFAULT, kind.key(), svg);
            Document doc = parse(svg.toString());
            assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).isZero();
            assertThat(svg.toString()).doesNotContain("<script").contains("&lt;script&gt;");
        }
    }

    @Test
    void reportWithoutTimes_chartsSayWhy_insteadOfDrawingEmptyAxes() throws Exception {
        Report week = SampleReports.week(WeekChartTest.SPIKE, 900);
        Report empty = new Report(List.of("x.log"), "combined", 0, "", week.summary(), week.rejects(), week.timing(),
                List.of(), io.ngxtime.analyzer.report.TrafficReport.empty(), List.of(),
                io.ngxtime.analyzer.report.RoutesReport.empty(), List.of(), null, java.util.Optional.empty(),
                io.ngxtime.analyzer.report.NoteSummary.empty());
        for (ChartKind kind : ChartKind.values()) {
            assertThat(kind.missingData(empty)).as(kind.key()).isPresent();
            JFreeChart chart = kind.create(empty, ChartOptions.defaults());
            assertThat(Charts.isEmpty(chart)).as(kind.key()).isTrue();
            assertThat(chart.getPlot().getNoDataMessage()).isNotBlank();
            Rendered img = Rendered.of(chart, new ChartSize(800, 300));
            assertThat(img.inkPixels()).isGreaterThan(100);
        }
        // upstream time logged, but no server in the report to draw
        assertThat(ChartKind.UPSTREAMS.missingData(week))
                .contains("no upstream time: no upstream server has a response time in the range");
    }
}
