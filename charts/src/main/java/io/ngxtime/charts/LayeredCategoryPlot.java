package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryCrosshairState;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;

/** The category-plot counterpart of {@link LayeredXYPlot}: named layers, grouped in SVG. */
final class LayeredCategoryPlot extends CategoryPlot {
    private final String chartKey;
    private final Map<Integer, String> layers = new HashMap<>();

    LayeredCategoryPlot(String chartKey, CategoryAxis domainAxis, ValueAxis rangeAxis) {
        super(null, domainAxis, rangeAxis, null);
        this.chartKey = chartKey;
    }

    int addLayer(String name, CategoryDataset dataset, CategoryItemRenderer renderer) {
        int index = layers.size();
        setDataset(index, dataset);
        setRenderer(index, renderer);
        layers.put(index, name);
        return index;
    }

    CategoryDataset layer(String name) {
        for (Map.Entry<Integer, String> e : layers.entrySet()) {
            if (e.getValue().equals(name)) {
                return getDataset(e.getKey());
            }
        }
        return null;
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info,
                          CategoryCrosshairState crosshairState) {
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
