package io.ngxtime.analyzer.live;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A change of one rule's alert at a frame: what {@code --on-alert} runs its command for, once.
 *
 * @param kind  what changed
 * @param alert the alert (for {@link Kind#CLEARED}: the value that cleared it; for {@link Kind#UNKNOWN}:
 *              {@code unknown: REASON}); its {@code since} is when it fired
 * @param time  the frame's time
 */
public record AlertTransition(Kind kind, Alert alert, OffsetDateTime time) {
    /** What changed. */
    public enum Kind {
        /** The rule holds, and did not at the frame before (it was clear, unknown, or this is the first frame). */
        FIRED,
        /** The rule fired at the frame before and does not hold now. */
        CLEARED,
        /**
         * The rule fired at the frame before and its figure is unknown now (no request left in the window, say):
         * the alert ends, but nothing says the problem did.
         */
        UNKNOWN;

        /** The alert's state after the change, as {@code NGXTIME_ALERT_STATE} says it: firing, cleared, unknown. */
        public String state() {
            return this == FIRED ? "firing" : name().toLowerCase(Locale.ROOT);
        }
    }
}
