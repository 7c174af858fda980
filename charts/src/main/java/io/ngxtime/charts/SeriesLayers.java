package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The named layers of a plot (dataset index to layer name), and the SVG grouping around each layer's
 * drawing: {@code id="<chart>-<layer>" class="series series-<layer>"}. Shared by the XY and category plots.
 */
final class SeriesLayers {
    private final String chartKey;
    private final Map<Integer, String> names = new HashMap<>();

    SeriesLayers(String chartKey) {
        this.chartKey = chartKey;
    }

    String chartKey() {
        return chartKey;
    }

    /** Records the next layer's name and returns its dataset index. */
    int add(String name) {
        int index = names.size();
        names.put(index, name);
        return index;
    }

    /** The dataset index of a layer, or -1. */
    int indexOf(String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** Draws layer {@code index}, inside its group when the graphics keep groups. */
    boolean draw(Graphics2D g2, int index, BooleanSupplier drawing) {
        String name = names.get(index);
        if (name == null || !(g2 instanceof ElementGroups groups)) {
            return drawing.getAsBoolean();
        }
        groups.beginGroup(chartKey + "-" + name, "series series-" + name);
        try {
            return drawing.getAsBoolean();
        } finally {
            groups.endGroup();
        }
    }
}
