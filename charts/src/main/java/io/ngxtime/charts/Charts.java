package io.ngxtime.charts;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws charts: as a raster image, a PNG, a standalone SVG document, or an SVG element to inline in
 * HTML. SVG goes through Apache Batik's generator; each series is a {@code <g>} with an id
 * ({@code <chart>-<layer>}) and a class ({@code series series-<layer>}); ids Batik makes are prefixed
 * with the chart's key so several charts can share one HTML page. A failure of the font machinery
 * surfaces as {@link NoFontsException}. Thread-safe: nothing is shared between calls.
 */
public final class Charts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private Charts() {
    }

    /** The chart drawn on an RGB image. */
    public static BufferedImage image(JFreeChart chart, ChartSize size) {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(chart, g, size);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the chart as a PNG. */
    public static void writePng(JFreeChart chart, ChartSize size, OutputStream out) throws IOException {
        BufferedImage image = image(chart, size);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** Writes the chart as a standalone SVG document (UTF-8 text). */
    public static void writeSvg(JFreeChart chart, ChartSize size, String idPrefix, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(svg(chart, size, idPrefix, false));
        out.write('\n');
        out.flush();
    }

    /**
     * The chart as one {@code <svg>} element to put inside an HTML page: no XML prolog and no
     * namespace declarations (the HTML parser puts {@code <svg>} in its namespace), so the page holds
     * no reference to anything outside it; it scales to its container through its viewBox.
     */
    public static String inlineSvg(JFreeChart chart, ChartSize size, String idPrefix) {
        return svg(chart, size, idPrefix, true);
    }

    private static String svg(JFreeChart chart, ChartSize size, String idPrefix, boolean inline) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM in this Java runtime", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setPrecision(2);
        ctx.setEmbeddedFontsOn(false);
        SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
        defaults.setFont(ChartStyle.TICK_FONT);
        ctx.setGraphicContextDefaults(defaults);
        ctx.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return idPrefix + "-" + super.generateID(prefix);
            }
        });
        SvgGraphics g = new SvgGraphics(ctx);
        g.setSVGCanvasSize(new Dimension(size.width(), size.height()));
        draw(chart, g, size);
        Element root = g.getRoot();
        // the one id Batik does not take from the generator: unique per chart, or pages repeat it
        org.w3c.dom.NodeList defs = root.getElementsByTagName("defs");
        for (int i = 0; i < defs.getLength(); i++) {
            Element d = (Element) defs.item(i);
            if (d.getAttribute("id").equals("genericDefs")) {
                d.setAttribute("id", idPrefix + "-genericDefs");
            }
        }
        root.setAttribute("viewBox", "0 0 " + size.width() + " " + size.height());
        root.setAttribute("role", "img");
        root.removeAttribute("contentScriptType");
        root.removeAttribute("zoomAndPan");
        if (chart.getTitle() != null) {
            root.setAttribute("aria-label", chart.getTitle().getText());
        }
        StringWriter w = new StringWriter(64 * 1024);
        try {
            g.stream(root, w, true, false);
        } catch (SVGGraphics2DIOException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
        // Batik writes its own XML declaration and a DOCTYPE naming an external DTD: drop both
        String text = w.toString();
        text = text.substring(text.indexOf("<svg"));
        if (inline) {
            text = text.replace(" xmlns=\"" + SVG_NS + "\"", "")
                    .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
        }
        return text.strip();
    }

    private static void draw(JFreeChart chart, Graphics2D g, ChartSize size) {
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (Fonts.isFontFailure(e)) {
                throw new NoFontsException(e);
            }
            throw e;
        }
    }

    /** A chart that says why there is nothing to draw. */
    static JFreeChart noData(String chartKey, String title, String why) {
        LayeredXYPlot plot = new LayeredXYPlot(chartKey, new NumberAxis(), new NumberAxis());
        ChartStyle.plot(plot);
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setNoDataMessage(why);
        return ChartStyle.chart(plot, title, null, false);
    }

    /** Whether a chart is the no-data kind. */
    static boolean isEmpty(JFreeChart chart) {
        return chart.getPlot() instanceof XYPlot p && p.getDatasetCount() == 0;
    }
}
