package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.SymbolTable;

/**
 * Requests grouped by route ({@link Routes}), and the raw paths and client addresses behind them, each
 * in bounded top-K sketches (exact until they hold more distinct keys than their capacity, then marked
 * approximate).
 */
public final class RouteAggregator implements Aggregator<RouteAggregator>, java.io.Serializable {
    public static final int MAX_ROUTES = 2000;
    public static final int MAX_PATHS = 1000;
    public static final int MAX_CLIENTS = 1000;

    private final TopK<RouteStats> routes = new TopK<>(MAX_ROUTES, RouteStats::new, RouteStats::merge);
    private final TopK<Void> paths = TopK.counts(MAX_PATHS);
    private final TopK<Void> clients = TopK.counts(MAX_CLIENTS);

    private final DerivedStrings pathRoutes = DerivedStrings.routes();

    @Override
    public void add(Request r) {
        SymbolTable table = r.symbols();
        int path = r.pathSymbol();
        if (path > 0) {
            routes.add(table, path, pathRoutes).add(r);
            paths.add(table, path, null);
        } else {
            routes.add(pathRoutes.of(r.path())).add(r);
            paths.add(r.path() == null ? Routes.INVALID : r.path());
        }
        int client = r.remoteAddrSymbol();
        if (client > 0) {
            clients.add(table, client, null);
        } else {
            clients.add(r.remoteAddr());
        }
    }

    @Override
    public void merge(RouteAggregator o) {
        routes.merge(o.routes);
        paths.merge(o.paths);
        clients.merge(o.clients);
    }

    public TopK<RouteStats> routes() {
        return routes;
    }

    public TopK<Void> paths() {
        return paths;
    }

    public TopK<Void> clients() {
        return clients;
    }
}
