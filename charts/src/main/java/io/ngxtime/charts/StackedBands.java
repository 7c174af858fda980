package io.ngxtime.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

/**
 * Bands stacked bottom to top on a time plot, one value per column each: a band runs from the top of
 * those below it up by its own value. A NaN value is a gap in its band and adds nothing to the stack;
 * a band that is zero or NaN throughout is left out, of the plot and of the legend. The legend lists
 * the bands top first, as they are seen.
 */
final class StackedBands {
    private final LayeredXYPlot plot;
    private final ColumnGrid grid;
    private final double[] below;
    private final List<LegendItem> items = new ArrayList<>();

    StackedBands(LayeredXYPlot plot, ColumnGrid grid) {
        this.plot = plot;
        this.grid = grid;
        this.below = new double[grid.columns()];
    }

    /** Stacks {@code values} (one per column of the grid) on those added before, as layer {@code layer}. */
    void add(String layer, String label, Color colour, double[] values) {
        if (!anyAboveZero(values)) {
            return;
        }
        int n = below.length;
        double[] low = new double[n];
        double[] high = new double[n];
        for (int c = 0; c < n; c++) {
            if (Double.isNaN(values[c])) {
                low[c] = Double.NaN;
                high[c] = Double.NaN;
            } else {
                low[c] = below[c];
                high[c] = below[c] + values[c];
                below[c] = high[c];
            }
        }
        plot.addLayer(layer, TimePlots.band(label, grid, low, high, high), new EnvelopeRenderer(colour, null, 0f), 0);
        items.add(0, ChartStyle.bandItem(label, colour));
    }

    /** The legend of the bands added, top first. */
    LegendItemCollection legend() {
        return ChartStyle.legend(items.toArray(LegendItem[]::new));
    }

    private static boolean anyAboveZero(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v) && v > 0) {
                return true;
            }
        }
        return false;
    }
}
