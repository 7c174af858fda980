package io.ngxtime.cli.dashboard;

/** The order of the dashboard's upstream and route tables; {@code s} moves to the {@link #next()} one. */
public enum TableSort {
    /** Most requests (upstreams: attempts) first: the order of the report. */
    REQUESTS("requests"),
    /** Highest p99 first (upstreams: response p99); rows without a p99 last. */
    P99("p99"),
    /** Highest error share first (routes: 5xx share; upstreams: failed attempts); rows without one last. */
    ERRORS("errors");

    private final String label;

    TableSort(String label) {
        this.label = label;
    }

    /** How the table titles name it. */
    public String label() {
        return label;
    }

    /** The sort after this one, back to the first after the last. */
    public TableSort next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
