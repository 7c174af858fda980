package io.ngxtime.grammar;

import io.ngxtime.grammar.reference.CanonicalFields;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The compiled matcher and the reference parser of one format, run side by side on a line: whether
 * they agree (accept/reject, and field for field on accepted lines), whether the compiled matcher
 * threw, and a shrinker that cuts a disagreeing line down to a minimal one that still disagrees the same way.
 */
final class ParserPair {
    private final LogFormat format;
    private final LineParser fast;
    private final LogRecord record;
    private final ReferenceLineParser reference;

    ParserPair(LogFormat format) {
        this.format = format;
        this.fast = format.newParser();
        this.record = format.newRecord();
        this.reference = new ReferenceLineParser(format);
    }

    LogFormat format() {
        return format;
    }

    /** The compiled matcher's {@link LineParser#failedAt()} after the last {@link #check}. */
    int fastFailedAt() {
        return fast.failedAt();
    }

    /** What the two parsers made of one line. */
    record Verdict(boolean fastAccepts, boolean referenceAccepts, List<String> fastFields, List<String> referenceFields,
                   ParseError referenceError, Throwable thrown, String derivedMismatch) {
        boolean agree() {
            return thrown == null && fastAccepts == referenceAccepts && Objects.equals(fastFields, referenceFields)
                    && derivedMismatch == null;
        }

        /** The kind of disagreement, kept while shrinking: who threw, who accepted, or which field differs. */
        String kind() {
            if (thrown != null) {
                return "compiled matcher throws " + thrown.getClass().getSimpleName();
            }
            if (fastAccepts != referenceAccepts) {
                return fastAccepts ? "compiled accepts, reference rejects" : "compiled rejects, reference accepts";
            }
            if (derivedMismatch != null && Objects.equals(fastFields, referenceFields)) {
                return "derived value differs from the spec: " + derivedMismatch;
            }
            for (int i = 0; i < fastFields.size(); i++) {
                if (!fastFields.get(i).equals(referenceFields.get(i))) {
                    return "field " + i + " differs";
                }
            }
            return "agree";
        }

        String describe(LogFormat format) {
            if (thrown != null) {
                return kind() + ": " + thrown;
            }
            if (fastAccepts != referenceAccepts) {
                return kind() + (referenceAccepts ? "" : " (" + referenceError.message() + ")");
            }
            if (Objects.equals(fastFields, referenceFields)) {
                return kind();
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fastFields.size(); i++) {
                if (!fastFields.get(i).equals(referenceFields.get(i))) {
                    sb.append(" $").append(format.variables().get(i).name()).append(": compiled '")
                            .append(fastFields.get(i)).append("', reference '").append(referenceFields.get(i))
                            .append("';");
                }
            }
            return "fields differ:" + sb;
        }
    }

    Verdict check(byte[] line) {
        boolean fastAccepts = false;
        List<String> fastFields = null;
        Throwable thrown = null;
        String derived = null;
        try {
            fastAccepts = fast.parse(line, 0, line.length, record);
            if (fastAccepts) {
                fastFields = CanonicalFields.of(record);
                touchGetters(record);
                derived = derivedMismatch(record);
            }
        } catch (RuntimeException | Error e) {
            thrown = e;
        }
        ReferenceLineParser.Outcome outcome = reference.parse(line, 0, line.length);
        return new Verdict(fastAccepts, outcome.accepted(), fastFields, outcome.fields(),
                outcome.error(), thrown, derived);
    }

    private static final FieldKind[] LISTS = {FieldKind.UPSTREAM_ADDR, FieldKind.UPSTREAM_RESPONSE_TIME,
        FieldKind.UPSTREAM_STATUS, FieldKind.UPSTREAM_CONNECT_TIME, FieldKind.UPSTREAM_HEADER_TIME,
        FieldKind.UPSTREAM_RESPONSE_LENGTH};

