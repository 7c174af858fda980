package io.ngxtime.analyzer.aggregate;

import java.util.Locale;
import java.util.Set;

/**
 * Groups request paths into routes: the query string is dropped, {@code %XX} escapes are decoded (see
 * {@link PercentDecoder}: {@code /caf%C3%A9} and {@code /café} are one route), and segments that are
 * identifiers are collapsed ({@code /videos/123} becomes {@code /videos/:id}; UUIDs {@code :uuid}; long hex strings
 * {@code :hex}; a content hash inside a file name {@code app.3f9a2c1b.js} becomes {@code app.:hash.js}).
 * Routes are cut at {@value #MAX_LENGTH} characters.
 */
public final class Routes {
    public static final int MAX_LENGTH = 200;
    /** The route of a request line that was not METHOD target [protocol]. */
    public static final String INVALID = "(invalid request line)";
    private static final Set<String> STATIC_EXTENSIONS = Set.of("js", "mjs", "css", "png", "jpg", "jpeg", "gif",
            "svg", "ico", "webp", "avif", "woff", "woff2", "ttf", "otf", "eot", "map", "mp4", "webm", "mp3", "txt",
            "pdf", "zip", "gz", "wasm");

    private Routes() {
    }

    /** The route of a request target, or {@link #INVALID} for null. */
    public static String of(String path) {
        if (path == null) {
            return INVALID;
        }
        int q = path.indexOf('?');
        String p = q >= 0 ? path.substring(0, q) : path;
        int hash = p.indexOf('#');
        if (hash >= 0) {
            p = p.substring(0, hash);
        }
        p = PercentDecoder.decode(p);
        if (p.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder(Math.min(p.length(), MAX_LENGTH));
        int start = 0;
        while (start <= p.length() && sb.length() < MAX_LENGTH) {
            int slash = p.indexOf('/', start);
            int end = slash < 0 ? p.length() : slash;
            sb.append(segment(p.substring(start, end)));
            if (slash < 0) {
                break;
            }
            sb.append('/');
            start = slash + 1;
        }
        return sb.length() > MAX_LENGTH ? sb.substring(0, MAX_LENGTH) : sb.toString();
    }

    static String segment(String s) {
        if (s.isEmpty()) {
            return s;
        }
        if (isDigits(s)) {
            return ":id";
        }
        if (isUuid(s)) {
            return ":uuid";
        }
        if (s.length() >= 16 && isHex(s) && hasDigit(s)) {
            return ":hex";
        }
        // app.3f9a2c1b.js -> app.:hash.js
        int lastDot = s.lastIndexOf('.');
        if (lastDot > 0) {
            int prevDot = s.lastIndexOf('.', lastDot - 1);
            if (prevDot > 0) {
                String middle = s.substring(prevDot + 1, lastDot);
                if (middle.length() >= 6 && isHex(middle) && hasDigit(middle)) {
                    return s.substring(0, prevDot + 1) + ":hash" + s.substring(lastDot);
                }
            }
        }
        return s;
    }

    /** Whether a route (or path) names a static file by its extension. */
    public static boolean isStatic(String route) {
        return staticExtension(route) != null;
    }

    /**
     * The static-file extension, lower case, of a route or a raw request target (its query and fragment are
     * left out; {@code %XX} escapes are not decoded), or null when it names no static file. The extensions:
     * js mjs css png jpg jpeg gif svg ico webp avif woff woff2 ttf otf eot map mp4 webm mp3 txt pdf zip gz wasm.
     */
    public static String staticExtension(String target) {
        if (target == null) {
            return null;
        }
        int end = target.length();
        int q = target.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int hash = target.indexOf('#');
        if (hash >= 0 && hash < end) {
            end = hash;
        }
        int slash = target.lastIndexOf('/', end - 1);
        int dot = target.lastIndexOf('.', end - 1);
        // the longest extension listed has 5 characters: a longer one is not looked up (nor copied)
        if (dot <= slash || end - dot - 1 > MAX_EXTENSION_LENGTH) {
            return null;
        }
        String ext = target.substring(dot + 1, end).toLowerCase(Locale.ROOT);
        return STATIC_EXTENSIONS.contains(ext) ? ext : null;
    }

    private static final int MAX_EXTENSION_LENGTH = 5;

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
