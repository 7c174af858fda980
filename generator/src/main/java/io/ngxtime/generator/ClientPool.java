package io.ngxtime.generator;

import java.nio.charset.StandardCharsets;

/**
 * Where requests come from: IPv4 clients in weighted /24 networks (a few networks carry much of the
 * traffic, as office and carrier NATs do), a few IPv6 clients, the crawlers' own networks, and networks
 * kept apart for flash crowds and the spike so that those stand out by address. The catalogue is fixed
 * (derived from a constant, not from the generator's seed), so every log talks about the same networks.
 * Immutable; randomness comes from the caller.
 */
final class ClientPool {
    private static final int NETWORKS = 64;
    private static final int RESERVED_NETWORKS = 8;
    private static final double IPV6_SHARE = 0.04;
    private static final double FORWARDED_SHARE = 0.06;

    private final byte[][] prefixes = new byte[NETWORKS][];
    private final byte[][] reserved = new byte[RESERVED_NETWORKS][];
    private final WeightedTable<Integer> networkTable;
    private final byte[][] ipv6Prefixes = new byte[6][];

    ClientPool() {
        SeededRandom catalogue = new SeededRandom(0x6E6778746D65L);
        WeightedTable.Builder<Integer> b = WeightedTable.builder();
        for (int i = 0; i < NETWORKS; i++) {
            prefixes[i] = randomPrefix(catalogue);
            b.add(i, 1.0 / StrictMath.pow(i + 1, 0.9));
        }
        for (int i = 0; i < RESERVED_NETWORKS; i++) {
            reserved[i] = randomPrefix(catalogue);
        }
        networkTable = b.build();
        for (int i = 0; i < ipv6Prefixes.length; i++) {
            // 2001:db8::/32 is the documentation prefix
            ipv6Prefixes[i] = ("2001:db8:" + Integer.toHexString(0x1000 + catalogue.nextInt(0xE000)) + ":"
                    + Integer.toHexString(catalogue.nextInt(0x10000)) + "::").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A public-looking {@code a.b.c.} prefix, avoiding private, shared, loopback, multicast and documentation space. */
    private static byte[] randomPrefix(SeededRandom r) {
        int a;
        do {
            a = r.between(2, 223);
        } while (a == 10 || a == 100 || a == 127 || a == 169 || a == 172 || a == 192 || a == 198 || a == 203);
        return (a + "." + r.between(1, 254) + "." + r.between(0, 255) + ".").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes an ordinary visitor's address into {@code out} (cleared first). */
    void client(LineBuffer out, SeededRandom rng) {
        out.clear();
        if (rng.chance(IPV6_SHARE)) {
            out.append(ipv6Prefixes[rng.nextInt(ipv6Prefixes.length)]).appendHex(rng.nextInt(0x10000), 4);
            return;
        }
        out.append(prefixes[networkTable.pick(rng)]);
        host(out, rng);
    }

    /** Writes an address in the crawler's own network. */
    void crawler(UserAgent agent, LineBuffer out, SeededRandom rng) {
        out.clear();
        switch (agent) {
            case GOOGLEBOT, GOOGLEBOT_SMARTPHONE -> out.append("66.249.66.");
            case BINGBOT -> out.append("40.77.167.");
            case YANDEXBOT -> out.append("5.255.231.");
            case APPLEBOT -> out.append("17.241.219.");
            case GPTBOT -> out.append("20.171.207.");
            default -> out.append(prefixes[NETWORKS - 1 - agent.ordinal() % 8]);
        }
        out.appendLong(rng.between(1, 254));
    }

    /** The /24 kept for the {@code index}-th flash crowd ({@code a.b.c.}). */
    byte[] crowdNetwork(int index) {
        return reserved[index % (RESERVED_NETWORKS - 1)];
    }

    /** The one address that fires the spike. */
    void spikeClient(LineBuffer out) {
        out.set(reserved[RESERVED_NETWORKS - 1]);
        out.appendLong(77);
    }

    /** Writes an address in {@code prefix} ({@code a.b.c.}). */
    void inNetwork(byte[] prefix, LineBuffer out, SeededRandom rng) {
        out.set(prefix);
        host(out, rng);
    }

    private static void host(LineBuffer out, SeededRandom rng) {
        // some hosts (NAT gateways, proxies) are much busier than others
        out.appendLong(rng.chance(0.3) ? rng.zipf(254) : rng.between(1, 254));
    }

    /** Writes {@code $http_x_forwarded_for}: {@code -} for most clients, else one or two addresses. */
    void forwardedFor(LineBuffer out, SeededRandom rng) {
        out.clear();
        if (!rng.chance(FORWARDED_SHARE)) {
            out.append('-');
            return;
        }
        out.append(prefixes[networkTable.pick(rng)]);
        host(out, rng);
        if (rng.chance(0.4)) {
            out.append(", 10.").appendLong(rng.nextInt(256)).append('.').appendLong(rng.nextInt(256)).append('.')
                    .appendLong(rng.between(1, 254));
        }
    }
}
