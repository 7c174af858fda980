package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The fast matcher: the format's parts become arrays of steps, and a line is matched in one pass over
 * its bytes with no allocation. Literals must match exactly; typed variables are read by their syntax;
 * free text runs until the literal that follows it (a backslash escapes the next byte unless
 * {@code escape=none}). Must accept exactly what the reference grammar ({@code LineValues.g4})
 * accepts: the differential tests compare the two field by field.
 */
final class CompiledLineParser implements LineParser {
    private static final FieldKind[] KINDS = FieldKind.values();
    private static final Set<String> PATH_VARIABLES = Set.of("uri", "request_uri", "document_uri");
    private static final int STOP_NONE = 0;
    private static final int STOP_DIGIT_OR_DASH = 1;
    private static final int STOP_SLASH = 2;
    private static final int LITERAL = -1;
    private static final int TEXT = FieldKind.TEXT.ordinal();
    /** Longest whole-seconds part accepted (12 digits: about 31,700 years). */
    static final int MAX_SECONDS_DIGITS = 12;
    /** Longest byte count accepted. */
    static final int MAX_COUNT_DIGITS = 18;
    /**
     * Returned by the number scanners for a digit run longer than they accept: the syntax is there, the
     * value is out of range. Like -1 it rejects a single value; in a list it rejects the line rather than
     * ending the list (the grammar has already read the run as the next element).
     */
    private static final int TOO_MANY_DIGITS = -2;

    private final LogFormat format;
    private final boolean escapes;
    /** Per step: -1 for a literal, else the FieldKind ordinal. */
    private final int[] kind;
    private final byte[][] literal;
    private final int[] variableIndex;
    private final byte[][] stop;
    private final int[] stopClass;
    /** For COUNT steps: 0 body_bytes_sent, 1 bytes_sent, 2 request_length. */
    private final int[] countTarget;

    private final byte[] cachedDate = new byte[11];
    private long cachedEpochDay = Long.MIN_VALUE;

    CompiledLineParser(LogFormat format) {
        this.format = format;
        this.escapes = format.escape().backslashEscapes();
        List<FormatPart> parts = format.parts();
        int n = parts.size();
        kind = new int[n];
        literal = new byte[n][];
        variableIndex = new int[n];
        stop = new byte[n][];
        stopClass = new int[n];
        countTarget = new int[n];
        int vi = 0;
        for (int i = 0; i < n; i++) {
            FormatPart p = parts.get(i);
            if (p instanceof FormatPart.Literal l) {
                kind[i] = LITERAL;
                literal[i] = l.text().getBytes(StandardCharsets.UTF_8);
                variableIndex[i] = -1;
            } else {
                FormatPart.Variable v = (FormatPart.Variable) p;
                kind[i] = v.kind().ordinal();
                variableIndex[i] = vi++;
                countTarget[i] = switch (v.name()) {
                    case "body_bytes_sent" -> 0;
                    case "bytes_sent" -> 1;
                    default -> 2;
                };
                FormatPart next = i + 1 < n ? parts.get(i + 1) : null;
                if (next instanceof FormatPart.Literal nl) {
                    stop[i] = nl.text().getBytes(StandardCharsets.UTF_8);
                } else if (next instanceof FormatPart.Variable nv) {
                    stopClass[i] = stopClassBefore(nv);
                }
            }
        }
    }

    /** How free text ends when another variable follows it directly. Shared with the reference parser. */
    static int stopClassBefore(FormatPart.Variable next) {
        if (next.kind().startsWithDigitOrDash()) {
            return STOP_DIGIT_OR_DASH;
        }
        return PATH_VARIABLES.contains(next.name()) ? STOP_SLASH : STOP_NONE;
    }

    @Override
    public LogFormat format() {
        return format;
    }

    /** Where the last rejected line stopped matching. */
    private int failedAt;

    @Override
    public int failedAt() {
        return failedAt;
    }

