package io.ngxtime.cli.dashboard;

/**
 * A series drawn as one row of block characters ({@code ▁▂▃▄▅▆▇█}), scaled so that its largest value is a
 * full block; a value of 0 (no request) is a blank, so that a drop to nothing shows as a gap.
 */
final class Sparkline {
    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** The newest {@code columns} values of {@code values} (oldest first), one character each. */
    static String of(double[] values, int columns) {
        int from = Math.max(0, values.length - Math.max(0, columns));
        double max = 0;
        for (int i = from; i < values.length; i++) {
            if (values[i] > max) {
                max = values[i];
            }
        }
        StringBuilder sb = new StringBuilder(values.length - from);
        for (int i = from; i < values.length; i++) {
            double v = values[i];
            if (!(v > 0) || max <= 0) { // 0, negative or NaN: nothing to draw
                sb.append(' ');
            } else {
                int level = (int) Math.ceil(v / max * BLOCKS.length) - 1;
                sb.append(BLOCKS[Math.max(0, Math.min(BLOCKS.length - 1, level))]);
            }
        }
        return sb.toString();
    }
}
