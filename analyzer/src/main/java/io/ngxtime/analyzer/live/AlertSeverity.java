package io.ngxtime.analyzer.live;

import java.util.Locale;

/** How loudly an alert is shown: a rule is {@link #CRITICAL} unless it says {@code warning}; a surge is a {@link #WARNING}. */
public enum AlertSeverity {
    WARNING,
    CRITICAL;

    /** The name as rules, JSON and the environment of {@code --on-alert} write it: {@code warning}, {@code critical}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
