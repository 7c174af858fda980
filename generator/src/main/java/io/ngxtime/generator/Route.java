package io.ngxtime.generator;

import java.util.EnumMap;
import java.util.Map;

/**
 * The site's URL space: what each route looks like, who answers it, and how long the application takes
 * to start answering. Shares per kind of client are in {@link #tableFor(ClientKind)}.
 */
enum Route {
    HOME("/", Handling.APP, 45),
    PRODUCT_PAGE("/products/<id>", Handling.APP, 35),
    SEARCH("/search?q=<terms>", Handling.APP, 85),
    PROMO("/promo/<id>", Handling.APP, 30),
    STATIC_JS("/static/app.<hash>.js", Handling.NGINX, 0),
    STATIC_CSS("/static/app.<hash>.css", Handling.NGINX, 0),
    IMAGE("/img/<n>.png", Handling.NGINX, 0),
    FAVICON("/favicon.ico", Handling.NGINX, 0),
    ROBOTS("/robots.txt", Handling.NGINX, 0),
    SITEMAP("/sitemap.xml", Handling.NGINX, 0),
    HEALTH("/healthz", Handling.NGINX, 0),
    REDIRECT("/shop (301 to /)", Handling.NGINX, 0),
    PROBE("/wp-login.php, /.env, ... (404)", Handling.NGINX, 0),
    CATALOG("/api/catalog", Handling.CACHE, 90),
    PRODUCT_API("/api/products/<id>", Handling.CACHE, 25),
    CONFIG("/api/config (always 200, same size)", Handling.APP, 6),
    CATEGORIES("/api/categories (always 200, same size)", Handling.APP, 9),
    USER("/api/users/<id>", Handling.APP, 18),
    ORDER("/api/orders/<uuid>", Handling.APP, 30),
    ORDER_CREATE("POST /api/orders", Handling.APP, 120),
    CART("/api/cart", Handling.APP, 25),
    LOGIN("POST /login", Handling.APP, 160),
    ADMIN("/admin/reports (basic auth)", Handling.APP, 450),
    VIDEO("/videos/<id> (X-Accel-Redirect to the media group)", Handling.MEDIA, 12);

    /** Who answers a route. */
    enum Handling {
        /** nginx itself: files, redirects, errors, the health check. No upstream. */
        NGINX,
        /** nginx's proxy cache in front of application group A. */
        CACHE,
        /** Application group A. */
        APP,
        /** Group A, which answers with an internal redirect to media group B. */
        MEDIA
    }

    private final String pattern;
    private final Handling handling;
    private final double headerMedianMillis;

    Route(String pattern, Handling handling, double headerMedianMillis) {
        this.pattern = pattern;
        this.handling = handling;
        this.headerMedianMillis = headerMedianMillis;
    }

    /** What the route's paths look like, for documentation. */
    String pattern() {
        return pattern;
    }

    Handling handling() {
        return handling;
    }

    /** Median time to the application's first byte on a fast server with no load, in milliseconds. */
    double headerMedianMillis() {
        return headerMedianMillis;
    }

    private static final Map<ClientKind, WeightedTable<Route>> TABLES = new EnumMap<>(ClientKind.class);

    static {
        TABLES.put(ClientKind.BROWSER, WeightedTable.<Route>builder()
                .add(HOME, 5).add(PRODUCT_PAGE, 7).add(SEARCH, 4).add(PROMO, 0.3)
                .add(STATIC_JS, 9).add(STATIC_CSS, 6).add(IMAGE, 16).add(FAVICON, 2).add(REDIRECT, 1)
                .add(CATALOG, 6).add(PRODUCT_API, 10).add(CONFIG, 4).add(CATEGORIES, 2.5)
                .add(USER, 4).add(ORDER, 2).add(ORDER_CREATE, 0.8).add(CART, 2.5).add(LOGIN, 0.7)
                .add(VIDEO, 0.2).add(ADMIN, 0.05).build());
        TABLES.put(ClientKind.APP, WeightedTable.<Route>builder()
                .add(CATALOG, 8).add(PRODUCT_API, 14).add(CONFIG, 8).add(CATEGORIES, 4).add(USER, 5)
                .add(ORDER, 3).add(ORDER_CREATE, 1).add(CART, 3).add(LOGIN, 0.5).add(IMAGE, 6)
                .add(VIDEO, 0.25).build());
        TABLES.put(ClientKind.CRAWLER, WeightedTable.<Route>builder()
                .add(HOME, 2).add(PRODUCT_PAGE, 10).add(SEARCH, 1).add(ROBOTS, 1).add(SITEMAP, 0.5)
                .add(IMAGE, 2).add(PROMO, 0.2).build());
        TABLES.put(ClientKind.MONITOR, WeightedTable.<Route>builder().add(HEALTH, 1).build());
        TABLES.put(ClientKind.SCANNER, WeightedTable.<Route>builder().add(PROBE, 1).build());
        TABLES.put(ClientKind.TOOL, WeightedTable.<Route>builder()
                .add(CATALOG, 3).add(PRODUCT_API, 3).add(CONFIG, 2).add(HOME, 1).build());
    }

    /** The routes a kind of client asks for, with their shares. */
    static WeightedTable<Route> tableFor(ClientKind kind) {
        return TABLES.get(kind);
    }
}
