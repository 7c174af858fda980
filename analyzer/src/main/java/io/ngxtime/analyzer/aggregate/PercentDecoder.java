package io.ngxtime.analyzer.aggregate;

/**
 * Decodes the {@code %XX} escapes of a request path, so that {@code /static/caf%C3%A9.txt} and
 * {@code /static/café.txt} (nginx logs the bytes of the latter, which the log parser reads as UTF-8) are
 * the same path.
 *
 * <p>A run of escapes is read as UTF-8. What does not decode to a character is kept exactly as written,
 * one escape at a time: a stray or truncated byte ({@code %C3} alone, {@code %FF}), an overlong form, a
 * surrogate. Escapes of characters that would change what the path means or how it reads are kept too:
 * {@code %2F} (a slash inside a segment is not a separator), {@code %3F} and {@code %23} (not a query or
 * fragment), {@code %25} (decoding it would make {@code %2541} read as the escape {@code %41}) and control
 * characters. The result is still attacker-controlled text: renderers escape it as they escape any path.
 * Stateless.
 */
final class PercentDecoder {
    private PercentDecoder() {
    }

    /** {@code path} with its escapes decoded as above; the same instance when it has none. */
    static String decode(String path) {
        int first = path.indexOf('%');
        if (first < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        out.append(path, 0, first);
        int i = first;
        while (i < path.length()) {
            int lead = escapedByte(path, i);
            if (lead < 0) {
                out.append(path.charAt(i));
                i++;
                continue;
            }
            int length = sequenceLength(lead);
            int codePoint = length == 0 ? -1 : codePoint(path, i, lead, length);
            if (codePoint >= 0 && decodable(codePoint)) {
                out.appendCodePoint(codePoint);
                i += 3 * length;
            } else {
                out.append(path, i, i + 3);
                i += 3;
            }
        }
        return out.toString();
    }

    /** The byte of the escape {@code %XX} at {@code i}, or -1 when there is none. */
    private static int escapedByte(String s, int i) {
        if (s.charAt(i) != '%' || i + 2 >= s.length()) {
            return -1;
        }
        int high = Character.digit(s.charAt(i + 1), 16);
        int low = Character.digit(s.charAt(i + 2), 16);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    /** Bytes in the UTF-8 sequence a lead byte starts: 1 to 4, 0 for a byte that cannot lead one. */
    private static int sequenceLength(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    }

    /** The code point of the escaped sequence at {@code i}, or -1 when it is not well-formed UTF-8. */
    private static int codePoint(String s, int i, int lead, int length) {
        if (length == 1) {
            return lead;
        }
        int cp = lead & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int b = i + 3 * k < s.length() ? escapedByte(s, i + 3 * k) : -1;
            if (b < 0x80 || b > 0xBF) {
                return -1;
            }
            cp = cp << 6 | (b & 0x3F);
        }
        boolean overlong = length == 3 && cp < 0x800 || length == 4 && cp < 0x10000;
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return overlong || surrogate || cp > 0x10FFFF ? -1 : cp;
    }

    private static boolean decodable(int cp) {
        return !Character.isISOControl(cp) && cp != '/' && cp != '?' && cp != '#' && cp != '%';
    }
}
