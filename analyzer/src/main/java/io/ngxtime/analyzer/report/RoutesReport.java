package io.ngxtime.analyzer.report;

import java.util.List;

/** Routes, raw paths and clients, heaviest first; each list says whether its counts are approximate. */
public record RoutesReport(List<RouteReport> routes, boolean routesApproximate, List<Ranked> paths,
                           boolean pathsApproximate, List<Ranked> clients, boolean clientsApproximate) {
    public static RoutesReport empty() {
        return new RoutesReport(List.of(), false, List.of(), false, List.of(), false);
    }
}
