package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
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
    private final String chartKey;
    private final Map<Integer, String> layers = new HashMap<>();

    LayeredXYPlot(String chartKey, ValueAxis domainAxis, ValueAxis rangeAxis) {
        super(null, domainAxis, rangeAxis, null);
        this.chartKey = chartKey;
    }

    String chartKey() {
        return chartKey;
    }

    /** Adds a layer drawn on top of those added before, against range axis {@code axis}. */
    int addLayer(String name, XYDataset dataset, XYItemRenderer renderer, int axis) {
        int index = layers.size();
        setDataset(index, dataset);
        setRenderer(index, renderer);
        mapDatasetToRangeAxis(index, axis);
        layers.put(index, name);
        return index;
    }

    /** The dataset of a layer, or null. */
    XYDataset layer(String name) {
        for (Map.Entry<Integer, String> e : layers.entrySet()) {
            if (e.getValue().equals(name)) {
                return getDataset(e.getKey());
            }
        }
        return null;
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info,
                          CrosshairState crosshairState) {
        String name = layers.get(index);
        if (name == null || !(g2 instanceof ElementGroups groups)) {
            return super.render(g2, dataArea, index, info, crosshairState);
        }
        groups.beginGroup(chartKey + "-" + name, "series series-" + name);
        try {
            return super.render(g2, dataArea, index, info, crosshairState);
        } finally {
            groups.endGroup();
        }
    }
}
