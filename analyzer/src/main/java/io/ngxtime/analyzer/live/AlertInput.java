package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.report.Report;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@link AlertEvaluator} judges at one frame. A figure that is not known is empty, never 0: a rule on it
 * is then neither firing nor clear.
 *
 * @param time                the frame's time, as {@code --json}'s {@code time} says it (an alert fires and
 *                            clears at this time)
 * @param window              the window's report
 * @param requestsPerSecond   requests per second over the last interval, by log time; empty while the window
 *                            does not cover a whole interval yet (tail just started)
 * @param millisSinceLastLine wall time since the newest line was read, or since following started while no line
 *                            has come; empty when not known
 * @param surge               the last interval's surge, if it is one
 * @param catchingUp          whether tail is reading a backlog (from the start of a file, or what a kept queue
 *                            missed) rather than lines as they are written: rates and surges are then the
 *                            backlog's, and {@code rps} and {@code surge} rules are not judged
 */
public record AlertInput(OffsetDateTime time, Report window, OptionalDouble requestsPerSecond,
                         OptionalLong millisSinceLastLine, Optional<Surge> surge, boolean catchingUp) {
    public AlertInput {
        if (time == null || window == null || requestsPerSecond == null || millisSinceLastLine == null || surge == null) {
            throw new IllegalArgumentException("time, window, requestsPerSecond, millisSinceLastLine and surge must not"
                    + " be null (empty when not known)");
        }
    }
}
