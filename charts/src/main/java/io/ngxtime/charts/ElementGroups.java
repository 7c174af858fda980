package io.ngxtime.charts;

/**
 * A {@link java.awt.Graphics2D} that can wrap what is drawn between {@link #beginGroup} and
 * {@link #endGroup} in a named element (the SVG writer makes it a {@code <g id class>}), so a series
 * can be found in the output. Raster graphics do not implement it; plots check with instanceof.
 * Groups nest.
 */
interface ElementGroups {
    void beginGroup(String id, String cssClass);

    void endGroup();
}
