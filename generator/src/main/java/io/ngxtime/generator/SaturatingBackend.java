package io.ngxtime.generator;

import java.util.Locale;

/**
 * A backend whose latency climbs once its load passes a known rate: the ground truth a saturation
 * estimate is checked against ({@code --saturate ADDR=RPS}).
 *
 * <p>The model ({@link SaturationModel}): the backend's load is its attempts over the trailing 60 seconds,
 * per second. Up to {@code kneeAttemptsPerSecond} its answers take their usual time; above it the wait for
 * the response header is multiplied by {@code 1 + }{@value #RISE_PER_KNEE}{@code  * (load / knee - 1)}: twice
 * the usual time at 1.25 times the knee, three times at 1.5. Flat, then a straight rise: the knee is exact.
 *
 * @param address               one of the generated servers ({@code 10.0.1.1:8080}, {@code 10.0.1.2:8080},
 *                              {@code 10.0.1.3:8080}, {@code 10.0.2.1:8080})
 * @param kneeAttemptsPerSecond the load (attempts per second) above which its latency climbs; above 0
 */
public record SaturatingBackend(String address, double kneeAttemptsPerSecond) {
    /** How many times the usual wait is added per knee's worth of load above the knee. */
    public static final double RISE_PER_KNEE = 4.0;

    public SaturatingBackend {
        if (serverIndex(address) < 0) {
            throw new IllegalArgumentException("no generated server '" + address + "': give one of "
                    + String.join(", ", addresses()));
        }
        if (!(kneeAttemptsPerSecond > 0) || Double.isInfinite(kneeAttemptsPerSecond)) {
            throw new IllegalArgumentException("the saturation rate must be above 0 attempts/s, was "
                    + kneeAttemptsPerSecond);
        }
    }

    /** Reads {@code ADDR=RPS} ({@code 10.0.1.1:8080=12.5}); a bad value is an exception naming it. */
    public static SaturatingBackend parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--saturate needs ADDR=RPS (such as 10.0.1.1:8080=12), was '" + text + "'");
        }
        String rate = text.substring(eq + 1);
        try {
            return new SaturatingBackend(text.substring(0, eq), Double.parseDouble(rate));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--saturate needs a rate in attempts/s after '=', was '" + rate + "'");
        }
    }

    /** {@code ADDR=RPS}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return address + "=" + String.format(Locale.US, "%s", kneeAttemptsPerSecond);
    }

    int serverIndex() {
        return serverIndex(address);
    }

    private static int serverIndex(String address) {
        for (int i = 0; i < Upstreams.count(); i++) {
            if (Upstreams.address(i).equals(address)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] addresses() {
        String[] out = new String[Upstreams.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Upstreams.address(i);
        }
        return out;
    }
}
