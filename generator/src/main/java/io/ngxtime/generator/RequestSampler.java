package io.ngxtime.generator;

import io.ngxtime.grammar.CacheStatus;
import java.nio.charset.StandardCharsets;

/**
 * Makes up requests: who sends them, what they ask for, who answers, what goes wrong and how long it
 * all takes. Every value is drawn from the {@link SeededRandom} passed in, so one sampler can serve
 * several independent streams. Immutable apart from a scratch buffer; not thread-safe.
 *
 * <p>Timing model, per upstream attempt (microseconds inside, whole milliseconds logged as nginx does):
 * connect 0.3-2 ms; header (time to first byte, counted from the attempt's start) = connect + a log-normal
 * around the route's median, times 3 on the slow server and times the queueing factor during a flash
 * crowd, times the {@link SaturationModel}'s slowdown on a saturating backend; response = header + transfer
 * at LAN speed. Failed first attempts (about 1%) are retried on
 * another server of group A. The request's time is the attempts' response times plus nginx's own time
 * (sub-millisecond, plus the client's download of bodies over 64 KB, plus a few clients that take
 * seconds). Because nginx's clocks tick in milliseconds, now and then the logged upstream sum exceeds
 * {@code $request_time} by 0.001 s.
 */
final class RequestSampler {
    static final String PARTNER_REFERER = "https://partner.example/deal";

