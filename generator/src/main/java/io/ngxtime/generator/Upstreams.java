package io.ngxtime.generator;

import java.nio.charset.StandardCharsets;

/**
 * The upstream servers: group A ({@code 10.0.1.1:8080}, {@code 10.0.1.2:8080}, {@code 10.0.1.3:8080}, the
 * third about three times slower) runs the application; group B ({@code 10.0.2.1:8080}) serves media and
 * is reached only by internal redirect. Servers are known by index.
 */
final class Upstreams {
    static final int GROUP_A_SIZE = 3;
    /** Index of the media server. */
    static final int MEDIA = 3;

    private static final String[] ADDRESSES = {"10.0.1.1:8080", "10.0.1.2:8080", "10.0.1.3:8080", "10.0.2.1:8080"};
    private static final byte[][] ADDRESS_BYTES = new byte[ADDRESSES.length][];
    private static final double[] SLOWDOWN = {1.0, 1.0, 3.0, 1.0};
    static final byte[] APP_GROUP_NAME = "default-shop-app-8080".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MEDIA_GROUP_NAME = "default-shop-media-8080".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < ADDRESSES.length; i++) {
            ADDRESS_BYTES[i] = ADDRESSES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Upstreams() {
    }

    static int count() {
        return ADDRESSES.length;
    }

    static String address(int server) {
        return ADDRESSES[server];
    }

    static byte[] addressBytes(int server) {
        return ADDRESS_BYTES[server];
    }

    /** How much slower than a normal server {@code server} answers. */
    static double slowdown(int server) {
        return SLOWDOWN[server];
    }
}
