package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Static assets (GET and HEAD requests for a file whose extension is a static one: {@code Routes.isStatic})
 * whichever part of the stack answered them, and what a CDN in front of this nginx would take off it: their
 * requests and bytes, and of them what reached upstream (requests and upstream time). Bytes are
 * {@code $body_bytes_sent} (or {@code $bytes_sent}).
 *
 * <p>"Not measured" is empty, never 0: bytes without a bytes variable, the upstream time without
 * {@code $upstream_response_time}.
 *
 * @param requests                every request in the report
 * @param staticRequests          requests for static assets
 * @param bytes                   bytes sent for every request; empty when the format logs no bytes
 * @param staticBytes             bytes sent for static assets; empty likewise
 * @param staticUpstreamRequests  static-asset requests with an upstream attempt; empty when the format logs no
 *                                upstream variable (it cannot tell)
 * @param staticUpstreamTimeMicros their upstream time (sum of attempts); empty when not logged
 * @param extensions              static requests and bytes by extension (lower case), most requests first
 * @param busiestMinute           the minute with the most requests (the earliest of equals), and the static
 *                                assets' part of it; empty when no request has a time
 * @param minutesApproximate      whether more minutes came than are kept (the busiest is then over those kept)
 */
public record CdnOffload(long requests, long staticRequests, OptionalLong bytes, OptionalLong staticBytes,
                         OptionalLong staticUpstreamRequests, OptionalLong staticUpstreamTimeMicros, List<Extension> extensions,
                         Optional<Minute> busiestMinute, boolean minutesApproximate) {
    /** Nothing seen. */
    public static final CdnOffload EMPTY = new CdnOffload(0, 0, OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), List.of(), Optional.empty(), false);

    public CdnOffload {
        extensions = List.copyOf(extensions);
    }

    /**
     * One extension's static requests.
     *
     * @param bytes empty when the format logs no bytes
     */
    public record Extension(String extension, long requests, OptionalLong bytes) {
    }

    /**
     * One minute.
     *
     * @param startSecond epoch seconds
     * @param bytes       empty when the format logs no bytes
     * @param staticBytes empty likewise
     */
    public record Minute(long startSecond, long requests, long staticRequests, OptionalLong bytes, OptionalLong staticBytes) {
        public OptionalDouble shareOfRequests() {
            return share(staticRequests, requests);
        }

        public OptionalDouble shareOfBytes() {
            return bytes.isPresent() && staticBytes.isPresent() ? share(staticBytes.getAsLong(), bytes.getAsLong())
                    : OptionalDouble.empty();
        }
    }

    /** The static share of the requests; empty without requests. */
    public OptionalDouble shareOfRequests() {
        return share(staticRequests, requests);
    }

    /** The static share of the bytes; empty when bytes are not logged or none were sent. */
    public OptionalDouble shareOfBytes() {
        return bytes.isPresent() && staticBytes.isPresent() ? share(staticBytes.getAsLong(), bytes.getAsLong())
                : OptionalDouble.empty();
    }

    private static OptionalDouble share(long part, long whole) {
        return whole > 0 ? OptionalDouble.of((double) part / whole) : OptionalDouble.empty();
    }
}
