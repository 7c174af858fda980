package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.grammar.CacheStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random but realistic requests (all tiers, retries, internal redirects, absent values) for aggregator tests:
 * about 2.9 a second at random, and two bursts from a script (40 requests in one second a third of the way in,
 * 30 two thirds in), so that the log has peaks to find.
 */
final class SyntheticRequests {
    static final long START_MILLIS = 1_791_665_736_000L;
    static final String[] UPSTREAMS = {"10.0.1.1:8080", "10.0.1.2:8080", "10.0.1.3:8080", "10.0.2.1:8080"};

    private SyntheticRequests() {
    }

    static List<Request> make(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Request> out = new ArrayList<>();
        long t = START_MILLIS;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(0, 700);
            if (i == n / 3 || i == 2 * n / 3) {
                burst(out, t, i == n / 3 ? 40 : 30);
            }
            Request r = new Request();
            r.time(t, 3600);
            int kind = rnd.nextInt(10);
            String path = switch (rnd.nextInt(5)) {
                case 0 -> "/static/app.js";
                case 1 -> "/api/users/" + rnd.nextInt(50);
                case 2 -> "/api/catalog?page=" + rnd.nextInt(3);
                case 3 -> "/videos/" + rnd.nextInt(1000);
                default -> "/search";
            };
            r.request("GET", path, "HTTP/1.1", null);
            r.client("10.9." + rnd.nextInt(4) + "." + rnd.nextInt(200), rnd.nextInt(4) == 0 ? "https://partner.example/" : "-",
                    "agent-" + rnd.nextInt(3), null);
            r.bytesSent(rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(10_000));
            long rt = rnd.nextInt(20) == 0 ? -1 : rnd.nextLong(0, 2_000_000) / 1000 * 1000;
            r.requestTimeMicros(rt);
            if (kind < 2) {
                r.status(rnd.nextInt(3) == 0 ? 304 : 200);
            } else if (kind < 4) {
                r.status(200).cacheStatus(rnd.nextBoolean() ? CacheStatus.HIT : CacheStatus.STALE);
            } else {
                int attempts = rnd.nextInt(12) == 0 ? 2 : 1;
                boolean redirect = rnd.nextInt(15) == 0;
                int group = 0;
                for (int a = 0; a < attempts + (redirect ? 1 : 0); a++) {
                    if (redirect && a == attempts) {
                        group++;
                    }
                    boolean last = a == attempts - 1 + (redirect ? 1 : 0);
                    long c = rnd.nextInt(10) == 0 ? -1 : rnd.nextLong(0, 3000);
                    long resp = rnd.nextLong(1000, 900_000) / 1000 * 1000;
                    long h = rnd.nextInt(10) == 0 ? -1 : Math.max(0, resp - 1000);
                    int status = last ? (rnd.nextInt(20) == 0 ? 504 : 200) : (rnd.nextBoolean() ? 502 : -1);
                    r.addAttempt(UPSTREAMS[rnd.nextInt(UPSTREAMS.length)], status, c, h, resp, group);
                }
                r.status(r.attemptStatus(r.attemptCount() - 1) < 0 ? 502 : r.attemptStatus(r.attemptCount() - 1));
                r.cacheStatus(rnd.nextInt(3) == 0 ? CacheStatus.MISS : CacheStatus.NONE);
            }
            out.add(r);
        }
        return out;
    }

    /** {@code count} requests of a script in the second of {@code millis}. */
    private static void burst(List<Request> out, long millis, int count) {
        for (int k = 0; k < count; k++) {
            Request r = new Request();
            r.time(millis, 3600);
            r.request("GET", "/api/catalog", "HTTP/1.1", null);
            r.client("10.9.9.9", "-", "script/1.0", null);
            r.bytesSent(5000);
            r.requestTimeMicros(2000);
            r.status(200).cacheStatus(CacheStatus.HIT);
            out.add(r);
        }
    }
}
