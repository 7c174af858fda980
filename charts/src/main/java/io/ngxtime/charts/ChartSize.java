package io.ngxtime.charts;

import java.util.Locale;

/**
 * The size of a chart image in pixels (SVG: user units, the same numbers).
 *
 * @param width  320 to 10,000
 * @param height 200 to 10,000
 */
public record ChartSize(int width, int height) {
    /** 1600x600: a week fits with one column per 6-7 minutes. */
    public static final ChartSize DEFAULT = new ChartSize(1600, 600);

    public ChartSize {
        if (width < 320 || height < 200 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size " + width + "x" + height
                    + " is outside 320x200 to 10000x10000");
        }
    }

    /**
     * Reads {@code WIDTHxHEIGHT}, e.g. {@code 1600x600}.
     *
     * @throws IllegalArgumentException naming the text when it is not a size or is out of range
     */
    public static ChartSize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int x = t.indexOf('x');
        if (x <= 0 || x == t.length() - 1) {
            throw new IllegalArgumentException("chart size '" + text + "': expected WIDTHxHEIGHT such as 1600x600");
        }
        try {
            return new ChartSize(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chart size '" + text + "': expected WIDTHxHEIGHT such as 1600x600", e);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