    @Override
    public boolean parse(byte[] b, int from, int to, LogRecord r) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        r.begin(b, from, to);
        int p = from;
        failedAt = from;
        int[] kinds = kind;
        int[] starts = r.spanStart;
        int[] ends = r.spanEnd;
        for (int i = 0; i < kinds.length; i++) {
            int k = kinds[i];
            int start = p;
            if (k == LITERAL) {
                failedAt = p;
                p = matchLiteral(b, p, to, literal[i]);
                if (p < 0) {
                    return false;
                }
                continue;
            } else if (k == TEXT) {
                p = scanText(i, b, p, to);
            } else {
                p = matchVariable(KINDS[k], i, b, p, to, r);
            }
            if (p < 0) {
                failedAt = start;
                return false;
            }
            int vi = variableIndex[i];
            starts[vi] = start;
            ends[vi] = p;
        }
        if (p != to) {
            failedAt = p;
            return false;
        }
        r.finish();
        return true;
    }

    private static int matchLiteral(byte[] b, int p, int to, byte[] lit) {
        int n = lit.length;
        if (to - p < n) {
            return -1;
        }
        if (b[p] != lit[0]) {
            return -1;
        }
        if (n == 1) {
            return p + 1;
        }
        for (int k = 0; k < n; k++) {
            if (b[p + k] != lit[k]) {
                return -1;
            }
        }
        return p + n;
    }

    private int matchVariable(FieldKind k, int step, byte[] b, int p, int to, LogRecord r) {
        switch (k) {
            case TEXT:
                return scanText(step, b, p, to);
            case REQUEST: {
                int q = scanText(step, b, p, to);
                if (q >= 0) {
                    splitRequest(b, p, q, r);
                }
                return q;
            }
            case CACHE_STATUS: {
                int q = scanText(step, b, p, to);
                if (q >= 0) {
                    r.cacheStatus = CacheStatus.of(b, p, q);
                }
                return q;
            }
            case STATUS: {
                int q = statusCode(b, p, to);
                if (q >= 0) {
                    r.status = (int) scratch;
                }
                return q;
            }
            case COUNT: {
                int q = count(b, p, to);
                if (q >= 0) {
                    switch (countTarget[step]) {
                        case 0 -> r.bodyBytesSent = scratch;
                        case 1 -> r.bytesSent = scratch;
                        default -> r.requestLength = scratch;
                    }
                }
                return q;
            }
            case SECONDS: {
                int q = seconds(b, p, to);
                if (q >= 0) {
                    r.requestTimeMicros = scratch;
                }
                return q;
            }
            case TIME_LOCAL:
                return timeLocal(b, p, to, r);
            case TIME_ISO8601:
                return timeIso8601(b, p, to, r);
            case MSEC:
                return msec(b, p, to, r);
            case UPSTREAM_ADDR:
            case UPSTREAM_STATUS:
            case UPSTREAM_CONNECT_TIME:
            case UPSTREAM_HEADER_TIME:
            case UPSTREAM_RESPONSE_TIME:
            case UPSTREAM_RESPONSE_LENGTH:
                return list(k, step, b, p, to, r.list(k));
            default:
                throw new AssertionError(k);
        }
    }

    // ------------------------------------------------------------------ free text

    private boolean atStop(int step, byte[] b, int q, int to) {
        byte[] s = stop[step];
        if (s != null) {
            return q < to && b[q] == s[0] && matchLiteral(b, q, to, s) >= 0;
        }
        if (q >= to) {
            return false;
        }
        return switch (stopClass[step]) {
            case STOP_DIGIT_OR_DASH -> (b[q] >= '0' && b[q] <= '9') || b[q] == '-';
            case STOP_SLASH -> b[q] == '/';
            default -> false;
        };
    }

    /** Text until the stop; returns the stop's offset, or -1 when a stop literal never comes. */
    private int scanText(int step, byte[] b, int p, int to) {
        byte[] s = stop[step];
        if (s == null && stopClass[step] == STOP_NONE) {
            return to;
        }
        int q = p;
        if (s != null) {
            byte s0 = s[0];
            byte escape = escapes ? (byte) '\\' : s0;
            while (true) {
                int i = ByteSearch.indexOfEither(b, q, to, s0, escape);
                if (i < 0) {
                    return -1;
                }
                if (b[i] == s0 && (s.length == 1 || matchLiteral(b, i, to, s) >= 0)) {
                    return i;
                }
                q = b[i] == '\\' && escapes ? i + 2 : i + 1;
            }
        }
        while (q < to && !atStop(step, b, q, to)) {
            q += (b[q] == '\\' && escapes && q + 1 < to) ? 2 : 1;
        }
        return q;
    }

    // ------------------------------------------------------------------ request line

    private static boolean isTchar(byte c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    /** METHOD SP target [SP HTTP/x.y]; anything else leaves method, path and protocol absent. */
    private static void splitRequest(byte[] b, int from, int to, LogRecord r) {
        int s = from;
        while (s < to && b[s] != ' ') {
            if (!isTchar(b[s])) {
                return;
            }
            s++;
        }
        if (s == from || s >= to - 1) {
            return;
        }
        int targetStart = s + 1;
        int ls = to - 1;
        while (ls > targetStart && b[ls] != ' ') {
            ls--;
        }
        r.methodStart = from;
        r.methodEnd = s;
        r.targetStart = targetStart;
        if (ls > targetStart && isHttpProtocol(b, ls + 1, to)) {
            r.targetEnd = ls;
            r.protocolStart = ls + 1;
            r.protocolEnd = to;
        } else {
            r.targetEnd = to;
        }
    }

    private static boolean isHttpProtocol(byte[] b, int from, int to) {
        if (to - from < 6 || b[from] != 'H' || b[from + 1] != 'T' || b[from + 2] != 'T' || b[from + 3] != 'P'
                || b[from + 4] != '/') {
            return false;
        }
        for (int i = from + 5; i < to; i++) {
            if (!((b[i] >= '0' && b[i] <= '9') || b[i] == '.')) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ numbers

    /** The value read by the last number scanner. */
    private long scratch;

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private int statusCode(byte[] b, int p, int to) {
        if (p < to && b[p] == '-') {
            scratch = -1;
            return p + 1;
        }
        if (to - p < 3 || !isDigit(b[p]) || !isDigit(b[p + 1]) || !isDigit(b[p + 2])) {
            return -1;
        }
        scratch = (b[p] - '0') * 100 + (b[p + 1] - '0') * 10 + (b[p + 2] - '0');
        return p + 3;
    }

    private int count(byte[] b, int p, int to) {
        if (p < to && b[p] == '-') {
            scratch = -1;
            return p + 1;
        }
        long v = 0;
        int q = p;
        while (q < to && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        if (q == p) {
            return -1;
        }
        if (q - p > MAX_COUNT_DIGITS) {
            return TOO_MANY_DIGITS;
        }
        scratch = v;
        return q;
    }

    /** Seconds with an optional fraction, as microseconds (digits past the sixth are dropped). */
    private int seconds(byte[] b, int p, int to) {
        if (p < to && b[p] == '-') {
            scratch = -1;
            return p + 1;
        }
        long whole = 0;
        int q = p;
        while (q < to && isDigit(b[q])) {
            whole = whole * 10 + (b[q] - '0');
            q++;
        }
        if (q == p) {
            return -1;
        }
        if (q - p > MAX_SECONDS_DIGITS) {
            return TOO_MANY_DIGITS;
        }
        long micros = whole * 1_000_000L;
        if (q + 1 < to && b[q] == '.' && isDigit(b[q + 1])) {
            q++;
            long scale = 100_000;
            while (q < to && isDigit(b[q])) {
                micros += (b[q] - '0') * scale;
                scale /= 10;
                q++;
            }
        }
        scratch = micros;
        return q;
    }

    private int msec(byte[] b, int p, int to, LogRecord r) {
        long whole = 0;
        int q = p;
        while (q < to && isDigit(b[q])) {
            whole = whole * 10 + (b[q] - '0');
            q++;
        }
        if (q == p || q - p > MAX_SECONDS_DIGITS || q + 1 >= to || b[q] != '.' || !isDigit(b[q + 1])) {
            return -1;
        }
        q++;
        long millis = whole * 1000;
        long scale = 100;
        while (q < to && isDigit(b[q])) {
            millis += (b[q] - '0') * scale;
            scale /= 10;
            q++;
        }
        r.msecMillis = millis;
        r.hasMsec = true;
        return q;
    }

    // ------------------------------------------------------------------ upstream lists

    private int list(FieldKind k, int step, byte[] b, int p, int to, UpstreamList out) {
        out.clear();
        int group = 0;
        int q = element(k, step, b, p, to, out, group);
        if (q < 0) {
            return -1;
        }
        while (true) {
            int afterSeparator;
            int nextGroup = group;
            if (q + 1 < to && b[q] == ',' && b[q + 1] == ' ') {
                afterSeparator = q + 2;
            } else if (q + 2 < to && b[q] == ' ' && b[q + 1] == ':' && b[q + 2] == ' ') {
                afterSeparator = q + 3;
                nextGroup++;
            } else {
                return q;
            }
            int r = element(k, step, b, afterSeparator, to, out, nextGroup);
            if (r == TOO_MANY_DIGITS) {
                return -1;
            }
            if (r < 0) {
                return q; // the separator belongs to what follows the list
            }
            q = r;
            group = nextGroup;
        }
    }

    private int element(FieldKind k, int step, byte[] b, int p, int to, UpstreamList out, int group) {
        int q;
        switch (k) {
            case UPSTREAM_ADDR -> {
                q = p;
                while (q < to && b[q] != ' ' && b[q] != ',' && !atStop(step, b, q, to)) {
                    q++;
                }
                if (q == p) {
                    return -1;
                }
                scratch = -1;
            }
            case UPSTREAM_STATUS -> q = statusCode(b, p, to);
            case UPSTREAM_RESPONSE_LENGTH -> q = count(b, p, to);
            default -> q = seconds(b, p, to);
        }
        if (q >= 0) {
            out.add(scratch, p, q, group);
        }
        return q;
    }

    // ------------------------------------------------------------------ times

    private static int digit(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : -100;
    }

    private static int two(byte[] b, int i) {
        int v = digit(b[i]) * 10 + digit(b[i + 1]);
        return v < 0 ? -1 : v;
    }

    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

    /** {@code 10/Oct/2000:13:55:36 -0700}. */
    private int timeLocal(byte[] b, int p, int to, LogRecord r) {
        if (to - p < 26 || b[p + 2] != '/' || b[p + 6] != '/' || b[p + 11] != ':' || b[p + 14] != ':'
                || b[p + 17] != ':' || b[p + 20] != ' ') {
            return -1;
        }
        long epochDay;
        if (cachedEpochDay != Long.MIN_VALUE && sameDate(b, p)) {
            epochDay = cachedEpochDay;
        } else {
            int day = two(b, p);
            int month = month(b, p + 3);
            int year = four(b, p + 7);
            if (day < 1 || month < 1 || year < 0 || day > daysInMonth(year, month)) {
                return -1;
            }
            epochDay = epochDay(year, month, day);
            System.arraycopy(b, p, cachedDate, 0, 11);
            cachedEpochDay = epochDay;
        }
        int hour = two(b, p + 12);
        int minute = two(b, p + 15);
        int second = two(b, p + 18);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        int offset = offset(b, p + 21, false);
        if (offset == Integer.MIN_VALUE) {
            return -1;
        }
        r.epochSeconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset;
        r.offsetSeconds = offset;
        r.hasSeconds = true;
        return p + 26;
    }

    private boolean sameDate(byte[] b, int p) {
        for (int i = 0; i < 11; i++) {
            if (b[p + i] != cachedDate[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code 2000-10-10T13:55:36-07:00} or {@code ...Z}. */
    private int timeIso8601(byte[] b, int p, int to, LogRecord r) {
        if (to - p < 20 || b[p + 4] != '-' || b[p + 7] != '-' || b[p + 10] != 'T' || b[p + 13] != ':'
                || b[p + 16] != ':') {
            return -1;
        }
        int year = four(b, p);
        int month = two(b, p + 5);
        int day = two(b, p + 8);
        int hour = two(b, p + 11);
        int minute = two(b, p + 14);
        int second = two(b, p + 17);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        int end;
        int offset;
        if (b[p + 19] == 'Z') {
            offset = 0;
            end = p + 20;
        } else {
            if (to - p < 25) {
                return -1;
            }
            offset = offset(b, p + 19, true);
            if (offset == Integer.MIN_VALUE) {
                return -1;
            }
            end = p + 25;
        }
        r.epochSeconds = epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second - offset;
        r.offsetSeconds = offset;
        r.hasSeconds = true;
        return end;
    }

    /** {@code +hhmm} or, with a colon, {@code +hh:mm}; Integer.MIN_VALUE when invalid. */
    private static int offset(byte[] b, int p, boolean colon) {
        byte sign = b[p];
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hh = two(b, p + 1);
        if (colon && b[p + 3] != ':') {
            return Integer.MIN_VALUE;
        }
        int mm = two(b, p + (colon ? 4 : 3));
        if (hh < 0 || hh > 18 || mm < 0 || mm > 59 || (hh == 18 && mm > 0)) {
            return Integer.MIN_VALUE;
        }
        int s = hh * 3600 + mm * 60;
        return sign == '-' ? -s : s;
    }

    /** Four digits as a number, or -1 when any of them is not a digit. */
    private static int four(byte[] b, int p) {
        int high = two(b, p);
        int low = two(b, p + 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    private static int month(byte[] b, int p) {
        for (int m = 0; m < 12; m++) {
            if (b[p] == MONTHS[m * 3] && b[p + 1] == MONTHS[m * 3 + 1] && b[p + 2] == MONTHS[m * 3 + 2]) {
                return m + 1;
            }
        }
        return -1;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
