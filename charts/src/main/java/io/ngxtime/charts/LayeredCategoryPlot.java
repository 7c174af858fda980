package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryCrosshairState;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;

/** The category-plot counterpart of {@link LayeredXYPlot}: named layers, grouped in SVG. */
final class LayeredCategoryPlot extends CategoryPlot {
    private final SeriesLayers layers;

    LayeredCategoryPlot(String chartKey, CategoryAxis domainAxis, ValueAxis rangeAxis) {
        super(null, domainAxis, rangeAxis, null);
        this.layers = new SeriesLayers(chartKey);
    }

    int addLayer(String name, CategoryDataset dataset, CategoryItemRenderer renderer) {
        int index = layers.add(name);
        setDataset(index, dataset);
        setRenderer(index, renderer);
        return index;
    }

    CategoryDataset layer(String name) {
        int index = layers.indexOf(name);
        return index < 0 ? null : getDataset(index);
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info,
                          CategoryCrosshairState crosshairState) {
        return layers.draw(g2, index, () -> super.render(g2, dataArea, index, info, crosshairState));
    }
}
