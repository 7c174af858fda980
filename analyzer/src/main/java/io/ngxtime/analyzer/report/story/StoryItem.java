package io.ngxtime.analyzer.report.story;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One sentence's worth of an incident story, as data.
 *
 * @param kind  what the item tells
 * @param about what it is about: {@code /peaks/<i>} (a peak, as a JSON Pointer into the report) or
 *              {@code /comparison} (the window compared with its baseline)
 * @param facts the values it states, each with where the report shows it; names by {@link Kind}
 */
public record StoryItem(Kind kind, String about, List<Fact> facts) {
    /** The subject of the comparison's items. */
    public static final String COMPARISON = "/comparison";

    public StoryItem {
        facts = List.copyOf(facts);
    }

    /**
     * What an item tells, and the facts it may carry (a fact the report lacks is left out). "During" is the
     * peak's surge or the compared window, "before" its baseline.
     */
    public enum Kind {
        /**
         * When and how far above normal. A peak: {@code start}, {@code end} (moments), {@code surge_requests},
         * {@code expected_requests} (what the baseline's rate gives for the surge). The comparison: {@code first},
         * {@code last} (the window's first and last request), {@code requests_during}, {@code requests_before},
         * {@code before_per_second}, {@code after_per_second}, {@code excess_requests}.
         */
        SURGE,
        /**
         * What drove it: the value that explains most of the excess. A peak: {@code dimension}, {@code value},
         * {@code excess_requests}, {@code share_during}, {@code share_before}. The comparison (a route):
         * {@code value}, {@code before_per_second}, {@code after_per_second}, {@code excess_requests}.
         */
        DRIVER,
        /**
         * The tier that took most of the excess: {@code tier}, {@code excess_requests}; a peak adds
         * {@code share_during}, {@code share_before}, {@code error_rate_during}, {@code error_rate_before}, the
         * comparison {@code before_per_second}, {@code after_per_second}; both {@code p99_ms_during},
         * {@code p99_ms_before}.
         */
        TIER_LOAD,
        /**
         * A backend that took more attempts than its baseline predicts (one item each, at most
         * {@link StoryTeller#MAX_BACKENDS}, most excess first): {@code address}, {@code excess_attempts},
         * {@code response_p99_ms_during}, {@code response_p99_ms_before}, {@code failed_rate_during},
         * {@code failed_rate_before}.
         */
        BACKEND_LOAD,
        /** What happened to latency and errors overall: {@code p99_ms_during}, {@code p99_ms_before}, {@code error_rate_during}, {@code error_rate_before}. */
        LATENCY,
        /**
         * The cache absorbed it: the cache tier's share of requests rose and upstream's did not. A peak:
         * {@code cache_share_during}, {@code cache_share_before}, {@code upstream_share_during},
         * {@code upstream_share_before}; the comparison the counts the shares come from: {@code cache_during},
         * {@code cache_before}, {@code upstream_during}, {@code upstream_before}, {@code all_during},
         * {@code all_before}.
         */
        CACHE_ABSORBED,
        /** The cache did not absorb it (the rule of {@link #CACHE_ABSORBED} failed); the same facts. */
        CACHE_NOT_ABSORBED;

        /** The JSON name: {@code surge}, {@code driver}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the item is about the comparison (else a peak). */
    public boolean aboutComparison() {
        return about.equals(COMPARISON);
    }

    /** The fact called {@code name}, if the item states it. */
    public Optional<Fact> fact(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The number called {@code name}, if stated. */
    public OptionalDouble figure(String name) {
        return fact(name).filter(Fact.Figure.class::isInstance)
                .map(f -> OptionalDouble.of(((Fact.Figure) f).value())).orElse(OptionalDouble.empty());
    }

    /** The text called {@code name}, if stated. */
    public Optional<String> label(String name) {
        return fact(name).filter(Fact.Label.class::isInstance).map(f -> ((Fact.Label) f).value());
    }

    /** The moment called {@code name}, if stated. */
    public Optional<java.time.OffsetDateTime> moment(String name) {
        return fact(name).filter(Fact.Moment.class::isInstance).map(f -> ((Fact.Moment) f).value());
    }
}
