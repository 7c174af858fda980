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
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The reference parse of a line: the format's literals matched one character at a time and every
 * variable read by its rule in {@code LineValues.g4}, values converted with {@code java.time} and
 * {@link BigDecimal}. Slow (about 100 microseconds for a 300-byte line: ANTLR works a character at a time) and written independently of the compiled
 * matcher, so that the two can check each other; it also explains rejected lines ({@link #diagnose}).
 * Not thread-safe.
 */
public final class ReferenceLineParser {
    private static final Set<String> PATH_VARIABLES = Set.of("uri", "request_uri", "document_uri");
    private static final int MAX_SECONDS_DIGITS = 12;
    private static final int MAX_COUNT_DIGITS = 18;
    private static final java.util.regex.Pattern REQUEST_LINE =
            java.util.regex.Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (.+?)(?: (HTTP/[0-9.]+))?", java.util.regex.Pattern.DOTALL);

    private static final java.util.regex.Pattern HEX_ESCAPE = java.util.regex.Pattern.compile("\\\\x([0-9A-Fa-f]{2})");
    private static final java.util.regex.Pattern JSON_ESCAPE =
            java.util.regex.Pattern.compile("\\\\(?:u00([0-9A-Fa-f]{2})|([\"\\\\/bfnrt]))");

    private final LogFormat format;
    private final List<FormatPart> parts;
    private final String[] literalChars;
    private final String[] stops;
    private final int[] stopClasses;
    private final String[] contexts;

    /** Accepted with canonical field values (see {@link CanonicalFields}), or rejected with an error. */
    public record Outcome(List<String> fields, ParseError error) {
        public boolean accepted() {
            return error == null;
        }
    }

    public ReferenceLineParser(LogFormat format) {
        this.format = format;
        this.parts = format.parts();
        int n = parts.size();
        literalChars = new String[n];
        stops = new String[n];
        stopClasses = new int[n];
        contexts = new String[n];
        for (int i = 0; i < n; i++) {
            FormatPart p = parts.get(i);
            FormatPart prev = i > 0 ? parts.get(i - 1) : null;
            FormatPart next = i + 1 < n ? parts.get(i + 1) : null;
            if (p instanceof FormatPart.Literal l) {
                literalChars[i] = latin1(l.text());
                contexts[i] = prev instanceof FormatPart.Variable v ? "after $" + v.name() : "at the start of the line";
            } else {
                FormatPart.Variable v = (FormatPart.Variable) p;
                contexts[i] = "in $" + v.name();
                if (next instanceof FormatPart.Literal nl) {
                    stops[i] = latin1(nl.text());
                } else if (next instanceof FormatPart.Variable nv) {
                    stopClasses[i] = numericStart(nv.kind()) ? LineValuesBase.STOP_DIGIT_OR_DASH
                            : PATH_VARIABLES.contains(nv.name()) ? LineValuesBase.STOP_SLASH : 0;
                }
            }
        }
    }

    /** The format this parser reads. */
    public LogFormat format() {
        return format;
    }

    private static boolean numericStart(FieldKind k) {
        return switch (k) {
            case TEXT, REQUEST, CACHE_STATUS, UPSTREAM_ADDR -> false;
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
        String text = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        LineLexer lexer = new LineLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        LineValues parser = new LineValues(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setEscapes(format.escape().backslashEscapes());
        List<String> fields = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                FormatPart p = parts.get(i);
                if (p instanceof FormatPart.Literal) {
                    String lit = literalChars[i];
                    for (int k = 0; k < lit.length(); k++) {
                        Token t = tokens.LT(1);
                        if (t.getType() == Token.EOF || t.getText().charAt(0) != lit.charAt(k)) {
                            return reject(t, quote(lit.charAt(k)), contexts[i]);
                        }
                        tokens.consume();
                    }
                } else {
                    FormatPart.Variable v = (FormatPart.Variable) p;
                    parser.setStop(stops[i], stopClasses[i]);
                    Token start = tokens.LT(1);
                    String value;
                    currentPartIndex = i;
                    try {
                        value = readVariable(v, parser);
                    } catch (InvalidValue e) {
                        return reject(e.at == null ? start : e.at, e.expected, contexts[i]);
                    }
                    fields.add(value);
                }
            }
        } catch (ParseCancellationException e) {
            RecognitionException re = (RecognitionException) e.getCause();
            int i = currentPartIndex;
            String expected = re instanceof FailedPredicateException ? "more of the value"
                    : describe(re.getExpectedTokens());
            return reject(re.getOffendingToken(), expected, contexts[i]);
        }
        Token t = tokens.LT(1);
        if (t.getType() != Token.EOF) {
            FormatPart last = parts.get(parts.size() - 1);
            String ctx = last instanceof FormatPart.Variable v ? "after $" + v.name() : "after the format's last text";
            return reject(t, "end of line", ctx);
        }
        return new Outcome(List.copyOf(fields), null);
    }

    /** The part being read when the parser bailed out. */
    private int currentPartIndex;

    private String readVariable(FormatPart.Variable v, LineValues parser) {
        return switch (v.kind()) {
            case TIME_LOCAL -> timeLocal(parser.timeLocal());
            case TIME_ISO8601 -> timeIso(parser.timeIso8601());
            case MSEC -> msec(parser.msec());
            case STATUS -> statusCode(parser.statusCode());
            case COUNT -> count(parser.count());
            case SECONDS -> seconds(parser.seconds());
            case REQUEST -> request(text(parser));
            case CACHE_STATUS -> cacheStatus(text(parser));
            case TEXT -> decode(text(parser));
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

    private static String timeLocal(LineValues.TimeLocalContext c) {
        String mon = c.month.getText();
        int month = 0;
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(mon)) {
                month = m.getValue();
            }
        }
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

    /** Free text: textChar after textChar until the stop. */
    private static String text(LineValues parser) {
        StringBuilder sb = new StringBuilder();
        while (parser.getInputStream().LA(1) != Token.EOF && !parser.atStop()) {
            sb.append(parser.textChar().getText());
        }
        return sb.toString();
    }

    private String request(String raw) {
        java.util.regex.Matcher m = REQUEST_LINE.matcher(raw);
        if (!m.matches()) {
            return decode(raw) + "|∅|∅|∅";
        }
        return decode(raw) + "|" + decode(m.group(1)) + "|" + decode(m.group(2)) + "|"
                + (m.group(3) == null ? "∅" : m.group(3));
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

    private static Outcome reject(Token at, String expected, String context) {
        int column = at.getCharPositionInLine() + 1;
        String found = at.getType() == Token.EOF ? "end of line" : ParseError.describeChar(at.getText().charAt(0));
        return new Outcome(null, new ParseError(column, expected, found, context));
    }

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
