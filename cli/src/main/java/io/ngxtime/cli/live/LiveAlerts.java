package io.ngxtime.cli.live;

import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.AlertInput;
import io.ngxtime.analyzer.live.AlertRule;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertSeverity;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/** What the alert rules judge at a frame, and how an alert is said in one line. */
public final class LiveAlerts {
    private LiveAlerts() {
    }

    /**
     * The alert input of {@code frame}: its merged window and rates by log time, and how long ago a line was read
     * (since the session started while none was).
     *
     * @param millisSinceStart wall milliseconds since the session started
     */
    public static AlertInput input(LiveSession.Frame frame, long millisSinceStart) {
        OptionalLong sinceLine = frame.millisSinceLastLine().isPresent() ? frame.millisSinceLastLine()
                : OptionalLong.of(millisSinceStart);
        return new AlertInput(frame.logTime(), frame.view(), frame.requestsPerSecond(), sinceLine, frame.surge(),
                frame.catchingUp());
    }

    /** {@code 5xx>2%: 3.41% since 15:02:11}: the rule as written, the value, and since when (log time). */
    public static String text(Alert a) {
        return a.rule() + ": " + a.value() + " since " + DateTimeFormatter.ISO_LOCAL_TIME.format(a.since().toLocalTime().withNano(0));
    }

    /** Whether {@code a} is the surge rule's (shown as a surge, not as a failing figure). */
    public static boolean isSurge(Alert a) {
        return a.rule().equalsIgnoreCase(AlertRule.SURGE.text()) || a.rule().toLowerCase(java.util.Locale.ROOT).startsWith("surge");
    }

    /** Whether {@code a} is critical. */
    public static boolean isCritical(Alert a) {
        return a.severity() == AlertSeverity.CRITICAL;
    }
}
