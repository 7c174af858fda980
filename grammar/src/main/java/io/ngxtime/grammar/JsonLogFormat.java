package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Infers the {@code log_format escape=json} of a JSON access log from one of its lines: the format
 * reproduces the line's literal structure exactly (braces, quotes, spaces, colons and commas as they
 * appear) with every value replaced by a variable, quoted values staying quoted and bare numbers bare.
 * Which variable a key becomes:
 * <ol>
 * <li>a key in the {@linkplain #ALIASES alias table} ({@code time}, {@code client}, {@code rt}, ...)
 *     whose value reads as one of its variables: that variable;</li>
 * <li>a key named like an nginx variable ({@link NginxVariables}: {@code status}, {@code request_time},
 *     {@code upstream_addr}, {@code http_user_agent}, ...) whose value reads as it: that variable (an empty
 *     value, which is how {@code escape=json} writes a variable without one, reads as the variables the
 *     line parser reads so: counts, seconds, upstream lists, text; never {@code $status} or a time);</li>
 * <li>any other key, a variable already taken by an earlier key, or a value that does not read as its
 *     variable: free text, {@code $json_<key>} ({@link #TEXT_PREFIX}).</li>
 * </ol>
 * Nested objects and arrays are not inferred (nginx writes none: a log that has them was reshaped by
 * something else). Whether the inferred format fits the other lines is for the caller to check.
 * Stateless and thread-safe.
 */
public final class JsonLogFormat {
    /** The name prefix of a key read as free text: {@code "x"} becomes {@code $json_x}. */
    public static final String TEXT_PREFIX = "json_";
    /** The inferred format's name. */
    public static final String NAME = "json";

    /** A JSON key that is not a variable name, the variables it may stand for, and what its value must look like. */
    record Alias(Set<String> keys, List<String> variables, Predicate<String> value) {
    }

    private static final Predicate<String> ANY = v -> true;
    /** nginx writes seconds with three decimals: {@code 0.012}; a bare integer may be milliseconds. */
    private static final Predicate<String> SECONDS = v -> v.matches("\\d+\\.\\d{3}");

    /** Common key names for nginx variables, tried before the names themselves. Small, explicit, tested. */
    static final List<Alias> ALIASES = List.of(
            new Alias(Set.of("time", "timestamp", "@timestamp", "datetime", "date"),
                    List.of("time_iso8601", "time_local", "msec"), ANY),
            new Alias(Set.of("remote_ip", "client", "client_ip", "clientip", "ip", "remote"), List.of("remote_addr"), ANY),
            new Alias(Set.of("method", "verb", "http_method"), List.of("request_method"), v -> v.matches("[A-Z]+")),
            new Alias(Set.of("path", "url"), List.of("request_uri"), v -> v.startsWith("/")),
            new Alias(Set.of("referer", "referrer", "http_referrer"), List.of("http_referer"), ANY),
            new Alias(Set.of("user_agent", "agent", "useragent"), List.of("http_user_agent"), ANY),
            new Alias(Set.of("x_forwarded_for", "forwarded_for", "xff"), List.of("http_x_forwarded_for"), ANY),
            new Alias(Set.of("bytes", "size"), List.of("body_bytes_sent"), ANY),
            new Alias(Set.of("response", "status_code", "code", "http_status"), List.of("status"), ANY),
            new Alias(Set.of("duration", "rt", "response_time", "latency"), List.of("request_time"), SECONDS),
            new Alias(Set.of("protocol", "http_version"), List.of("server_protocol"), v -> v.startsWith("HTTP/")));

    private JsonLogFormat() {
    }

    /** How one key of the line was read: as {@code variable} (without {@code $}), or as free text. */
    public record KeyReading(String key, String variable, boolean text) {
    }

    /** What {@link #infer} made of a line. */
    public sealed interface Inference permits Inferred, NotInferred {
    }

    /** The format, and each key's reading in the order of the line. */
    public record Inferred(LogFormat format, List<KeyReading> keys) implements Inference {
    }

    /** Why the line gives no format: {@code the value of "headers" is an object}, ... */
    public record NotInferred(String reason) implements Inference {
    }

    /** Whether the line's first byte other than a space or a tab is {@code {}: the line is meant as a JSON object. */
    public static boolean looksLikeJson(byte[] line, int from, int to) {
        int p = from;
        while (p < to && (line[p] == ' ' || line[p] == '\t')) {
            p++;
        }
        return p < to && line[p] == '{';
    }

    /** Infers the format of the JSON object in {@code line[from, to)} (a trailing {@code \r} is ignored). */
    public static Inference infer(byte[] line, int from, int to) {
        if (to > from && line[to - 1] == '\r') {
            to--;
        }
        return new Walk(line, from, to).object();
    }

    /** One pass over the line, writing the format text as it goes. */
    private static final class Walk {
        private final byte[] b;
        private final int from;
        private final int to;
        private int p;
        private final StringBuilder text = new StringBuilder();
        private final List<KeyReading> keys = new ArrayList<>();
        private final Set<String> variablesTaken = new HashSet<>();
        private final Map<String, LineParser> valueParsers = new HashMap<>();

        Walk(byte[] b, int from, int to) {
            this.b = b;
            this.from = from;
            this.p = from;
            this.to = to;
        }

        Inference object() {
            blanks();
            if (!at('{')) {
                return new NotInferred("it does not start with '{'");
            }
            literal(1);
            blanks();
            if (at('}')) {
                return new NotInferred("it is an empty object");
            }
            while (true) {
                blanks();
                if (!at('"')) {
                    return new NotInferred("expected a key in quotes at column " + column());
                }
                int keyStart = p + 1;
                int keyEnd = stringEnd(keyStart);
                if (keyEnd < 0) {
                    return new NotInferred("a key's closing quote is missing");
                }
                String key = new String(b, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
                if (!isUtf8(b, keyStart, keyEnd)) {
                    // the format's text is a string: bytes that are not UTF-8 would not match the line they came from
                    return new NotInferred("the key \"" + shorten(key) + "\" is not UTF-8");
                }
                if (key.indexOf('\\') >= 0 || key.indexOf('$') >= 0) {
                    return new NotInferred("the key \"" + shorten(key) + "\" has a backslash or a '$'");
                }
                literal(keyEnd + 1 - p);
                blanks();
                if (!at(':')) {
                    return new NotInferred("expected ':' after the key \"" + shorten(key) + "\"");
                }
                literal(1);
                blanks();
                NotInferred bad = value(key);
                if (bad != null) {
                    return bad;
                }
                blanks();
                if (at(',')) {
                    literal(1);
                } else if (at('}')) {
                    literal(1);
                    break;
                } else {
                    return new NotInferred("expected ',' or '}' at column " + column());
                }
            }
            blanks();
            if (p != to) {
                return new NotInferred("it goes on after its closing '}'");
            }
            LogFormat format = LogFormats.compile(NAME, Escape.JSON, text.toString(),
                    PositionMap.singleLine("the JSON format inferred from the log"));
            return new Inferred(format, List.copyOf(keys));
        }

        /** The value of {@code key}: a string, or a bare number, {@code true}, {@code false} or {@code null}. */
        private NotInferred value(String key) {
            if (at('{') || at('[')) {
                return new NotInferred("the value of \"" + shorten(key) + "\" is " + (at('{') ? "an object" : "an array"));
            }
            if (at('"')) {
                int end = stringEnd(p + 1);
                if (end < 0) {
                    return new NotInferred("the value of \"" + shorten(key) + "\" has no closing quote");
                }
                String variable = variable(key, p + 1, end);
                text.append('"').append('$').append(variable).append('"');
                p = end + 1;
                return null;
            }
            int start = p;
            while (p < to && b[p] != ',' && b[p] != '}' && b[p] != ' ' && b[p] != '\t') {
                p++;
            }
            String token = new String(b, start, p - start, StandardCharsets.UTF_8);
            if (!token.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null")) {
                return new NotInferred("the value of \"" + shorten(key) + "\" is not JSON");
            }
            text.append('$').append(variable(key, start, p));
            return null;
        }

        /** The variable for {@code key}, whose value is {@code b[from, end)} as logged. */
        private String variable(String key, int valueFrom, int end) {
            String value = new String(b, valueFrom, end - valueFrom, StandardCharsets.UTF_8);
            for (Alias a : ALIASES) {
                if (a.keys().contains(key) && a.value().test(value)) {
                    for (String v : a.variables()) {
                        if (take(v, valueFrom, end)) {
                            return read(key, v);
                        }
                    }
                }
            }
            if (key.matches("[a-z0-9_]+") && NginxVariables.isDefined(key) && !key.startsWith(TEXT_PREFIX)
                    && take(key, valueFrom, end)) {
                return read(key, key);
            }
            String name = TEXT_PREFIX + (key.replaceAll("[^A-Za-z0-9_]", "_").isEmpty() ? "key"
                    : key.replaceAll("[^A-Za-z0-9_]", "_"));
            String unique = name;
            for (int n = 2; !variablesTaken.add(unique); n++) {
                unique = name + "_" + n;
            }
            keys.add(new KeyReading(key, unique, true));
            return unique;
        }

        private String read(String key, String variable) {
            keys.add(new KeyReading(key, variable, false));
            return variable;
        }

        /** Takes {@code variable} for a value when no earlier key took it and the value reads as it. */
        private boolean take(String variable, int valueFrom, int end) {
            if (variablesTaken.contains(variable)) {
                return false;
            }
            LineParser parser = valueParser(variable);
            // an empty value is what escape=json writes for a variable without one: the value parser (escape=json)
            // accepts it where the line parser will, and only there ($status, a time: never empty)
            boolean reads = parser.parse(b, valueFrom, end, parser.format().newRecord());
            if (reads) {
                variablesTaken.add(variable);
            }
            return reads;
        }

        /** A parser of the variable alone: whether a value reads as it is what the line parser says. */
        private LineParser valueParser(String variable) {
            return valueParsers.computeIfAbsent(variable, v -> LogFormats.compile("value", Escape.JSON, "$" + v,
                    PositionMap.singleLine("$" + v)).newParser());
        }

        /** The offset of the quote that closes a string whose content starts at {@code from}, or -1. */
        private int stringEnd(int from) {
            for (int i = from; i < to; i++) {
                if (b[i] == '\\') {
                    i++;
                } else if (b[i] == '"') {
                    return i;
                }
            }
            return -1;
        }

        private boolean at(char c) {
            return p < to && b[p] == c;
        }

        private void blanks() {
            int start = p;
            while (p < to && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            text.append(new String(b, start, p - start, StandardCharsets.UTF_8));
        }

        private void literal(int n) {
            text.append(new String(b, p, n, StandardCharsets.UTF_8));
            p += n;
        }

        private static boolean isUtf8(byte[] b, int from, int to) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, from, to - from));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }

        /** The 1-based column of the current byte. */
        private int column() {
            return p - from + 1;
        }

        private static String shorten(String key) {
            return key.length() > 40 ? key.substring(0, 40) + "…" : key;
        }
    }
}
