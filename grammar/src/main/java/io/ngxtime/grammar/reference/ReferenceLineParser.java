package io.ngxtime.grammar.reference;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.FieldKind;
import io.ngxtime.grammar.FormatPart;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.antlr.LineLexer;
import io.ngxtime.grammar.antlr.LineValues;
import io.ngxtime.grammar.antlr.LineValuesBase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The reference parse of a line: the format's literals matched one character at a time and every typed
 * variable read by its rule in {@code LineValues.g4}, values converted with {@code java.time} and
 * {@link BigDecimal}. Where free text, an address or a method ends is a choice: the candidates are
 * listed as the grammar package's documentation says ("How a line is read") and tried depth first, at
 * most {@value #READINGS_LIMIT} per line. Slow (about 100 microseconds for a 300-byte line: ANTLR works a
 * character at a time) and written independently of the compiled matcher, so that the two can check
 * each other; it also explains rejected lines ({@link #diagnose}): the reason names the furthest column
 * any reading reached, what was expected there and what was found. Not thread-safe.
 */
public final class ReferenceLineParser {
    /** Candidate ends tried per line before the line is rejected as too ambiguous (the same as the compiled matcher's). */
    public static final int READINGS_LIMIT = 1000;
    /**
     * A rejected line's reason is the furthest failure among the likely readings: those that end every
     * value whose end is a choice at one of its first this-many candidates. (Taking any candidate, a
     * reading of unquoted free text can run over several fields and fail far away, at a place no person
     * would call the difference.)
     */
    static final int LIKELY_CANDIDATES = 2;
    private static final Set<String> PATH_VARIABLES = Set.of("uri", "request_uri", "document_uri");
    private static final int MAX_SECONDS_DIGITS = 12;
    private static final int MAX_COUNT_DIGITS = 18;
    private static final String TCHAR = "!#$%&'*+.^_`|~0-9A-Za-z-";
    private static final java.util.regex.Pattern REQUEST_LINE =
            java.util.regex.Pattern.compile("([" + TCHAR + "]+) (.+?)(?: (HTTP/[0-9.]+))?", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern REQUEST_SHAPE =
            java.util.regex.Pattern.compile("[" + TCHAR + "]+ .+ HTTP/[0-9.]+", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TOKEN_RUN = java.util.regex.Pattern.compile("[" + TCHAR + "]*");
    private static final java.util.regex.Pattern HOST_RUN = java.util.regex.Pattern.compile("[^ \t\"/]*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern ADDRESS_RUN = java.util.regex.Pattern.compile("unix:[^ \",]*|[0-9A-Fa-f.:]*");
    private static final String IPV4_PART = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]|0[0-9]{1,2})";
    private static final String IPV4 = IPV4_PART + "(\\." + IPV4_PART + "){3}";
    private static final String H = "[0-9A-Fa-f]{1,4}";
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "unix:.*|" + IPV4
            + "|(" + H + ":){7}" + H
            + "|(" + H + ":){6}" + IPV4
            + "|((" + H + ":){0,7}" + H + ")?::((" + H + ":){0,7}" + H + ")?"
            + "|((" + H + ":){0,5}" + H + ")?::((" + H + ":){0,5})?" + IPV4, java.util.regex.Pattern.DOTALL);

    private static final java.util.regex.Pattern HEX_ESCAPE = java.util.regex.Pattern.compile("\\\\x([0-9A-Fa-f]{2})");
    private static final java.util.regex.Pattern JSON_ESCAPE =
            java.util.regex.Pattern.compile("\\\\(?:u00([0-9A-Fa-f]{2})|([\"\\\\/bfnrt]))");

    private final LogFormat format;
    private final List<FormatPart> parts;
    private final boolean emptyIsAbsent;
    private final String[] literalChars;
    private final int[] literalRequired;
    private final String[] stops;
    private final int[] stopRequired;
    private final int[] stopClasses;
    private final String[] bounds;
    private final int[] boundRequired;
    private final int[] variableIndexOf;
    private final String[] contexts;

    // the line being read
    private CommonTokenStream tokens;
    private LineValues parser;
    private String text;
    private String[] fields;
    private String[] raw;
    private Failure furthest;
    private int readings;
    /** Whether the reading being tried takes, for every value whose end is a choice, one of its first two candidates. */
    private boolean likely;

    /** Accepted with canonical field values (see {@link CanonicalFields}), or rejected with an error. */
    public record Outcome(List<String> fields, ParseError error) {
        public boolean accepted() {
            return error == null;
        }
    }

    /** Where a reading stopped: the furthest one explains the rejection. */
    private record Failure(int column, String expected, String found, String context) {
    }

    public ReferenceLineParser(LogFormat format) {
        this.format = format;
        this.parts = format.parts();
        this.emptyIsAbsent = format.escape() != Escape.DEFAULT;
        int n = parts.size();
        literalChars = new String[n];
        literalRequired = new int[n];
        stops = new String[n];
        stopRequired = new int[n];
        stopClasses = new int[n];
        bounds = new String[n];
        boundRequired = new int[n];
        variableIndexOf = new int[n];
        contexts = new String[n];
        int vi = 0;
        for (int i = 0; i < n; i++) {
            FormatPart p = parts.get(i);
            FormatPart prev = i > 0 ? parts.get(i - 1) : null;
            FormatPart next = i + 1 < n ? parts.get(i + 1) : null;
            if (p instanceof FormatPart.Literal l) {
                literalChars[i] = latin1(l.text());
                literalRequired[i] = required(literalChars[i], i == n - 1);
                contexts[i] = prev instanceof FormatPart.Variable v ? "after $" + v.name() : "at the start of the line";
                variableIndexOf[i] = -1;
            } else {
                FormatPart.Variable v = (FormatPart.Variable) p;
                variableIndexOf[i] = vi++;
                contexts[i] = "in $" + v.name();
                if (next instanceof FormatPart.Literal nl) {
                    stops[i] = latin1(nl.text());
                    stopRequired[i] = required(stops[i], i + 1 == n - 1);
                } else if (next instanceof FormatPart.Variable nv) {
                    stopClasses[i] = numericStart(nv.kind()) ? LineValuesBase.STOP_DIGIT_OR_DASH
                            : PATH_VARIABLES.contains(nv.name()) ? LineValuesBase.STOP_SLASH : 0;
                    for (int k = i + 2; k < n; k++) {
                        if (parts.get(k) instanceof FormatPart.Literal bl) {
                            bounds[i] = latin1(bl.text());
                            boundRequired[i] = required(bounds[i], k == n - 1);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Characters of a literal a line must have: for the last part, all but its trailing spaces and tabs. */
    private static int required(String literal, boolean lastPart) {
        if (!lastPart) {
            return literal.length();
        }
        return literal.replaceFirst("[ \t]+$", "").length();
    }

    /** The format this parser reads. */
    public LogFormat format() {
        return format;
    }

    private static boolean numericStart(FieldKind k) {
        return switch (k) {
            case TEXT, REQUEST, CACHE_STATUS, UPSTREAM_ADDR, ADDRESS, METHOD, HOST -> false;
            default -> true;
        };
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Why the line is rejected, or null when it is accepted. */
    public ParseError diagnose(byte[] line, int from, int to) {
        return parse(line, from, to).error();
    }

    /** Parses the bytes {@code [from, to)} (a trailing {@code \r} is ignored). */
    public Outcome parse(byte[] line, int from, int to) {
        if (to > from && line[to - 1] == '\r') {
            to--;
        }
        text = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        LineLexer lexer = new LineLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        tokens = new CommonTokenStream(lexer);
        tokens.fill();
        parser = new LineValues(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setEscapes(format.escape().backslashEscapes());
        fields = new String[format.variableCount()];
        raw = new String[format.variableCount()];
        furthest = null;
        readings = 0;
        likely = true;
        if (read(0, 0)) {
            List<String> out = new ArrayList<>(List.of(fields));
            out.add(requestParts());
            return new Outcome(List.copyOf(out), null);
        }
        Failure f = furthest;
        if (f == null) {
            // every likely reading was cut short by the limit
            f = new Failure(1, "fewer ways to read the line", ParseError.describeChar(text.isEmpty() ? -1 : text.charAt(0)), "");
        }
        if (readings > READINGS_LIMIT) {
            return new Outcome(null, new ParseError(f.column(), "fewer ways to read the line", f.found(),
                    "(more than " + READINGS_LIMIT + " readings tried)"));
        }
        return new Outcome(null, new ParseError(f.column(), f.expected(), f.found(), f.context()));
    }

    /** Reads part {@code i} and every part after it from position {@code pos}; false when no reading fits. */
    private boolean read(int i, int pos) {
        if (i == parts.size()) {
            if (pos == text.length()) {
                return true;
            }
            FormatPart last = parts.get(parts.size() - 1);
            return fail(pos, "end of line", last instanceof FormatPart.Variable v ? "after $" + v.name()
                    : "after the format's last text");
        }
        FormatPart part = parts.get(i);
        if (part instanceof FormatPart.Literal) {
            String lit = literalChars[i];
            for (int k = 0; k < lit.length(); k++) {
                if (pos + k >= text.length() || text.charAt(pos + k) != lit.charAt(k)) {
                    if (pos + k == text.length() && k >= literalRequired[i]) {
                        return read(i + 1, pos + k);
                    }
                    return fail(pos + k, quote(lit.charAt(k)), contexts[i]);
                }
            }
            return read(i + 1, pos + lit.length());
        }
        FormatPart.Variable v = (FormatPart.Variable) part;
        if (v.kind().endsByChoice()) {
            boolean wasLikely = likely;
            int k = 0;
            for (int end : ends(i, v, pos)) {
                if (++readings > READINGS_LIMIT) {
                    return false;
                }
                likely = wasLikely && k++ < LIKELY_CANDIDATES;
                String value = text.substring(pos, end);
                raw[variableIndexOf[i]] = value;
                fields[variableIndexOf[i]] = v.kind() == FieldKind.CACHE_STATUS ? cacheStatus(value) : decode(value);
                if (read(i + 1, end)) {
                    return true;
                }
                if (readings > READINGS_LIMIT) {
                    return false;
                }
            }
            likely = wasLikely;
            return false;
        }
        tokens.seek(pos);
        parser.setStop(stops[i], stopRequired[i], stopClasses[i]);
        String value;
        try {
            value = readVariable(v, parser);
        } catch (ParseCancellationException e) {
            RecognitionException re = (RecognitionException) e.getCause();
            if (re.getOffendingToken().getTokenIndex() == pos && emptyIsAbsent && mayBeEmpty(v.kind())) {
                fields[variableIndexOf[i]] = v.kind().isUpstreamList() ? "" : "-";
                return read(i + 1, pos);
            }
            String expected = re instanceof FailedPredicateException ? "more of the value"
                    : describe(re.getExpectedTokens());
            return fail(re.getOffendingToken().getTokenIndex(), expected, contexts[i]);
        } catch (InvalidValue e) {
            return fail(e.at == null ? pos : e.at.getTokenIndex(), e.expected, contexts[i]);
        }
        fields[variableIndexOf[i]] = value;
        return read(i + 1, tokens.index());
    }

    private static boolean mayBeEmpty(FieldKind k) {
        return k == FieldKind.COUNT || k == FieldKind.SECONDS || k == FieldKind.NUMBER || k.isUpstreamList();
    }

    private boolean fail(int column0, String expected, String context) {
        if (likely && (furthest == null || column0 + 1 > furthest.column())) {
            String found = column0 >= text.length() ? "end of line" : ParseError.describeChar(text.charAt(column0));
            furthest = new Failure(column0 + 1, expected, found, context);
        }
        return false;
    }

    // ------------------------------------------------------------------ where a value ends

    /** The positions where the value of part {@code i}, starting at {@code pos}, may end, in the order to try them. */
    private List<Integer> ends(int i, FormatPart.Variable v, int pos) {
        List<Integer> out = new ArrayList<>();
        if (v.kind() == FieldKind.ADDRESS || v.kind() == FieldKind.METHOD || v.kind() == FieldKind.HOST) {
            boolean address = v.kind() == FieldKind.ADDRESS;
            java.util.regex.Pattern runPattern = address ? ADDRESS_RUN : v.kind() == FieldKind.HOST ? HOST_RUN : TOKEN_RUN;
            java.util.regex.Matcher run = runPattern.matcher(text).region(pos, text.length());
            run.lookingAt();
            int lowest = address || !emptyIsAbsent ? pos + 1 : pos;
            for (int end = run.end(); end >= lowest; end--) {
                if (!address || ADDRESS.matcher(text.substring(pos, end)).matches()) {
                    out.add(end);
                }
            }
            if (out.isEmpty()) {
                fail(pos, address ? "an IP address (IPv4, IPv6 or unix:)" : v.kind() == FieldKind.HOST ? "a host name"
                        : "a method (an HTTP token such as GET)", contexts[i]);
            }
            return out;
        }
        if (i == parts.size() - 1) {
            out.add(text.length());
            return out;
        }
        List<Integer> visited = visitedFrom(pos);
        if (stops[i] != null) {
            for (int q : visited) {
                if (matchesAt(stops[i], stopRequired[i], q)) {
                    out.add(q);
                }
            }
            if (out.isEmpty()) {
                fail(text.length(), quote(stops[i].charAt(0)), contexts[i + 1]);
            } else if (v.kind() == FieldKind.REQUEST) {
                for (int k = 0; k < out.size(); k++) {
                    if (REQUEST_SHAPE.matcher(text.substring(pos, out.get(k))).matches()) {
                        out.add(0, out.remove(k));
                        break;
                    }
                }
            }
            return out;
        }
        int limit = text.length();
        for (int q : visited) {
            if ((bounds[i] != null && matchesAt(bounds[i], boundRequired[i], q)) || isRawQuote(q)) {
                limit = q;
                break;
            }
        }
        int cls = stopClasses[i];
        if (cls == 0) {
            out.add(limit);
        }
        for (int q : visited) {
            if (q > limit || (cls == 0 && q == limit)) {
                break;
            }
            if (cls == 0 || (q < text.length() && classMatches(cls, text.charAt(q)))) {
                out.add(q);
            }
        }
        if (out.isEmpty()) {
            fail(limit, cls == LineValuesBase.STOP_DIGIT_OR_DASH ? "a digit or '-'" : "'/'", "after $" + v.name());
        }
        return out;
    }

    private static boolean classMatches(int cls, char c) {
        return cls == LineValuesBase.STOP_DIGIT_OR_DASH ? (c >= '0' && c <= '9') || c == '-' : c == '/';
    }

    /** Whether {@code literal} (of which {@code required} characters must be there) matches the line at {@code q}. */
    private boolean matchesAt(String literal, int required, int q) {
        String rest = text.substring(q);
        if (rest.startsWith(literal)) {
            return true;
        }
        return rest.length() >= required && rest.length() < literal.length() && literal.startsWith(rest);
    }

    /** Whether the line has a {@code "} at {@code q} that no escape covers, which escape=default and escape=json never leave in a value. */
    private boolean isRawQuote(int q) {
        return format.escape() != Escape.NONE && q < text.length() && text.charAt(q) == '"';
    }

    /**
     * The positions free text starting at {@code pos} passes through, read with the grammar's
     * {@code textChar} rule (an escape pair is one step), up to and including the end of the line, or
     * up to and including a raw {@code "} (with escape=default and escape=json a value holds none).
     */
    private List<Integer> visitedFrom(int pos) {
        List<Integer> out = new ArrayList<>();
        int q = pos;
        while (true) {
            out.add(q);
            if (q >= text.length() || isRawQuote(q)) {
                return out;
            }
            tokens.seek(q);
            parser.textChar();
            q = tokens.index();
        }
    }

    /**
     * The request's method, target and protocol: from the last {@code $request} when it has the shape
     * METHOD target [HTTP/x], else from the variables that log them apart.
     */
    private String requestParts() {
        String request = null;
        List<FormatPart.Variable> vars = format.variables();
        for (int k = 0; k < vars.size(); k++) {
            if (vars.get(k).name().equals("request")) {
                request = raw[k];
            }
        }
        if (request != null) {
            java.util.regex.Matcher m = REQUEST_LINE.matcher(request);
            if (m.matches()) {
                return decode(m.group(1)) + "|" + decode(m.group(2)) + "|" + (m.group(3) == null ? "∅" : m.group(3));
            }
        }
        String methodRaw = firstRaw("request_method", null);
        String requestUri = firstRaw("request_uri", null);
        String uri = firstRaw("uri", "document_uri");
        String args = firstRaw("args", "query_string");
        String protocol = firstRaw("server_protocol", null);
        String method = logged(methodRaw) ? decode(methodRaw) : "∅";
        String path;
        if (logged(requestUri)) {
            path = decode(requestUri);
        } else if (logged(uri)) {
            path = decode(uri + (logged(args) && !args.isEmpty() ? "?" + args : ""));
        } else {
            path = "∅";
        }
        String proto = logged(protocol) && !protocol.isEmpty() ? decode(protocol) : "∅";
        return method + "|" + path + "|" + proto;
    }

    /** The raw value of the first {@code $name} of the format, else of the first {@code $otherName}; null when neither is logged. */
    private String firstRaw(String name, String otherName) {
        List<FormatPart.Variable> vars = format.variables();
        for (String n : otherName == null ? List.of(name) : List.of(name, otherName)) {
            for (int k = 0; k < vars.size(); k++) {
                if (vars.get(k).name().equals(n)) {
                    return raw[k];
                }
            }
        }
        return null;
    }

    /** Whether a raw value is one nginx logged (not its "no value": {@code -}, or empty with escape=json/none). */
    private boolean logged(String value) {
        if (value == null) {
            return false;
        }
        return emptyIsAbsent ? !value.isEmpty() : !value.equals("-");
    }

    private String readVariable(FormatPart.Variable v, LineValues parser) {
        return switch (v.kind()) {
            case TIME_LOCAL -> timeLocal(parser.timeLocal());
            case TIME_ISO8601 -> timeIso(parser.timeIso8601());
            case MSEC -> msec(parser.msec());
            case STATUS -> parser.status().getText();
            case COUNT -> count(parser.count());
            case SECONDS, NUMBER -> seconds(parser.seconds());
            case REQUEST, CACHE_STATUS, TEXT, ADDRESS, METHOD, HOST -> throw new AssertionError("read by choice: " + v);
            case UPSTREAM_ADDR -> list(parser.addressList(), c -> decode(c.getText()));
            case UPSTREAM_STATUS -> list(parser.statusList(), c -> statusCode((LineValues.StatusCodeContext) c));
            case UPSTREAM_RESPONSE_LENGTH -> list(parser.countList(), c -> count((LineValues.CountContext) c));
            case UPSTREAM_CONNECT_TIME, UPSTREAM_HEADER_TIME, UPSTREAM_RESPONSE_TIME ->
                    list(parser.secondsList(), c -> seconds((LineValues.SecondsContext) c));
        };
    }

    // ------------------------------------------------------------------ values

    private static final class InvalidValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Token at;
        final String expected;

        InvalidValue(Token at, String expected) {
            super(expected, null, false, false);
            this.at = at;
            this.expected = expected;
        }
    }

    private static int intOf(ParserRuleContext c) {
        return Integer.parseInt(c.getText());
    }

    private static final List<String> MONTH_NAMES = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private static String timeLocal(LineValues.TimeLocalContext c) {
        // nginx writes the month in English whatever its locale; a fixed list, not Month.getDisplayName, which starts
        // the JVM's locale providers (about 18 ms) for every run that explains a rejected line
        int month = MONTH_NAMES.indexOf(c.month.getText()) + 1;
        if (month == 0) {
            throw new InvalidValue(c.month.getStart(), "a month name (Jan to Dec)");
        }
        ZoneOffset offset = offset(c.zone.sign, c.zone.hours, c.zone.minutes);
        LocalDateTime local = localDateTime(c.day.getStart(), intOf(c.year), month, intOf(c.day), intOf(c.hour),
                intOf(c.minute), intOf(c.second));
        return local.toEpochSecond(offset) + "@" + offset.getTotalSeconds();
    }

    private static String timeIso(LineValues.TimeIso8601Context c) {
        if (!c.t.getText().equals("T")) {
            throw new InvalidValue(c.t, "'T'");
        }
        ZoneOffset offset;
        if (c.zone.z != null) {
            if (!c.zone.z.getText().equals("Z")) {
                throw new InvalidValue(c.zone.z, "'Z', '+' or '-'");
            }
            offset = ZoneOffset.UTC;
        } else {
            offset = offset(c.zone.sign, c.zone.hours, c.zone.minutes);
        }
        LocalDateTime local = localDateTime(c.year.getStart(), intOf(c.year), intOf(c.month), intOf(c.day),
                intOf(c.hour), intOf(c.minute), intOf(c.second));
        return local.toEpochSecond(offset) + "@" + offset.getTotalSeconds();
    }

    private static LocalDateTime localDateTime(Token at, int y, int mo, int d, int h, int mi, int s) {
        try {
            return LocalDateTime.of(y, mo, d, h, mi, s);
        } catch (DateTimeException e) {
            throw new InvalidValue(at, "a valid date and time");
        }
    }

    private static ZoneOffset offset(Token sign, LineValues.Digits2Context hours, LineValues.Digits2Context minutes) {
        int h = intOf(hours);
        int m = intOf(minutes);
        try {
            return sign.getText().equals("-") ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        } catch (DateTimeException e) {
            throw new InvalidValue(sign, "a zone offset between -18:00 and +18:00");
        }
    }

    private static String msec(LineValues.MsecContext c) {
        if (c.whole.getText().length() > MAX_SECONDS_DIGITS) {
            throw new InvalidValue(c.getStart(), "at most " + MAX_SECONDS_DIGITS + " digits of seconds");
        }
        return new BigDecimal(c.getText()).movePointRight(3).setScale(0, RoundingMode.DOWN).toPlainString();
    }

    private static String statusCode(LineValues.StatusCodeContext c) {
        return c.getText();
    }

    private static String count(LineValues.CountContext c) {
        String s = c.getText();
        if (s.length() > MAX_COUNT_DIGITS) {
            throw new InvalidValue(c.getStart(), "at most " + MAX_COUNT_DIGITS + " digits");
        }
        return s.equals("-") ? "-" : new BigDecimal(s).toPlainString();
    }

    private static String seconds(LineValues.SecondsContext c) {
        if (c.whole == null) {
            return "-";
        }
        if (c.whole.getText().length() > MAX_SECONDS_DIGITS) {
            throw new InvalidValue(c.getStart(), "at most " + MAX_SECONDS_DIGITS + " digits of seconds");
        }
        return new BigDecimal(c.getText()).movePointRight(6).setScale(0, RoundingMode.DOWN).toPlainString();
    }

    private String cacheStatus(String raw) {
        String kind = switch (raw) {
            case "", "-" -> "NONE";
            case "HIT", "MISS", "BYPASS", "EXPIRED", "STALE", "UPDATING", "REVALIDATED" -> raw;
            default -> "OTHER";
        };
        return decode(raw) + "|" + kind;
    }

    private interface ElementValue {
        String of(ParserRuleContext element);
    }

    /** {@code group:value} elements joined by commas; the group grows by one after each " : ". */
    private static String list(ParserRuleContext list, ElementValue value) {
        StringJoiner out = new StringJoiner(",");
        int group = 0;
        for (ParseTree child : list.children) {
            if (child instanceof LineValues.SeparatorContext sep) {
                if (sep.COLON() != null) {
                    group++;
                }
            } else if (child instanceof ParserRuleContext element) {
                out.add(group + ":" + value.of(element));
            } else if (child instanceof TerminalNode) {
                throw new AssertionError("unexpected token in list: " + child.getText());
            }
        }
        return out.toString();
    }

    /** Decodes nginx's escapes in a value read as ISO-8859-1, then reads the bytes as UTF-8. */
    private String decode(String latin1) {
        String bytes = latin1;
        if (format.escape() == Escape.DEFAULT) {
            bytes = HEX_ESCAPE.matcher(latin1)
                    .replaceAll(r -> java.util.regex.Matcher.quoteReplacement(
                            String.valueOf((char) Integer.parseInt(r.group(1), 16))));
        } else if (format.escape() == Escape.JSON) {
            bytes = JSON_ESCAPE.matcher(latin1)
                    .replaceAll(r -> java.util.regex.Matcher.quoteReplacement(String.valueOf(r.group(1) != null
                            ? (char) Integer.parseInt(r.group(1), 16)
                            : switch (r.group(2).charAt(0)) {
                                case 'b' -> '\b';
                                case 'f' -> '\f';
                                case 'n' -> '\n';
                                case 'r' -> '\r';
                                case 't' -> '\t';
                                default -> r.group(2).charAt(0);
                            })));
        }
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ diagnostics

    private static String quote(char c) {
        return c == '\'' ? "\"'\"" : "'" + c + "'";
    }

    private static String describe(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "more of the value";
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toList()) {
            names.add(switch (type) {
                case LineLexer.DIGIT -> "a digit";
                case LineLexer.UPPER -> "an uppercase letter";
                case LineLexer.LOWER -> "a lowercase letter";
                case LineLexer.DOT -> "'.'";
                case LineLexer.COMMA -> "','";
                case LineLexer.COLON -> "':'";
                case LineLexer.SPACE -> "' '";
                case LineLexer.DASH -> "'-'";
                case LineLexer.PLUS -> "'+'";
                case LineLexer.SLASH -> "'/'";
                case LineLexer.QUOTE -> "'\"'";
                case LineLexer.BACKSLASH -> "'\\'";
                case Token.EOF -> "end of line";
                default -> "a character";
            });
        }
        return String.join(" or ", names);
    }
}