    private static final byte[] GET = ascii("GET");
    private static final byte[] POST = ascii("POST");
    private static final byte[] HEAD = ascii("HEAD");
    private static final byte[] PUT = ascii("PUT");
    private static final byte[] HTTP_1_0 = ascii("HTTP/1.0");
    private static final byte[] HTTP_1_1 = ascii("HTTP/1.1");
    private static final byte[] HTTP_2 = ascii("HTTP/2.0");
    private static final byte[] HOST = ascii("shop.example.com");
    private static final byte[] WWW_HOST = ascii("www.shop.example.com");
    private static final byte[] SITE = ascii("https://shop.example.com");
    private static final byte[] DASH = ascii("-");
    private static final byte[] GOOGLE = ascii("https://www.google.com/");
    private static final byte[] OPS_USER = ascii("ops");
    private static final byte[] PARTNER = ascii(PARTNER_REFERER);
    private static final byte[] TLS_CLIENT_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xFC, 0x03, 0x03};
    private static final byte[] QUOTED_AGENT = utf8("ShopApp/5.12.1 (iPhone; iOS 18.0; Scale/3.00; Device \"Jürgen's iPhone\")");
    private static final byte[] UNQUOTED_AGENT = utf8("ShopApp/5.12.1 (iPhone; iOS 18.0; Scale/3.00; Device Jürgen's iPhone)");
    private static final byte[] ENCODED_SPACE_SEARCH = ascii("/search?q=running%20shoes");

    private static final String[] JS_HASHES = {"3f9a1c2e", "8b41d07a", "c2e95f13"};
    private static final long[] JS_BYTES = {284_113, 291_587, 287_902};
    private static final String[] CSS_HASHES = {"5d0e77b9", "a19c3e40"};
    private static final long[] CSS_BYTES = {48_210, 49_032};
    private static final String[] PROBES = {"/wp-login.php", "/.env", "/xmlrpc.php", "/.git/config", "/phpmyadmin/",
        "/wp-admin/setup-config.php", "/cgi-bin/luci", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"};
    private static final String[] REDIRECTS = {"/shop", "/index.html", "/products", "/home"};
    private static final String[] SEARCH_TERMS = {"shoes", "red+shoes", "usb-c+cable", "laptop+bag", "headphones",
        "wireless+mouse", "coffee", "tent", "rain+jacket", "gift+card", "kids+bike", "standing+desk", "monitor",
        "yoga+mat", "backpack", "water+bottle", "phone+case", "sale"};

    /** nginx's own error pages, in bytes. */
    private static final long PAGE_400 = 157;
    private static final long PAGE_404 = 153;
    private static final long PAGE_502 = 157;
    private static final long PAGE_504 = 167;
    private static final long PAGE_301 = 169;

    /** proxy_read_timeout of the simulated configuration, in microseconds. */
    private static final long READ_TIMEOUT_MICROS = 5_000_000;
    /** Bytes the kernel's socket buffer takes at once: smaller bodies cost the client no time in nginx. */
    private static final long SOCKET_BUFFER_BYTES = 65_536;

    private final ClientPool clients = new ClientPool();
    private final WeightedTable<UserAgent> agents = UserAgent.table();
    private final WeightedTable<UserAgent> mobileBrowsers = UserAgent.mobileBrowsers();
    private final WeightedTable<byte[]> searchReferers;
    private final WeightedTable<CacheStatus> cacheStatuses;
    private final byte[][] jsPaths = new byte[JS_HASHES.length][];
    private final byte[][] cssPaths = new byte[CSS_HASHES.length][];

    /** Attempt times of the request being made, in microseconds. */
    private long upstreamMicros;
    private final SaturationModel saturation;

    RequestSampler() {
        this(java.util.Optional.empty());
    }

    /** A sampler whose {@code saturating} backend (if any) slows down above its knee. */
    RequestSampler(java.util.Optional<SaturatingBackend> saturating) {
        saturation = SaturationModel.of(saturating);
        searchReferers = WeightedTable.<byte[]>builder()
                .add(ascii("-"), 40)
                .add(ascii("https://www.google.com/"), 33)
                .add(ascii("https://www.bing.com/"), 5)
                .add(ascii("https://duckduckgo.com/"), 3)
                .add(ascii("https://www.facebook.com/"), 4)
                .add(ascii("https://t.co/"), 2)
                .add(ascii("https://news.example.org/best-deals-this-week"), 1)
                .add(ascii("https://shop.example.com/"), 12)
                .build();
        cacheStatuses = WeightedTable.<CacheStatus>builder()
                .add(CacheStatus.HIT, 78).add(CacheStatus.MISS, 10).add(CacheStatus.EXPIRED, 5)
                .add(CacheStatus.STALE, 2).add(CacheStatus.UPDATING, 3).add(CacheStatus.REVALIDATED, 2)
                .build();
        for (int i = 0; i < JS_HASHES.length; i++) {
            jsPaths[i] = ascii("/static/app." + JS_HASHES[i] + ".js");
        }
        for (int i = 0; i < CSS_HASHES.length; i++) {
            cssPaths[i] = ascii("/static/app." + CSS_HASHES[i] + ".css");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ entry points

    /**
     * Fills {@code r} with a request logged at {@code timeMillis}.
     *
     * @param load  the rate multiplier of a flash crowd at this time (1 outside crowds): the share of
     *              crowd requests, the queueing delay and the error rates grow with it
     * @param crowd the flash crowd in progress, or null
     * @param spike whether the request belongs to the spike
     */
    void sample(GeneratedRequest r, SeededRandom rng, long timeMillis, double load, CrowdPlan crowd, boolean spike) {
        saturation.now(timeMillis);
        start(r, rng, timeMillis);
        if (spike) {
            spikeClient(r);
        } else if (crowd != null && rng.nextDouble() * load >= 1.0) {
            crowdClient(r, rng, crowd);
        } else {
            ordinaryClient(r, rng);
        }
        serve(r, rng, load);
    }

    /** Fills {@code r} with one of the odd but valid requests. */
    void sampleOdd(GeneratedRequest r, SeededRandom rng, long timeMillis, OddLine odd, boolean quotesAllowed) {
        saturation.now(timeMillis);
        start(r, rng, timeMillis);
        switch (odd) {
            case EMPTY_REQUEST, TLS_HANDSHAKE -> {
                r.clientKind = ClientKind.SCANNER;
                clients.client(r.clientAddress, rng);
                r.hasRawRequest = true;
                r.route = Route.PROBE;
                r.status = 400;
                if (odd == OddLine.EMPTY_REQUEST) {
                    r.requestTimeMillis = rng.between(0, 60);
                } else {
                    r.rawRequest.set(TLS_CLIENT_HELLO);
                    r.bodyBytesSent = PAGE_400;
                    r.bytesSent = PAGE_400 + 150;
                    r.requestLength = 517;
                    r.requestTimeMillis = rng.between(0, 3);
                }
            }
            case QUOTED_USER_AGENT -> {
                r.clientKind = ClientKind.APP;
                clients.client(r.clientAddress, rng);
                r.protocol.set(HTTP_2);
                route(r, rng, rng.chance(0.5) ? Route.PRODUCT_API : Route.CONFIG);
                serve(r, rng, 1.0);
                r.userAgent.set(quotesAllowed ? QUOTED_AGENT : UNQUOTED_AGENT);
            }
            case ENCODED_SPACE_PATH -> {
                r.clientKind = ClientKind.BROWSER;
                r.userAgent.set(UserAgent.FIREFOX_WINDOWS.bytes());
                clients.client(r.clientAddress, rng);
                r.protocol.set(HTTP_1_1);
                route(r, rng, Route.SEARCH);
                r.target.set(ENCODED_SPACE_SEARCH);
                serve(r, rng, 1.0);
            }
            default -> throw new AssertionError(odd);
        }
        r.odd = odd;
    }

    private void start(GeneratedRequest r, SeededRandom rng, long timeMillis) {
        r.reset(timeMillis);
        r.requestIdHigh = rng.nextLong();
        r.requestIdLow = rng.nextLong();
        r.host.set(rng.chance(0.02) ? WWW_HOST : HOST);
    }

    // ------------------------------------------------------------------ clients

    private void ordinaryClient(GeneratedRequest r, SeededRandom rng) {
        UserAgent agent = agents.pick(rng);
        ClientKind kind = agent.kind();
        r.clientKind = kind;
        r.userAgent.set(agent.bytes());
        if (kind == ClientKind.CRAWLER) {
            clients.crawler(agent, r.clientAddress, rng);
        } else {
            clients.client(r.clientAddress, rng);
        }
        if (kind == ClientKind.BROWSER || kind == ClientKind.APP) {
            clients.forwardedFor(r.forwardedFor, rng);
        }
        byte[] protocol = switch (kind) {
            case BROWSER -> rng.chance(0.45) ? HTTP_2 : HTTP_1_1;
            case APP -> HTTP_2;
            case CRAWLER -> rng.chance(0.2) ? HTTP_2 : HTTP_1_1;
            case SCANNER -> rng.chance(0.5) ? HTTP_1_0 : HTTP_1_1;
            default -> HTTP_1_1;
        };
        r.protocol.set(protocol);
        route(r, rng, Route.tableFor(kind).pick(rng));
    }

    private void crowdClient(GeneratedRequest r, SeededRandom rng, CrowdPlan crowd) {
        r.crowdIndex = crowd.index();
        r.clientKind = ClientKind.BROWSER;
        r.userAgent.set(mobileBrowsers.pick(rng).bytes());
        clients.inNetwork(clients.crowdNetwork(crowd.index()), r.clientAddress, rng);
        r.protocol.set(rng.chance(0.7) ? HTTP_2 : HTTP_1_1);
        double u = rng.nextDouble();
        if (u < 0.72) {
            r.route = Route.PROMO;
            r.method.set(GET);
            r.target.append("/promo/").appendLong(crowd.promoId());
            r.referer.set(PARTNER);
            return;
        }
        Route route = u < 0.80 ? Route.STATIC_JS : u < 0.84 ? Route.STATIC_CSS : u < 0.93 ? Route.IMAGE
                : u < 0.97 ? Route.PRODUCT_API : Route.CART;
        route(r, rng, route);
        r.referer.clear();
        r.referer.append(SITE).append("/promo/").appendLong(crowd.promoId());
    }

    private void spikeClient(GeneratedRequest r) {
        r.spike = true;
        r.clientKind = ClientKind.TOOL;
        r.userAgent.set(UserAgent.PYTHON_REQUESTS.bytes());
        clients.spikeClient(r.clientAddress);
        r.protocol.set(HTTP_1_1);
        r.route = Route.CATALOG;
        r.method.set(GET);
        r.target.append("/api/catalog");
    }

    // ------------------------------------------------------------------ routes

    /** Writes method, target and referer for {@code route}. */
    private void route(GeneratedRequest r, SeededRandom rng, Route route) {
        r.route = route;
        byte[] method = GET;
        LineBuffer t = r.target;
        switch (route) {
            case HOME -> {
                t.append('/');
                if (rng.chance(0.02)) {
                    method = HEAD;
                }
            }
            case PRODUCT_PAGE -> t.append("/products/").appendLong(rng.zipf(5000));
            case SEARCH -> t.append("/search?q=").append(SEARCH_TERMS[rng.nextInt(SEARCH_TERMS.length)]);
            case PROMO -> t.append("/promo/").appendLong(rng.between(4000, 4999));
            case STATIC_JS -> t.append(jsPaths[rng.nextInt(jsPaths.length)]);
            case STATIC_CSS -> t.append(cssPaths[rng.nextInt(cssPaths.length)]);
            case IMAGE -> t.append("/img/").appendLong(rng.chance(0.02) ? rng.between(401, 999) : rng.zipf(400))
                    .append(".png");
            case FAVICON -> t.append("/favicon.ico");
            case ROBOTS -> t.append("/robots.txt");
            case SITEMAP -> t.append("/sitemap.xml");
            case HEALTH -> t.append("/healthz");
            case REDIRECT -> t.append(REDIRECTS[rng.nextInt(REDIRECTS.length)]);
            case PROBE -> {
                t.append(PROBES[rng.nextInt(PROBES.length)]);
                if (rng.chance(0.2)) {
                    method = POST;
                }
            }
            case CATALOG -> {
                t.append("/api/catalog");
                if (rng.chance(0.2)) {
                    t.append("?page=").appendLong(rng.between(2, 9));
                }
            }
            case PRODUCT_API -> t.append("/api/products/").appendLong(rng.zipf(5000));
            case CONFIG -> t.append("/api/config");
            case CATEGORIES -> t.append("/api/categories");
            case USER -> {
                t.append("/api/users/").appendLong(rng.between(1000, 99_999));
                if (rng.chance(0.15)) {
                    method = PUT;
                }
            }
            case ORDER -> {
                t.append("/api/orders/");
                uuid(t, rng);
            }
            case ORDER_CREATE -> {
                t.append("/api/orders");
                method = POST;
            }
            case CART -> {
                t.append("/api/cart");
                if (rng.chance(0.45)) {
                    method = POST;
                }
            }
            case LOGIN -> {
                t.append("/login");
                method = POST;
            }
            case ADMIN -> {
                t.append("/admin/reports?from=2026-10-01&format=csv");
                r.remoteUser.set(OPS_USER);
            }
            case VIDEO -> t.append("/videos/").appendLong(rng.between(100, 180));
            default -> throw new AssertionError(route);
        }
        r.method.set(method);
        referer(r, rng, route);
    }

    private void referer(GeneratedRequest r, SeededRandom rng, Route route) {
        if (r.clientKind != ClientKind.BROWSER) {
            return; // stays "-"
        }
        switch (route) {
            case HOME, PRODUCT_PAGE, SEARCH, PROMO -> r.referer.set(searchReferers.pick(rng));
            case REDIRECT -> r.referer.set(rng.chance(0.5) ? DASH : GOOGLE);
            default -> {
                LineBuffer ref = r.referer;
                ref.clear();
                ref.append(SITE);
                double u = rng.nextDouble();
                if (u < 0.4) {
                    ref.append('/');
                } else if (u < 0.8) {
                    ref.append("/products/").appendLong(rng.zipf(5000));
                } else if (u < 0.9) {
                    ref.append("/cart");
                } else {
                    ref.append("/search?q=").append(SEARCH_TERMS[rng.nextInt(SEARCH_TERMS.length)]);
                }
            }
        }
    }

    private static void uuid(LineBuffer t, SeededRandom rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant
        t.appendHex(hi >>> 32, 8).append('-').appendHex(hi >>> 16, 4).append('-').appendHex(hi, 4).append('-')
                .appendHex(lo >>> 48, 4).append('-').appendHex(lo, 12);
    }

    // ------------------------------------------------------------------ answering

    private void serve(GeneratedRequest r, SeededRandom rng, double load) {
        upstreamMicros = 0;
        switch (r.route.handling()) {
            case NGINX -> byNginx(r, rng);
            case CACHE -> byCache(r, rng, load);
            case APP -> byApp(r, rng, load);
            case MEDIA -> byMedia(r, rng, load);
            default -> throw new AssertionError(r.route);
        }
        boolean head = r.method.contentEquals(HEAD);
        if (head) {
            r.bodyBytesSent = 0;
        }
        r.bytesSent = r.status == 499 ? 0 : r.bodyBytesSent + headerBytes(r.status, rng);
        r.requestLength = requestLength(r, rng);
        finishTimes(r, rng);
    }

    private static long headerBytes(int status, SeededRandom rng) {
        if (status == 200 || status == 201 || status == 206) {
            return 260 + rng.nextInt(160);
        }
        if (status == 304) {
            return 180 + rng.nextInt(40);
        }
        return 160 + rng.nextInt(60);
    }

    private static long requestLength(GeneratedRequest r, SeededRandom rng) {
        long n = switch (r.clientKind) {
            case BROWSER -> rng.between(420, 1400);
            case APP -> rng.between(250, 600);
            default -> rng.between(90, 260);
        };
        if (r.method.contentEquals(POST) || r.method.contentEquals(PUT)) {
            n += rng.between(120, 2400);
        }
        return n;
    }

    private static void byNginx(GeneratedRequest r, SeededRandom rng) {
        switch (r.route) {
            case STATIC_JS, STATIC_CSS -> {
                if (rng.chance(0.18)) {
                    notModified(r);
                } else {
                    int i = indexOfHash(r);
                    r.status = 200;
                    r.bodyBytesSent = r.route == Route.STATIC_JS ? JS_BYTES[i % JS_BYTES.length] : CSS_BYTES[i % CSS_BYTES.length];
                }
            }
            case IMAGE -> {
                long n = imageNumber(r.target);
                if (n > 400) {
                    r.status = 404;
                    r.bodyBytesSent = PAGE_404;
                } else if (rng.chance(0.12)) {
                    notModified(r);
                } else {
                    r.status = 200;
                    r.bodyBytesSent = 4_000 + (n * 2_654_435_761L) % 180_000;
                }
            }
            case FAVICON -> {
                if (rng.chance(0.3)) {
                    notModified(r);
                } else {
                    r.status = 200;
                    r.bodyBytesSent = 15_086;
                }
            }
            case ROBOTS -> {
                r.status = 200;
                r.bodyBytesSent = 67;
            }
            case SITEMAP -> {
                r.status = 200;
                r.bodyBytesSent = 48_211;
            }
            case HEALTH -> {
                r.status = 200;
                r.bodyBytesSent = 2;
            }
            case REDIRECT -> {
                r.status = 301;
                r.bodyBytesSent = PAGE_301;
            }
            case PROBE -> {
                r.status = 404;
                r.bodyBytesSent = PAGE_404;
            }
            default -> throw new AssertionError(r.route);
        }
    }

    private static int indexOfHash(GeneratedRequest r) {
        // "/static/app.<hash>": the hash's first character tells the versions apart
        byte c = r.target.byteAt(12);
        String[] hashes = r.route == Route.STATIC_JS ? JS_HASHES : CSS_HASHES;
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i].charAt(0) == c) {
                return i;
            }
        }
        return 0;
    }

    private static long imageNumber(LineBuffer target) {
        long n = 0;
        for (int i = "/img/".length(); i < target.length(); i++) {
            byte c = target.byteAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static void notModified(GeneratedRequest r) {
        r.status = 304;
        r.bodyBytesSent = 0;
    }

    private void byCache(GeneratedRequest r, SeededRandom rng, double load) {
        r.upstreamName = Upstreams.APP_GROUP_NAME;
        CacheStatus cs = r.spike ? (rng.chance(0.97) ? CacheStatus.HIT : CacheStatus.UPDATING) : cacheStatuses.pick(rng);
        r.cacheStatus = cs;
        long size = r.route == Route.CATALOG ? 52_318 + 37L * (r.target.length() - "/api/catalog".length())
                : 1_800 + (lastNumber(r.target) * 7_919) % 3_000;
        if (cs.servedFromCache()) {
            if (rng.chance(0.05)) {
                notModified(r);
            } else {
                r.status = 200;
                r.bodyBytesSent = size;
            }
            return;
        }
        boolean missing = r.route == Route.PRODUCT_API && rng.chance(0.015);
        proxy(r, rng, load, missing ? 404 : 200, missing ? 48 : size, true);
    }

    private static long lastNumber(LineBuffer t) {
        long n = 0;
        long scale = 1;
        for (int i = t.length() - 1; i >= 0; i--) {
            byte c = t.byteAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            n += (c - '0') * scale;
            scale *= 10;
        }
        return n;
    }

    private void byApp(GeneratedRequest r, SeededRandom rng, double load) {
        r.upstreamName = Upstreams.APP_GROUP_NAME;
        boolean get = r.method.contentEquals(GET) || r.method.contentEquals(HEAD);
        int status = 200;
        long body;
        switch (r.route) {
            case HOME -> body = 24_500 + rng.nextInt(600);
            case PRODUCT_PAGE -> {
                if (rng.chance(0.03)) {
                    status = 404;
                    body = 5_120;
                } else {
                    body = 31_000 + (lastNumber(r.target) * 131) % 9_000;
                }
            }
            case SEARCH -> body = (long) rng.logNormal(18_000, 0.5);
            case PROMO -> body = 38_412;
            case CONFIG -> body = 1_274;
            case CATEGORIES -> body = 8_862;
            case USER -> {
                double u = rng.nextDouble();
                if (get) {
                    status = u < 0.90 ? 200 : u < 0.96 ? 404 : 401;
                } else {
                    status = u < 0.93 ? 200 : 400;
                }
                body = status == 200 ? rng.between(500, 900) : 48 + rng.nextInt(80);
            }
            case ORDER -> {
                status = rng.chance(0.92) ? 200 : 404;
                body = status == 200 ? rng.between(1_200, 4_000) : 48;
            }
            case ORDER_CREATE -> {
                double u = rng.nextDouble();
                status = u < 0.93 ? 201 : u < 0.97 ? 400 : 409;
                body = status == 201 ? 850 + rng.nextInt(200) : 96 + rng.nextInt(60);
            }
            case CART -> {
                if (get) {
                    body = rng.between(400, 2_000);
                } else {
                    status = rng.chance(0.95) ? 200 : 400;
                    body = rng.between(300, 900);
                }
            }
            case LOGIN -> {
                double u = rng.nextDouble();
                status = u < 0.72 ? 302 : u < 0.97 ? 401 : 429;
                body = status == 302 ? 0 : 38 + rng.nextInt(20);
            }
            case ADMIN -> body = rng.between(120_000, 400_000);
            default -> throw new AssertionError(r.route);
        }
        boolean alwaysOk = r.route == Route.CONFIG || r.route == Route.CATEGORIES;
        if (!alwaysOk && rng.chance(0.003)) {
            status = 500;
            body = 92;
        }
        proxy(r, rng, load, status, body, get || r.method.contentEquals(PUT));
    }

    private void byMedia(GeneratedRequest r, SeededRandom rng, double load) {
        // group A checks access and answers with X-Accel-Redirect; nginx then asks group B for the file
        int app = rng.nextInt(Upstreams.GROUP_A_SIZE);
        long header = attemptHeader(rng, app, Route.VIDEO.headerMedianMillis(), 1.0);
        long connect = lastConnectMicros;
        long response = header + rng.between(50, 400);
        addAttempt(r, app, 0, 200, connect, header, response, 0);

        boolean partial = rng.chance(0.3);
        long length = partial ? rng.between(1_048_576, 4_194_304) : rng.between(2_000_000, 40_000_000);
        long mediaHeader = attemptHeader(rng, Upstreams.MEDIA, 25, 1.0);
        long mediaConnect = lastConnectMicros;
        long mediaResponse = mediaHeader + length / 400 + rng.between(50, 800);
        int status = partial ? 206 : 200;
        addAttempt(r, Upstreams.MEDIA, 1, status, mediaConnect, mediaHeader, mediaResponse, length);
        r.upstreamName = Upstreams.MEDIA_GROUP_NAME;
        r.status = status;
        r.bodyBytesSent = length;
    }

    // ------------------------------------------------------------------ upstream attempts

    private enum Failure {
        /** Connection refused: 502, no connect or header time. */
        REFUSED(502),
        /** proxy_read_timeout: 504, no header time. */
        TIMEOUT(504),
        /** The application answered 502 itself. */
        BAD_GATEWAY(502);

        final int status;

        Failure(int status) {
            this.status = status;
        }
    }

    private long lastConnectMicros;

    private static double queueFactor(double load) {
        return load <= 1.0 ? 1.0 : 1.0 + 0.35 * StrictMath.pow(load - 1.0, 1.3);
    }

    private static Failure failure(SeededRandom rng, double load) {
        double u = rng.nextDouble();
        if (load > 1.5) {
            return u < 0.30 ? Failure.REFUSED : u < 0.85 ? Failure.TIMEOUT : Failure.BAD_GATEWAY;
        }
        return u < 0.60 ? Failure.REFUSED : u < 0.85 ? Failure.TIMEOUT : Failure.BAD_GATEWAY;
    }

    /** Draws connect and header times of an attempt; returns the header time, leaves connect in {@link #lastConnectMicros}. */
    private long attemptHeader(SeededRandom rng, int server, double medianMillis, double queueFactor) {
        long connect = rng.between(300, 2_000);
        lastConnectMicros = connect;
        double wait = rng.logNormal(medianMillis * Upstreams.slowdown(server) * queueFactor * saturation.slowdown(server), 0.55);
        return connect + (long) (wait * 1000);
    }

    /** Proxies to group A: one attempt, or two when the first fails and may be retried. */
    private void proxy(GeneratedRequest r, SeededRandom rng, double load, int okStatus, long body, boolean idempotent) {
        double queue = queueFactor(load);
        int server = rng.nextInt(Upstreams.GROUP_A_SIZE);
        double failRate = 0.01 + 0.006 * (load - 1.0);
        if (rng.chance(failRate)) {
            Failure first = failure(rng, load);
            failedAttempt(r, rng, server, first, queue);
            if (first != Failure.REFUSED && !idempotent) {
                finalFailure(r, first);
                return;
            }
            server = (server + 1 + rng.nextInt(Upstreams.GROUP_A_SIZE - 1)) % Upstreams.GROUP_A_SIZE;
            if (rng.chance(0.05 + 0.03 * (load - 1.0))) {
                Failure second = failure(rng, load);
                failedAttempt(r, rng, server, second, queue);
                finalFailure(r, second);
                return;
            }
        }
        long header = attemptHeader(rng, server, r.route.headerMedianMillis(), queue);
        long connect = lastConnectMicros;
        if (rng.chance(0.001 + 0.004 * (load - 1.0))) {
            // the client gave up waiting: nginx logs 499 and the attempt has no status or header time
            long waited = Math.max(connect + 1_000, (long) (rng.logNormal(2_500, 0.6) * 1000));
            addAttempt(r, server, 0, -1, connect, -1, waited, 0);
            r.status = 499;
            r.bodyBytesSent = 0;
            return;
        }
        long response = header + body / 150 + rng.between(50, 800);
        addAttempt(r, server, 0, okStatus, connect, header, response, body);
        r.status = okStatus;
        r.bodyBytesSent = body;
    }

    private void failedAttempt(GeneratedRequest r, SeededRandom rng, int server, Failure f, double queue) {
        switch (f) {
            case REFUSED -> addAttempt(r, server, 0, 502, -1, -1, rng.between(100, 1_500), 0);
            case TIMEOUT -> {
                long connect = rng.between(300, 2_000);
                addAttempt(r, server, 0, 504, connect, -1, connect + READ_TIMEOUT_MICROS + rng.between(0, 3_000), 0);
            }
            case BAD_GATEWAY -> {
                long header = attemptHeader(rng, server, 5, queue);
                addAttempt(r, server, 0, 502, lastConnectMicros, header, header + rng.between(50, 300), 150);
            }
            default -> throw new AssertionError(f);
        }
    }

    private static void finalFailure(GeneratedRequest r, Failure f) {
        r.status = f.status;
        r.bodyBytesSent = f.status == 504 ? PAGE_504 : PAGE_502;
    }

    /** Records an attempt; times in microseconds ({@code -1} for "-"), logged in whole milliseconds. */
    private void addAttempt(GeneratedRequest r, int server, int group, int status, long connectMicros,
                            long headerMicros, long responseMicros, long length) {
        upstreamMicros += responseMicros;
        saturation.attempt(server);
        r.addAttempt(server, group, status, connectMicros < 0 ? -1 : connectMicros / 1000,
                headerMicros < 0 ? -1 : headerMicros / 1000, responseMicros / 1000, length);
    }

    /** nginx's own time and the request's total, with the millisecond clocks' rounding. */
    private void finishTimes(GeneratedRequest r, SeededRandom rng) {
        if (r.status == 499) {
            r.requestTimeMillis = (upstreamMicros + rng.between(0, 500)) / 1000;
            return;
        }
        double nginxMicros = rng.exponential() * 250;
        long unbuffered = r.bodyBytesSent - SOCKET_BUFFER_BYTES;
        if (unbuffered > 0) {
            double bytesPerMicro = rng.logNormal(2.5, 0.8); // about 2.5 MB/s
            nginxMicros += unbuffered / bytesPerMicro;
        }
        if (rng.chance(0.003)) {
            nginxMicros += rng.logNormal(2_000, 0.7) * 1000; // a client on a bad connection
        }
        long total = (upstreamMicros + (long) nginxMicros) / 1000;
        if (r.attemptCount > 0) {
            long loggedSum = r.upstreamMillis();
            // request_time and the upstream times come from different millisecond clocks; when nginx's
            // own share rounds to nothing, the request sometimes looks 1 ms shorter than its attempts
            if (total == loggedSum && loggedSum > 0 && rng.chance(0.02)) {
                total = loggedSum - 1;
            }
        }
        r.requestTimeMillis = total;
    }
}
