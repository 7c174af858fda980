package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * An XY plot whose datasets are named layers, each with its own renderer; drawing a layer on
 * {@link ElementGroups} graphics wraps it in a group {@code id="<chart>-<layer>"
 * class="series series-<layer>"}. One dataset per layer keeps stacking and styling explicit.
 */
final class LayeredXYPlot extends XYPlot {
    private final SeriesLayers layers;

    LayeredXYPlot(String chartKey, ValueAxis domainAxis, ValueAxis rangeAxis) {
        super(null, domainAxis, rangeAxis, null);
        this.layers = new SeriesLayers(chartKey);
    }

    String chartKey() {
        return layers.chartKey();
    }

    /** Adds a layer drawn on top of those added before, against range axis {@code axis}. */
    int addLayer(String name, XYDataset dataset, XYItemRenderer renderer, int axis) {
        int index = layers.add(name);
        setDataset(index, dataset);
        setRenderer(index, renderer);
        mapDatasetToRangeAxis(index, axis);
        return index;
    }

    /** The dataset of a layer, or null. */
    XYDataset layer(String name) {
        int index = layers.indexOf(name);
        return index < 0 ? null : getDataset(index);
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info,
                          CrosshairState crosshairState) {
        return layers.draw(g2, index, () -> super.render(g2, dataArea, index, info, crosshairState));
    }
}
