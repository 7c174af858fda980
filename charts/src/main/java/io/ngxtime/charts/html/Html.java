package io.ngxtime.charts.html;

/**
 * Escaping for HTML. Everything that came from a log line goes through {@link #text} (element content)
 * or {@link #attr} (a double-quoted attribute value): both escape {@code & < > " '}, so text can close
 * no element and open none, end no attribute and start none; control and format characters (escape
 * sequences, bidi overrides, NUL) are shown as {@code \xHH} / {@code \}{@code uHHHH}.
 */
final class Html {
    private Html() {
    }

    /** Text for element content. */
    static String text(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    int type = Character.getType(c);
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || type == Character.FORMAT
                            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                        sb.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Text for a double-quoted attribute value (the same escapes: quotes included). */
    static String attr(String s) {
        return text(s);
    }
}
