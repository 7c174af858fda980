package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The fast matcher: the format's parts become arrays of steps, and a line is matched in one pass over
 * its bytes with no allocation. Literals must match exactly; typed variables are read by their syntax.
 * Where a value ends is a choice only for free text and for the address and method tokens: those steps
 * try their candidate ends in a fixed order, and when the rest of the line does not fit, the matcher
 * goes back to the latest such step and tries its next candidate (depth first, at most
 * {@value #READINGS_LIMIT} candidates per line). The rules, which the reference parser implements
 * independently and the differential tests hold equal, are in the grammar package's documentation
 * ("How a line is read").
 */
final class CompiledLineParser implements LineParser {
    private static final Set<String> PATH_VARIABLES = Set.of("uri", "request_uri", "document_uri");
    private static final int STOP_NONE = 0;
    private static final int STOP_DIGIT_OR_DASH = 1;
    private static final int STOP_SLASH = 2;
    private static final int LITERAL = -1;
    // what each step does, as constants for a switch: a literal, a choice, or one of the typed readers
    private static final int OP_LITERAL = 0;
    private static final int OP_CHOICE = 1;
    private static final int OP_STATUS = 2;
    private static final int OP_COUNT = 3;
    private static final int OP_SECONDS = 4;
    private static final int OP_NUMBER = 5;
    private static final int OP_TIME_LOCAL = 6;
    private static final int OP_TIME_ISO8601 = 7;
    private static final int OP_MSEC = 8;
    private static final int OP_LIST = 9;
    /** A choice step that is plain free text (not $request) followed by a literal: the common case, kept short. */
    private static final int OP_TEXT_TO_LITERAL = 10;
    /** An address token: a dotted IPv4 address is read in one pass, anything else as a choice. */
    private static final int OP_ADDRESS = 11;
    /** At most this many candidate ends are tried for one line; a line that needs more is rejected. */
    static final int READINGS_LIMIT = 1000;
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
    /** Whether a typed variable may be empty, meaning "no value" (escape=json and escape=none write "" for it). */
    private final boolean emptyIsAbsent;
    private final int steps;
    /** Per step: -1 for a literal, else the FieldKind ordinal. */
    private final int[] kind;
    /** Per step: one of the OP_ codes. */
    private final int[] op;
    private final boolean[] choice;
    private final byte[][] literal;
    /** Bytes of a literal that must be there: all but the trailing whitespace of the format's last part. */
    private final int[] literalMin;
    /**
     * A literal of up to 16 bytes as two little-endian words (its first eight bytes and its last eight, which
     * overlap when it is shorter than 16), with the masks that keep only its bytes: matched with two word
     * compares where the line's array holds eight bytes from each. Longer literals are matched byte by byte.
     */
    private final long[] literalHead;
    private final long[] literalHeadMask;
    private final long[] literalTail;
    private final int[] literalLength;
    private final int[] variableIndex;
    /** The literal right after a variable, or null; {@link #stopMin} as for {@link #literalMin}. */
    private final byte[][] stop;
    private final int[] stopMin;
    /** How free text ends when another variable follows it directly. */
    private final int[] stopClass;
    /** For free text followed directly by a variable: the next literal of the format, which bounds it. */
    private final byte[][] bound;
    private final int[] boundMin;
    /** For COUNT steps: 0 body_bytes_sent, 1 bytes_sent, 2 request_length. */
    private final int[] countTarget;

    // the choice steps' state: where the value began, the candidate taken, and what bounds the rest
    private final int[] choiceFrom;
    private final int[] choiceAt;
    private final int[] choiceLimit;
    private final int[] choicePreferred;
    private final boolean[] preferredFirst;
    private final int[] choiceStack;
    /** Per choice step: how many of its candidates have been taken for the current value. */
    private final int[] choiceCount;
    private int depth;

    private final byte[] cachedDate = new byte[11];
    private long cachedEpochDay = Long.MIN_VALUE;

    /** The line being parsed. */
    private byte[] b;
    private int to;
    /** Where the last rejected line stopped matching. */
    private int failedAt;
    private int readings;

    CompiledLineParser(LogFormat format) {
        this.format = format;
        this.escapes = format.escape().backslashEscapes();
        this.emptyIsAbsent = format.escape() != Escape.DEFAULT;
        List<FormatPart> parts = format.parts();
        int n = parts.size();
        steps = n;
        kind = new int[n];
        op = new int[n];
        choice = new boolean[n];
        literal = new byte[n][];
        literalMin = new int[n];
        literalHead = new long[n];
        literalHeadMask = new long[n];
        literalTail = new long[n];
        literalLength = new int[n];
        variableIndex = new int[n];
        stop = new byte[n][];
        stopMin = new int[n];
        stopClass = new int[n];
        bound = new byte[n][];
        boundMin = new int[n];
        countTarget = new int[n];
        choiceFrom = new int[n];
        choiceAt = new int[n];
        choiceLimit = new int[n];
        choicePreferred = new int[n];
        preferredFirst = new boolean[n];
        choiceStack = new int[n];
        choiceCount = new int[n];
        int vi = 0;
        for (int i = 0; i < n; i++) {
            FormatPart p = parts.get(i);
            if (p instanceof FormatPart.Literal l) {
                kind[i] = LITERAL;
                op[i] = OP_LITERAL;
                literal[i] = l.text().getBytes(StandardCharsets.UTF_8);
                literalMin[i] = requiredBytes(l, i == n - 1);
                byte[] lit = literal[i];
                literalLength[i] = lit.length;
                for (int k = 0; k < Math.min(8, lit.length); k++) {
                    literalHead[i] |= (lit[k] & 0xffL) << (8 * k);
                    literalHeadMask[i] |= 0xffL << (8 * k);
                }
                for (int k = Math.max(0, lit.length - 8); k < lit.length; k++) {
                    literalTail[i] |= (lit[k] & 0xffL) << (8 * (k - (lit.length - 8)));
                }
                variableIndex[i] = -1;
            } else {
                FormatPart.Variable v = (FormatPart.Variable) p;
                kind[i] = v.kind().ordinal();
                choice[i] = v.kind().endsByChoice();
                boolean plainText = (v.kind() == FieldKind.TEXT || v.kind() == FieldKind.CACHE_STATUS)
                        && i + 1 < n && i + 1 != n - 1 && parts.get(i + 1) instanceof FormatPart.Literal;
                op[i] = plainText ? OP_TEXT_TO_LITERAL : v.kind() == FieldKind.ADDRESS ? OP_ADDRESS
                        : choice[i] ? OP_CHOICE : switch (v.kind()) {
                    case STATUS -> OP_STATUS;
                    case COUNT -> OP_COUNT;
                    case SECONDS -> OP_SECONDS;
                    case NUMBER -> OP_NUMBER;
                    case TIME_LOCAL -> OP_TIME_LOCAL;
                    case TIME_ISO8601 -> OP_TIME_ISO8601;
                    case MSEC -> OP_MSEC;
                    default -> {
                        if (!v.kind().isUpstreamList()) {
                            throw new AssertionError(v.kind());
                        }
                        yield OP_LIST;
                    }
                };
                variableIndex[i] = vi++;
                countTarget[i] = switch (v.name()) {
                    case "body_bytes_sent" -> 0;
                    case "bytes_sent" -> 1;
                    default -> 2;
                };
                FormatPart next = i + 1 < n ? parts.get(i + 1) : null;
                if (next instanceof FormatPart.Literal nl) {
                    stop[i] = nl.text().getBytes(StandardCharsets.UTF_8);
                    stopMin[i] = requiredBytes(nl, i + 1 == n - 1);
                } else if (next instanceof FormatPart.Variable nv) {
                    stopClass[i] = stopClassBefore(nv);
                    for (int k = i + 2; k < n; k++) {
                        if (parts.get(k) instanceof FormatPart.Literal bl) {
                            bound[i] = bl.text().getBytes(StandardCharsets.UTF_8);
                            boundMin[i] = requiredBytes(bl, k == n - 1);
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * How many bytes of a literal a line must have: all of them, but for the format's last part its
     * trailing spaces and tabs may be missing (a shipper trimmed the line).
     */
    static int requiredBytes(FormatPart.Literal l, boolean lastPart) {
        byte[] t = l.text().getBytes(StandardCharsets.UTF_8);
        int n = t.length;
        if (lastPart) {
            while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t')) {
                n--;
            }
        }
        return n;
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

    @Override
    public int failedAt() {
        return failedAt;
    }

    @Override
    public boolean parse(byte[] line, int from, int end, LogRecord r) {
        if (end > from && line[end - 1] == '\r') {
            end--;
        }
        this.b = line;
        this.to = end;
        r.begin(line, from, end);
        failedAt = from;
        readings = 0;
        int[] starts = r.spanStart;
        int[] ends = r.spanEnd;
        depth = 0;
        int i = 0;
        int p = from;
        while (true) {
            int q;
            if (i == steps) {
                if (p == end) {
                    r.finish();
                    return true;
                }
                fail(p);
                q = -1;
            } else {
                int o = op[i];
                if (o == OP_LITERAL) {
                    q = matchLiteral(i, p);
                    if (q >= 0) {
                        i++;
                        p = q;
                        continue;
                    }
                } else if (o == OP_TEXT_TO_LITERAL) {
                    // free text up to a literal that is not the format's last part: where the literal is first
                    // found whole, the value ends and the literal is matched
                    choiceFrom[i] = p;
                    choicePreferred[i] = -1;
                    preferredFirst[i] = false;
                    q = findStop(i, p);
                    if (q >= 0 && ++readings <= READINGS_LIMIT) {
                        choiceAt[i] = q;
                        choiceCount[i] = 1;
                        choiceStack[depth++] = i;
                        int vi = variableIndex[i];
                        starts[vi] = p;
                        ends[vi] = q;
                        if (kind[i] == CACHE_STATUS) {
                            r.cacheStatus = CacheStatus.of(b, p, q);
                        }
                        i += 2;
                        p = q + literal[i - 1].length;
                        continue;
                    }
                    if (q < 0) {
                        fail(to);
                    }
                    q = -1;
                } else if (o == OP_ADDRESS && (q = AddressSyntax.ipv4End(b, p, to)) > 0 && ++readings <= READINGS_LIMIT) {
                    // a dotted IPv4 address is the only token its run holds: a choice with one candidate
                    choiceFrom[i] = p;
                    choiceLimit[i] = q;
                    choiceAt[i] = q;
                    choiceCount[i] = 1;
                    choiceStack[depth++] = i;
                    int vi = variableIndex[i];
                    starts[vi] = p;
                    ends[vi] = q;
                    i++;
                    p = q;
                    if (i < steps && op[i] == OP_LITERAL && (q = matchLiteral(i, p)) >= 0) {
                        i++; // the literal after it, matched here rather than on the next turn
                        p = q;
                    }
                    continue;
                } else if (o == OP_CHOICE || o == OP_ADDRESS) {
                    q = firstEnd(i, p);
                    if (q >= 0) {
                        choiceStack[depth++] = i;
                        int vi = variableIndex[i];
                        starts[vi] = p;
                        ends[vi] = q;
                        took(i, p, q, r);
                        byte[] s = stop[i];
                        if (s != null && q + s.length <= to && !isToken(kind[i])) {
                            // free text ends where its stop literal was found whole: that literal is matched
                            i += 2;
                            p = q + s.length;
                        } else {
                            i++;
                            p = q;
                        }
                        continue;
                    }
                } else {
                    q = matchTyped(o, i, p, r);
                    if (q >= 0) {
                        int vi = variableIndex[i];
                        starts[vi] = p;
                        ends[vi] = q;
                        i++;
                        p = q;
                        if (i < steps && op[i] == OP_LITERAL && (q = matchLiteral(i, p)) >= 0) {
                            // the literal after a typed value, matched here rather than on the next turn (which
                            // matches it again when it does not match, and goes back)
                            i++;
                            p = q;
                        }
                        continue;
                    }
                    fail(p);
                }
            }
            // back to the latest choice with another candidate
            while (true) {
                if (depth == 0) {
                    return false;
                }
                int j = choiceStack[depth - 1];
                int next = nextEnd(j);
                if (next == -2) {
                    return false; // too many readings
                }
                if (next >= 0) {
                    int vi = variableIndex[j];
                    starts[vi] = choiceFrom[j];
                    ends[vi] = next;
                    took(j, choiceFrom[j], next, r);
                    i = j + 1;
                    p = next;
                    break;
                }
                depth--;
            }
        }
    }

    /**
     * Records where a reading stopped. As in the reference parser's diagnosis, only likely readings count:
     * those that end every choice at one of its first two candidates.
     */
    private void fail(int at) {
        if (at <= failedAt) {
            return;
        }
        for (int d = 0; d < depth; d++) {
            if (choiceCount[choiceStack[d]] > 2) {
                return;
            }
        }
        failedAt = at;
    }

    private static final int REQUEST = FieldKind.REQUEST.ordinal();
    private static final int CACHE_STATUS = FieldKind.CACHE_STATUS.ordinal();
    private static final int ADDRESS = FieldKind.ADDRESS.ordinal();
    private static final int METHOD = FieldKind.METHOD.ordinal();
    private static final int HOST = FieldKind.HOST.ordinal();

    /** What a choice step's value means, once its end is taken. */
    private void took(int step, int from, int end, LogRecord r) {
        int k = kind[step];
        if (k == REQUEST) {
            r.methodStart = r.methodEnd = r.targetStart = r.targetEnd = r.protocolStart = r.protocolEnd = -1;
            splitRequest(b, from, end, r);
        } else if (k == CACHE_STATUS) {
            r.cacheStatus = CacheStatus.of(b, from, end);
        }
    }

    private int matchLiteral(int step, int p) {
        int n = literalLength[step];
        byte[] b = this.b;
        if (p + n <= to && n <= 16 && p + 8 <= b.length) {
            // whole words: the first eight bytes masked, then for a literal longer than eight its last
            // eight (from p + n - 8, after p); a mismatch goes on byte by byte to say where it is
            if ((ByteSearch.word(b, p) & literalHeadMask[step]) == literalHead[step]
                    && (n <= 8 || ByteSearch.word(b, p + n - 8) == literalTail[step])) {
                return p + n;
            }
        }
        byte[] lit = literal[step];
        if (p + n <= to) {
            int k = 0;
            while (k < n && b[p + k] == lit[k]) {
                k++;
            }
            if (k == n) {
                return p + n;
            }
            fail(p + k);
            return -1;
        }
        int k = 0;
        while (k < lit.length && p + k < to && b[p + k] == lit[k]) {
            k++;
        }
        if (k == lit.length) {
            return p + k;
        }
        if (p + k == to && k >= literalMin[step]) {
            return to; // the trailing whitespace of the last part was trimmed
        }
        fail(p + k);
        return -1;
    }

    /** Whether {@code lit} (of which {@code min} bytes are required) matches at {@code q}. */
    private boolean literalAt(byte[] lit, int min, int q) {
        int n = lit.length;
        if (q + n <= to) {
            for (int k = 0; k < n; k++) {
                if (b[q + k] != lit[k]) {
                    return false;
                }
            }
            return true;
        }
        int k = 0;
        while (k < lit.length && q + k < to && b[q + k] == lit[k]) {
            k++;
        }
        return k == lit.length || (q + k == to && k >= min);
    }

    private int matchTyped(int o, int step, int p, LogRecord r) {
        int q = matchSyntax(o, step, p, r);
        if (q == -1 && emptyIsAbsent && o != OP_STATUS && o != OP_TIME_LOCAL && o != OP_TIME_ISO8601 && o != OP_MSEC) {
            switch (o) {
                case OP_COUNT -> setCount(step, r, UpstreamList.ABSENT);
                case OP_SECONDS -> r.requestTimeMicros = UpstreamList.ABSENT;
                case OP_LIST -> r.listByKind[kind[step]].clear();
                default -> { }
            }
            return p;
        }
        return q;
    }

    private void setCount(int step, LogRecord r, long value) {
        switch (countTarget[step]) {
            case 0 -> r.bodyBytesSent = value;
            case 1 -> r.bytesSent = value;
            default -> r.requestLength = value;
        }
    }

    private int matchSyntax(int o, int step, int p, LogRecord r) {
        switch (o) {
            case OP_STATUS: {
                int q = threeDigits(b, p, to);
                if (q >= 0) {
                    r.status = (int) scratch;
                }
                return q;
            }
            case OP_COUNT: {
                int q = count(b, p, to);
                if (q >= 0) {
                    setCount(step, r, scratch);
                }
                return q;
            }
            case OP_SECONDS: {
                int q = seconds(b, p, to);
                if (q >= 0) {
                    r.requestTimeMicros = scratch;
                }
                return q;
            }
            case OP_NUMBER:
                return seconds(b, p, to);
            case OP_TIME_LOCAL:
                return timeLocal(b, p, to, r);
            case OP_TIME_ISO8601:
                return timeIso8601(b, p, to, r);
            case OP_MSEC:
                return msec(b, p, to, r);
            case OP_LIST:
                return list(kind[step], step, b, p, to, r.listByKind[kind[step]]);
            default:
                throw new AssertionError(o);
        }
    }

    // ------------------------------------------------------------------ where a value ends

    /** The next position the scan of free text visits after {@code q}: an escape pair is one step. */
    private int advance(int q) {
        return (escapes && b[q] == '\\' && q + 1 < to) ? q + 2 : q + 1;
    }

    /**
     * The first visited position at or after {@code q} where the step's stop literal matches, or -1. With
     * escape=default and escape=json nginx escapes every {@code "} in a value, so the scan ends at a raw one.
     */
    private int findStop(int step, int q) {
        byte[] s = stop[step];
        int min = stopMin[step];
        byte s0 = s[0];
        while (true) {
            int i;
            if (!escapes) {
                i = ByteSearch.indexOf(b, q, to, s0);
            } else if (s0 == '"') {
                i = ByteSearch.indexOfEither(b, q, to, s0, (byte) '\\');
            } else {
                i = ByteSearch.indexOfAny(b, q, to, s0, (byte) '\\', (byte) '"');
            }
            if (i < 0) {
                // no backslash before the end, so the scan visits it: the trimmed last part may match there
                return min < s.length && literalAt(s, min, to) ? to : -1;
            }
            if (b[i] == s0 && (s.length == 1 || literalAt(s, min, i))) {
                return i;
            }
            if (escapes && b[i] == '"') {
                return -1;
            }
            q = advance(i);
        }
    }

    /** Whether the scan of free text stops at candidate {@code q}: the end of the line, or a raw {@code "}. */
    private boolean scanEndsAt(int q) {
        return q == to || (escapes && b[q] == '"');
    }

    /** Whether the value of step {@code step} may end at {@code q}: used by the address lists. */
    private boolean stopsAt(int step, int q) {
        byte[] s = stop[step];
        if (s != null) {
            return q < to && b[q] == s[0] && literalAt(s, stopMin[step], q);
        }
        return stopClass[step] != STOP_NONE && classAt(step, q);
    }

    /**
     * How far free text starting at {@code p} and followed directly by another variable may reach: to the
     * first visited position where the format's next literal matches, or where a raw {@code "} stands
     * (escape=default and escape=json never leave one in a value), else the end of the line.
     */
    private int freeTextLimit(int step, int p) {
        byte[] lit = bound[step];
        int q = p;
        while (q < to) {
            if ((lit != null && literalAt(lit, boundMin[step], q)) || (escapes && b[q] == '"')) {
                return q;
            }
            q = advance(q);
        }
        return to;
    }

    private boolean classAt(int step, int q) {
        if (q >= to) {
            return false;
        }
        return switch (stopClass[step]) {
            case STOP_DIGIT_OR_DASH -> (b[q] >= '0' && b[q] <= '9') || b[q] == '-';
            case STOP_SLASH -> b[q] == '/';
            default -> true;
        };
    }

    /** The first visited position in {@code [q, limit]} where the class of what follows can begin, or -1. */
    private int findClass(int step, int q, int limit) {
        while (q <= limit) {
            if (stopClass[step] == STOP_NONE || classAt(step, q)) {
                return q;
            }
            if (q == to) {
                return -1;
            }
            q = advance(q);
        }
        return -1;
    }

    /** Counts a candidate taken; false when the line has used up its readings. */
    private boolean countReading() {
        return ++readings <= READINGS_LIMIT;
    }

    /** The first candidate end of choice step {@code step} for a value starting at {@code p}, or -1. */
    private int firstEnd(int step, int p) {
        choiceFrom[step] = p;
        choicePreferred[step] = -1;
        preferredFirst[step] = false;
        int k = kind[step];
        int q;
        if (isToken(k)) {
            int run = k == ADDRESS ? AddressSyntax.runEnd(b, p, to) : k == HOST ? hostEnd(p) : tokenEnd(p);
            choiceLimit[step] = run;
            q = nextToken(step, run);
            if (q < 0) {
                fail(p);
            }
        } else if (step == steps - 1) {
            q = to; // free text that ends the format runs to the end of the line
            choiceLimit[step] = -1;
        } else if (stop[step] != null) {
            q = findStop(step, p);
            if (q < 0) {
                fail(to);
            } else if (k == REQUEST && !isRequestShaped(p, q)) {
                // a request line (METHOD target HTTP/x) is read whole when it can be, before shorter readings
                int shaped = -1;
                for (int c = q; !scanEndsAt(c); ) {
                    c = findStop(step, advance(c));
                    if (c < 0) {
                        break;
                    }
                    if (isRequestShaped(p, c)) {
                        shaped = c;
                        break;
                    }
                }
                if (shaped >= 0) {
                    choicePreferred[step] = shaped;
                    preferredFirst[step] = true;
                    q = shaped;
                }
            }
        } else {
            int limit = freeTextLimit(step, p);
            choiceLimit[step] = limit;
            if (stopClass[step] == STOP_NONE) {
                q = limit; // the longest first, then the shortest upwards
            } else {
                q = findClass(step, p, limit);
                if (q < 0) {
                    fail(limit);
                }
            }
        }
        if (q >= 0 && !countReading()) {
            return -1;
        }
        choiceAt[step] = q;
        choiceCount[step] = 1;
        return q;
    }

    /**
     * The next candidate end of choice step {@code step} after the one last taken: -1 when there is
     * none, -2 when the line has used up its readings.
     */
    private int nextEnd(int step) {
        int k = kind[step];
        int at = choiceAt[step];
        int p = choiceFrom[step];
        int q;
        if (isToken(k)) {
            q = nextToken(step, at - 1);
        } else if (step == steps - 1) {
            q = -1;
        } else if (stop[step] != null) {
            if (preferredFirst[step]) {
                preferredFirst[step] = false;
                q = findStop(step, p);
            } else {
                q = scanEndsAt(at) ? -1 : findStop(step, advance(at));
            }
            if (q >= 0 && q == choicePreferred[step]) {
                q = scanEndsAt(q) ? -1 : findStop(step, advance(q));
            }
        } else {
            int limit = choiceLimit[step];
            if (stopClass[step] == STOP_NONE) {
                q = at == limit ? (p < limit ? p : -1) : advance(at);
                if (q >= limit) {
                    q = -1;
                }
            } else {
                q = at == to ? -1 : findClass(step, advance(at), limit);
            }
        }
        if (q < 0) {
            return -1;
        }
        if (!countReading()) {
            return -2;
        }
        choiceAt[step] = q;
        choiceCount[step]++;
        return q;
    }

    private static boolean isToken(int kind) {
        return kind == ADDRESS || kind == METHOD || kind == HOST;
    }

    /** The end of the run of bytes a host name may hold: all but space, tab, {@code "} and {@code /}. */
    private int hostEnd(int p) {
        int q = p;
        while (q < to && b[q] != ' ' && b[q] != '\t' && b[q] != '"' && b[q] != '/') {
            q++;
        }
        return q;
    }

    /** The end of the run of HTTP token characters at {@code p}. */
    private int tokenEnd(int p) {
        int q = p;
        while (q < to && isTchar(b[q])) {
            q++;
        }
        return q;
    }

    /**
     * The longest token of choice step {@code step} ending at or before {@code q}: an address, a method
     * or a host from the value's start, tried longest first; -1 when there is none. A method or host may
     * be empty with escape=json and escape=none (no value).
     */
    private int nextToken(int step, int q) {
        int p = choiceFrom[step];
        boolean address = kind[step] == ADDRESS;
        int min = address || !emptyIsAbsent ? p + 1 : p;
        for (; q >= min; q--) {
            if (!address || AddressSyntax.isAddress(b, p, q)) {
                return q;
            }
        }
        return -1;
    }

    /**
     * Whether {@code b[from, to)} has the shape of a request line: an HTTP token, a space, a target, a
     * space and {@code HTTP/} with a version of digits and dots.
     */
    private boolean isRequestShaped(int from, int end) {
        int v = end;
        while (v > from && ((b[v - 1] >= '0' && b[v - 1] <= '9') || b[v - 1] == '.')) {
            v--;
        }
        if (v == end || v - from < 6 + 3 || b[v - 1] != '/' || b[v - 2] != 'P' || b[v - 3] != 'T' || b[v - 4] != 'T'
                || b[v - 5] != 'H' || b[v - 6] != ' ') {
            return false;
        }
        int space = v - 6;
        int m = from;
        while (m < space && isTchar(b[m])) {
            m++;
        }
        return m > from && m < space - 1 && b[m] == ' ';
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

    /** {@code $status}: exactly three digits. */
    private int threeDigits(byte[] b, int p, int to) {
        if (to - p < 3 || !isDigit(b[p]) || !isDigit(b[p + 1]) || !isDigit(b[p + 2])) {
            return -1;
        }
        scratch = (b[p] - '0') * 100 + (b[p + 1] - '0') * 10 + (b[p + 2] - '0');
        return p + 3;
    }

    /** One element of {@code $upstream_status}: three digits or {@code -}. */
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

    private int list(int k, int step, byte[] b, int p, int to, UpstreamList out) {
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

    private static final int UPSTREAM_ADDR = FieldKind.UPSTREAM_ADDR.ordinal();
    private static final int UPSTREAM_STATUS = FieldKind.UPSTREAM_STATUS.ordinal();
    private static final int UPSTREAM_RESPONSE_LENGTH = FieldKind.UPSTREAM_RESPONSE_LENGTH.ordinal();

    /** One element of a list of kind {@code k} (a {@link FieldKind} ordinal: ints, no enum switch per element). */
    private int element(int k, int step, byte[] b, int p, int to, UpstreamList out, int group) {
        int q;
        if (k == UPSTREAM_ADDR) {
            q = p;
            while (q < to && b[q] != ' ' && b[q] != ',' && !stopsAt(step, q)) {
                q++;
            }
            if (q == p) {
                return -1;
            }
            scratch = -1;
        } else if (k == UPSTREAM_STATUS) {
            q = statusCode(b, p, to);
        } else if (k == UPSTREAM_RESPONSE_LENGTH) {
            q = count(b, p, to);
        } else {
            q = seconds(b, p, to);
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
