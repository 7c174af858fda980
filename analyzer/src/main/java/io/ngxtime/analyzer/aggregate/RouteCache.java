package io.ngxtime.analyzer.aggregate;

/**
 * The route of recent paths: paths repeat, and a route costs a split and a rebuild. Direct-mapped by
 * the path's hash ({@value #SLOTS} slots): a new path replaces only the one in its slot, so a flood of
 * distinct paths never empties the cache of the frequent ones. Bounded; single-writer.
 */
final class RouteCache {
    static final int SLOTS = 1 << 14;
    private final String[] paths = new String[SLOTS];
    private final String[] routes = new String[SLOTS];

    String routeOf(String path) {
        if (path == null) {
            return Routes.INVALID;
        }
        int h = path.hashCode();
        int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
        String p = paths[slot];
        if (p == path || (p != null && p.equals(path))) {
            return routes[slot];
        }
        String route = Routes.of(path);
        paths[slot] = path;
        routes[slot] = route;
        return route;
    }
}
