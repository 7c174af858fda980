package io.ngxtime.charts;

/** Text from log lines made fit for a chart label: control characters shown as escapes, long values clipped. */
final class LabelText {
    private LabelText() {
    }

    /** Control and format characters (escape sequences, bidi overrides) as {@code \xHH} / {@code \}{@code uHHHH}. */
    static String printable(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** At most {@code max} characters, the cut marked with an ellipsis. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** {@link #printable} then {@link #clip}. */
    static String label(String s, int max) {
        return clip(printable(s), max);
    }

    /** The end of a chart's subtitle naming the report's filter ({@code " Filter: ..."}), or "" without one. */
    static String filterNote(String filter) {
        return filter.isEmpty() ? "" : " Filter: " + label(filter, 80);
    }
}
