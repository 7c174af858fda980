package io.ngxtime.analyzer;

import io.ngxtime.analyzer.record.TimeWindow;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report is compared with: nothing, a window of its own, or the period just before the report's
 * window and as long as it ({@code --baseline}). {@link #resolve} turns the choice into the window to read.
 */
public sealed interface Baseline {
    /** No comparison. */
    Baseline NONE = new None();

    /** Compare with {@code window} ({@code --baseline-from}/{@code --baseline-to}). */
    static Baseline window(TimeWindow window) {
        return new Window(window);
    }

    /** Compare with the period of the report window's length that ends where it starts ({@code --baseline}). */
    static Baseline periodBefore() {
        return new PeriodBefore();
    }

    /**
     * The baseline window for a report over {@code reportWindow}, or empty for no comparison.
     *
     * @throws IllegalArgumentException for {@link #periodBefore()} when {@code reportWindow} has an open end:
     *                                  a period before it has no length
     */
    Optional<TimeWindow> resolve(TimeWindow reportWindow);

    /** No comparison. */
    record None() implements Baseline {
        @Override
        public Optional<TimeWindow> resolve(TimeWindow reportWindow) {
            return Optional.empty();
        }
    }

    /** A window given as it is. */
    record Window(TimeWindow window) implements Baseline {
        public Window {
            Objects.requireNonNull(window, "window");
        }

        @Override
        public Optional<TimeWindow> resolve(TimeWindow reportWindow) {
            return Optional.of(window);
        }
    }

    /** The report window's length, just before it. */
    record PeriodBefore() implements Baseline {
        @Override
        public Optional<TimeWindow> resolve(TimeWindow reportWindow) {
            if (!reportWindow.hasStart() || !reportWindow.hasEnd()) {
                throw new IllegalArgumentException("the period before a window needs its start and end, not " + reportWindow);
            }
            long lengthMillis = reportWindow.toMillis() - reportWindow.fromMillis();
            return Optional.of(TimeWindow.between(reportWindow.fromMillis() - lengthMillis, reportWindow.fromMillis()));
        }
    }
}
