package io.ngxtime.analyzer.report;

import java.util.OptionalLong;

/**
 * One entry of {@code $upstream_addr}, per attempt (µs, 2 significant digits).
 *
 * @param address       the server's address, the group's name, or {@link #NOT_LOGGED_KEY}
 * @param kind          what {@code address} is
 * @param failed        attempts that failed (a 5xx, no status, or no connection); empty when the format
 *                      does not log {@code $upstream_status}, so no outcome is known
 * @param notConnected  of the failed, those without a connection (refused, no live server): their logged
 *                      time is no response time and is left out of the latencies; empty as {@code failed}
 * @param clientAborts  attempts the client abandoned (499, upstream status {@code -}): not failures; empty
 *                      as {@code failed}
 * @param retriesCaused attempts after which nginx tried another server of the same group
 * @param saturation    where its latency climbs with its load; empty when not assessed (see {@link Saturation})
 */
public record UpstreamReport(String address, Kind kind, long attempts, OptionalLong failed, OptionalLong notConnected,
                             OptionalLong clientAborts, long retriesCaused, Latency connect, Latency header, Latency response,
                             java.util.Optional<Saturation> saturation) {
    /** An entry without a saturation estimate. */
    public UpstreamReport(String address, Kind kind, long attempts, OptionalLong failed, OptionalLong notConnected,
                          OptionalLong clientAborts, long retriesCaused, Latency connect, Latency header, Latency response) {
        this(address, kind, attempts, failed, notConnected, clientAborts, retriesCaused, connect, header, response,
                java.util.Optional.empty());
    }

    /** The entry of the attempts whose address the format does not log. */
    public static final String NOT_LOGGED_KEY = "(address not logged)";

    /** What an entry of {@code $upstream_addr} is. */
    public enum Kind {
        /** A server: {@code IP:port} or {@code unix:path}. */
        ADDRESS,
        /** An upstream group's name: nginx logs it when no server of the group was live. */
        GROUP,
        /** The format does not log {@code $upstream_addr}: every attempt under one entry. */
        NOT_LOGGED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
