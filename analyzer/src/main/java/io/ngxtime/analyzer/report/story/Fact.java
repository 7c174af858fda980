package io.ngxtime.analyzer.report.story;

import io.ngxtime.analyzer.report.InstantText;
import java.time.OffsetDateTime;

/**
 * One value a story item states, and where the report shows it: {@link #ref()} is a JSON Pointer (RFC 6901)
 * into {@code report --json} whose value equals this one (a number in the JSON's units: milliseconds for
 * times, 0 to 1 for shares; the text of a label; the ISO-8601 text of a moment).
 */
public sealed interface Fact permits Fact.Figure, Fact.Label, Fact.Moment {
    /** The fact's name within its item (see {@link StoryItem.Kind} for each kind's names). */
    String name();

    /** Where the report's JSON holds the value: {@code /peaks/2/load/tiers/1/excess_requests}. */
    String ref();

    /** A number, in the unit of the JSON key it comes from. */
    record Figure(String name, double value, String ref) implements Fact {
    }

    /** A text: a tier, an address, a dimension or the value that drove a peak (from log lines: escape it). */
    record Label(String name, String value, String ref) implements Fact {
    }

    /** A moment, with the offset it was logged in. */
    record Moment(String name, OffsetDateTime value, String ref) implements Fact {
        /** As the JSON writes it. */
        public String iso() {
            return InstantText.iso(value);
        }
    }
}
