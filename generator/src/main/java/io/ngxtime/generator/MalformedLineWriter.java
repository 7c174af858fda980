package io.ngxtime.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes lines that are not valid lines of the format, of each {@link MalformedKind}. Truncated lines
 * are cut before the end of the format's last literal, so no format can accept them; junk has no spaces
 * and does not start like a line; error-log lines start with {@code yyyy/mm/dd}; broken timestamps are
 * wrong in ways nginx never is. A format that is a lone free-text variable accepts anything, so for such
 * formats {@link #applicableKinds()} may be empty. Not thread-safe.
 */
final class MalformedLineWriter {
    private static final byte[] JUNK_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".getBytes(StandardCharsets.US_ASCII);
    private static final String[] ERRORS = {
        " [error] 2817#2817: *%d upstream timed out (110: Connection timed out) while reading response header "
                + "from upstream, client: %s, server: shop.example.com, request: \"GET /api/orders HTTP/1.1\", "
                + "upstream: \"http://10.0.1.3:8080/api/orders\", host: \"shop.example.com\"",
        " [error] 2818#2818: *%d connect() failed (111: Connection refused) while connecting to upstream, "
                + "client: %s, server: shop.example.com, request: \"GET /api/catalog HTTP/2.0\", "
                + "upstream: \"http://10.0.1.2:8080/api/catalog\", host: \"shop.example.com\"",
        " [warn] 2817#2817: *%d an upstream response is buffered to a temporary file "
                + "/var/cache/nginx/proxy_temp/4/17/0000000174 while reading upstream, client: %s, "
                + "server: shop.example.com, request: \"GET /admin/reports HTTP/1.1\", host: \"shop.example.com\"",
    };

    private final LineRenderer renderer;
    private final RequestSampler sampler;
    private final TimestampWriter time;
    private final GeneratedRequest request = new GeneratedRequest();
    private final List<MalformedKind> applicable;

    MalformedLineWriter(LineRenderer renderer, RequestSampler sampler, int zoneOffsetSeconds) {
        this.renderer = renderer;
        this.sampler = sampler;
        this.time = new TimestampWriter(zoneOffsetSeconds);
        List<MalformedKind> kinds = new ArrayList<>();
        for (MalformedKind k : MalformedKind.values()) {
            if (k == MalformedKind.TRUNCATED && !renderer.hasLiteralAfterStart()
                    || k == MalformedKind.BROKEN_TIMESTAMP && !renderer.hasTime()) {
                continue;
            }
            kinds.add(k);
        }
        this.applicable = List.copyOf(kinds);
    }

    /** The kinds this format can be given. */
    List<MalformedKind> applicableKinds() {
        return applicable;
    }

    private static void junk(LineBuffer out, SeededRandom rng) {
        int n = rng.between(8, 160);
        boolean zeros = rng.chance(0.3);
        for (int i = 0; i < n; i++) {
            out.append(zeros ? (byte) 0 : JUNK_ALPHABET[rng.nextInt(JUNK_ALPHABET.length)]);
        }
    }

    /** Appends one malformed line of {@code kind} (without the newline), dated {@code timeMillis} where it has a date. */
    void write(MalformedKind kind, LineBuffer out, SeededRandom rng, long timeMillis) {
        switch (kind) {
            case TRUNCATED -> {
                sampler.sample(request, rng, timeMillis, 1.0, null, false);
                int start = out.length();
                renderer.render(request, out);
                int mustCutBefore = renderer.lastLiteralEnd();
                int span = mustCutBefore - start;
                if (span >= 2) {
                    out.setLength(start + rng.between(Math.max(1, span / 3), span - 1));
                } else {
                    out.setLength(start); // nothing to cut in a line this short: write junk instead
                    junk(out, rng);
                }
            }
            case JUNK -> junk(out, rng);
            case ERROR_LOG -> {
                time.errorLogTime(out, timeMillis);
                String client = rng.between(11, 220) + "." + rng.between(0, 255) + "." + rng.between(0, 255) + "."
                        + rng.between(1, 254);
                out.append(String.format(Locale.US, ERRORS[rng.nextInt(ERRORS.length)], rng.between(10_000, 9_999_999), client));
            }
            case BROKEN_TIMESTAMP -> {
                sampler.sample(request, rng, timeMillis, 1.0, null, false);
                renderer.render(request, out, rng.nextInt(4));
            }
            default -> throw new AssertionError(kind);
        }
    }
}
