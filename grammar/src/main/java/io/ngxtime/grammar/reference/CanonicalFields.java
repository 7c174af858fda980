package io.ngxtime.grammar.reference;

import io.ngxtime.grammar.FieldKind;
import io.ngxtime.grammar.FormatPart;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.UpstreamList;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The values of a record written the way {@link ReferenceLineParser} writes them, one string per
 * variable of the format, so that the compiled matcher and the reference can be compared field by field,
 * then one more: the request's method, target and protocol as the record gives them ({@code $request}
 * split, or put together from {@code $request_method}, {@code $request_uri}, ...). For a variable that
 * appears twice, typed values are those of its last occurrence.
 */
public final class CanonicalFields {
    private CanonicalFields() {
    }

    /** One canonical string per variable, in format order. */
    public static List<String> of(LogRecord r) {
        List<String> out = new ArrayList<>();
        List<FormatPart.Variable> vars = r.format().variables();
        for (int i = 0; i < vars.size(); i++) {
            FormatPart.Variable v = vars.get(i);
            out.add(switch (v.kind()) {
                case TIME_LOCAL, TIME_ISO8601 -> r.loggedEpochSecond() + "@" + r.zoneOffsetSeconds();
                case MSEC -> Long.toString(r.msecMillis());
                case STATUS -> r.status() < 0 ? "-" : String.format(java.util.Locale.US, "%03d", r.status());
                case COUNT -> number(switch (v.name()) {
                    case "body_bytes_sent" -> r.bodyBytesSent();
                    case "bytes_sent" -> r.bytesSent();
                    default -> r.requestLength();
                });
                case SECONDS -> number(r.requestTimeMicros());
                case NUMBER -> decimal(r.string(i));
                case CACHE_STATUS -> r.string(i) + "|" + r.cacheStatus();
                case TEXT, REQUEST, ADDRESS, METHOD, HOST -> r.string(i);
                default -> list(r, v.kind());
            });
        }
        out.add(orEmpty(r.method()) + "|" + orEmpty(r.path()) + "|" + orEmpty(r.protocol()));
        return out;
    }

    /** A number the record keeps only as its span: its value in millionths, as the reference writes it. */
    private static String decimal(String logged) {
        if (logged.isEmpty() || logged.equals("-")) {
            return "-";
        }
        return new java.math.BigDecimal(logged).movePointRight(6).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
    }

    private static String orEmpty(String s) {
        return s == null ? "∅" : s;
    }

    private static String number(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }

    private static String list(LogRecord r, FieldKind kind) {
        UpstreamList l = r.upstreamList(kind);
        StringJoiner out = new StringJoiner(",");
        for (int i = 0; i < l.size(); i++) {
            String value = switch (kind) {
                case UPSTREAM_ADDR -> r.decode(l.start(i), l.end(i));
                case UPSTREAM_STATUS -> l.value(i) < 0 ? "-" : String.format(java.util.Locale.US, "%03d", l.value(i));
                default -> number(l.value(i));
            };
            out.add(l.group(i) + ":" + value);
        }
        return out.toString();
    }
}
