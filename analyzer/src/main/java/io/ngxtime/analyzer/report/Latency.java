package io.ngxtime.analyzer.report;

import java.util.Optional;

/**
 * A latency distribution, or why there is none: the format does not log the variable, or it does but no
 * request in the range had a value ({@code -}). A missing distribution is never a row of zeros: renderers
 * show it as {@code null} (JSON), an empty cell (CSV), {@code n/a} (terminal, HTML) or a gap (charts).
 */
public sealed interface Latency permits Latency.Measured, Latency.Missing {

    /** Values were logged: their percentiles ({@code count > 0}). */
    record Measured(Percentiles percentiles) implements Latency {
        public Measured {
            if (percentiles.count() <= 0) {
                throw new IllegalArgumentException("a measured latency has values, not " + percentiles.count());
            }
        }
    }

    /** No distribution, and why. */
    enum Missing implements Latency {
        /** The log format does not contain the variable. */
        NOT_LOGGED,
        /** The variable is logged, but no request in the range had a value for it. */
        NO_VALUES
    }

    /** The percentiles, when measured. */
    default Optional<Percentiles> measured() {
        return this instanceof Measured m ? Optional.of(m.percentiles()) : Optional.empty();
    }

    /** How many values are behind it (0 when missing). */
    default long count() {
        return this instanceof Measured m ? m.percentiles().count() : 0;
    }

    /** Whether the format logs the variable at all. */
    default boolean isLogged() {
        return this != Missing.NOT_LOGGED;
    }

    /** A distribution of {@code p}'s values; {@code logged} says whether its variable was logged when there are none. */
    static Latency of(Percentiles p, boolean logged) {
        if (p.count() > 0) {
            return new Measured(p);
        }
        return logged ? Missing.NO_VALUES : Missing.NOT_LOGGED;
    }
}
