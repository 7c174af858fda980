package io.ngxtime.cli;

import io.ngxtime.analyzer.aggregate.RequestFilter;
import picocli.CommandLine.Option;

/** Filters every part of a report honours. */
public final class FilterMixin {
    @Option(names = "--status", paramLabel = "CODES", description = "Only these statuses: codes, classes or ranges (502,504 or 5xx or 500-504).")
    String status;

    @Option(names = "--path", paramLabel = "PREFIX|GLOB", description = "Only paths with this prefix (/api/), or matching this glob (/api/*/orders).")
    String path;

    @Option(names = "--upstream", paramLabel = "ADDRESS", description = "Only requests with an attempt to this upstream address.")
    String upstream;

    @Option(names = "--method", paramLabel = "METHODS", description = "Only these methods (GET,POST).")
    String method;

    @Option(names = "--tier", paramLabel = "TIERS", description = "Only these tiers: nginx, cache, upstream (comma-separated).")
    String tier;

    /** The filter the options give; a usage error when one cannot be read. */
    public RequestFilter filter() {
        try {
            return RequestFilter.of(status, path, upstream, method, tier);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }
}