    /**
     * The request-level values, restated from the spec over the parsed lists (which the field comparison
     * has already matched to the reference): the attempts are the elements of {@code $upstream_addr} when
     * the format logs it, else of the longest list, a list that is just {@code -} having none; attempt
     * {@code i}'s group is its address's (or that list's); the upstream time is the sum of the attempts'
     * response times ({@code -} elements absent), -1 without attempts; the nginx time is
     * {@code request_time} minus that, never negative; the lists are consistent when every other logged
     * list has one element per attempt in the same groups (or, without attempts, is empty or {@code -}).
     * Null when all hold.
     */
    private static String derivedMismatch(LogRecord r) {
        byte[] line = r.lineBuffer();
        boolean logsAddresses = r.format().has("upstream_addr");
        UpstreamList source = null;
        int attempts = 0;
        if (logsAddresses) {
            source = r.upstreamList(FieldKind.UPSTREAM_ADDR);
            attempts = source.isBareDash(line) ? 0 : source.size();
        } else {
            for (FieldKind k : LISTS) {
                UpstreamList l = r.upstreamList(k);
                int n = l.isBareDash(line) ? 0 : l.size();
                if (n > attempts) {
                    attempts = n;
                    source = l;
                }
            }
        }
        long sum = 0;
        UpstreamList times = r.upstreamList(FieldKind.UPSTREAM_RESPONSE_TIME);
        for (int i = 0; i < Math.min(attempts, times.size()); i++) {
            sum += Math.max(0, times.value(i));
        }
        long upstream = attempts == 0 ? -1 : sum;
        long request = r.requestTimeMicros();
        long nginx = request < 0 ? -1 : attempts == 0 ? request : Math.max(0, request - upstream);
        if (r.attemptCount() != attempts) {
            return "attemptCount " + r.attemptCount() + ", spec " + attempts;
        }
        if (r.upstreamTimeMicros() != upstream) {
            return "upstreamTimeMicros " + r.upstreamTimeMicros() + ", spec " + upstream;
        }
        if (r.nginxTimeMicros() != nginx) {
            return "nginxTimeMicros " + r.nginxTimeMicros() + ", spec " + nginx;
        }
        for (int i = 0; i < attempts; i++) {
            if (r.attemptGroup(i) != source.group(i)) {
                return "attemptGroup(" + i + ") " + r.attemptGroup(i) + ", spec " + source.group(i);
            }
        }
        boolean consistent = true;
        for (FieldKind k : LISTS) {
            UpstreamList l = r.upstreamList(k);
            if (l == source || !r.format().variables().stream().anyMatch(v -> v.kind() == k)) {
                continue;
            }
            if (attempts == 0) {
                consistent &= l.size() == 0 || l.isBareDash(line);
            } else {
                consistent &= l.size() == attempts;
                for (int i = 0; consistent && i < attempts; i++) {
                    consistent = l.group(i) == source.group(i);
                }
            }
        }
        if (r.upstreamListsConsistent() != consistent) {
            return "upstreamListsConsistent " + r.upstreamListsConsistent() + ", spec " + consistent;
        }
        return null;
    }

    /** Reads every derived value of an accepted record: none of them may throw either. */
    private static void touchGetters(LogRecord r) {
        r.time();
        r.method();
        r.path();
        r.protocol();
        r.request();
        r.upstreamTimeMicros();
        r.nginxTimeMicros();
        for (int i = 0; i < r.attemptCount() + 1; i++) {
            r.attemptAddress(i);
            r.attemptStatus(i);
            r.attemptConnectMicros(i);
            r.attemptHeaderMicros(i);
            r.attemptResponseMicros(i);
            r.attemptResponseLength(i);
            r.attemptGroup(i);
        }
    }

    /**
     * The shortest line found by deleting chunks of {@code line} (halving the chunk size down to single
     * bytes) that still disagrees the same way.
     */
    byte[] shrink(byte[] line) {
        String kind = check(line).kind();
        byte[] current = line;
        for (int chunk = Math.max(1, current.length / 2); chunk >= 1; chunk /= 2) {
            int i = 0;
            while (i + chunk <= current.length) {
                byte[] candidate = new byte[current.length - chunk];
                System.arraycopy(current, 0, candidate, 0, i);
                System.arraycopy(current, i + chunk, candidate, i, current.length - i - chunk);
                Verdict v = check(candidate);
                if (!v.agree() && v.kind().equals(kind)) {
                    current = candidate;
                } else {
                    i += chunk;
                }
            }
        }
        return Arrays.copyOf(current, current.length);
    }

    /** A line for a message: printable ASCII as is, other bytes as {@code <HH>} (so they differ from a logged {@code \xHH}). */
    static String show(byte[] line) {
        StringBuilder sb = new StringBuilder();
        for (byte b : line) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("<%02X>", c));
            }
        }
        return sb.toString();
    }
}
