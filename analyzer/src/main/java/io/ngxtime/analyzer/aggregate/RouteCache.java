package io.ngxtime.analyzer.aggregate;

import java.util.HashMap;

/** The route of recent paths: paths repeat, and a route costs a split and a rebuild. Emptied when full. */
final class RouteCache {
    static final int MAX = 4096;
    private final HashMap<String, String> routes = new HashMap<>(2 * MAX);

    String routeOf(String path) {
        if (path == null) {
            return Routes.INVALID;
        }
        String route = routes.get(path);
        if (route == null) {
            route = Routes.of(path);
            if (routes.size() >= MAX) {
                routes.clear();
            }
            routes.put(path, route);
        }
        return route;
    }
}
