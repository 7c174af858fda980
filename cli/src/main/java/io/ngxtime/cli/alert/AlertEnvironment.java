package io.ngxtime.cli.alert;

import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertTransition;
import io.ngxtime.analyzer.report.InstantText;
import io.ngxtime.cli.render.TerminalText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The variables an {@code --on-alert} command finds in its environment for one change of an alert. Every value
 * is one line with its control characters escaped ({@code \x1B}), as on the terminal: what a script puts in a
 * mail, a chat message or a shell command cannot carry an escape sequence or a line break from a log or a file
 * name. {@code NGXTIME_ALERT_FILES} is the one exception: one file per line, each escaped.
 */
public final class AlertEnvironment {
    /** The alert's rule as written: {@code p99>800ms}. */
    public static final String RULE = "NGXTIME_ALERT_RULE";
    /** {@code firing}, {@code cleared}, or {@code unknown} (it fired, and its figure can no longer be measured). */
    public static final String STATE = "NGXTIME_ALERT_STATE";
    /** The measured value in the rule's unit: {@code 912.5ms}, {@code 3.41%}; {@code unknown: REASON}. */
    public static final String VALUE = "NGXTIME_ALERT_VALUE";
    /** The threshold as written: {@code 800ms}. */
    public static final String THRESHOLD = "NGXTIME_ALERT_THRESHOLD";
    /** The rule's scope ({@code tier:cache}, {@code upstream:10.0.1.3:8080}); empty for the whole window. */
    public static final String SCOPE = "NGXTIME_ALERT_SCOPE";
    /** When the change happened (the frame's time), ISO-8601 with the offset. */
    public static final String TIME = "NGXTIME_ALERT_TIME";
    /** When the alert fired, ISO-8601 with the offset (equal to {@link #TIME} when it fires). */
    public static final String SINCE = "NGXTIME_ALERT_SINCE";
    /** {@code critical} or {@code warning}. */
    public static final String SEVERITY = "NGXTIME_ALERT_SEVERITY";
    /** The files tail follows, one per line. */
    public static final String FILES = "NGXTIME_ALERT_FILES";

    private AlertEnvironment() {
    }

    /** The variables for {@code change} of a tail following {@code files}, in a stable order. */
    public static Map<String, String> of(AlertTransition change, List<String> files) {
        Alert a = change.alert();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(RULE, TerminalText.safe(a.rule()));
        env.put(STATE, change.kind().state());
        env.put(VALUE, TerminalText.safe(a.value()));
        env.put(THRESHOLD, TerminalText.safe(a.threshold()));
        env.put(SCOPE, TerminalText.safe(a.scope()));
        env.put(TIME, InstantText.iso(change.time()));
        env.put(SINCE, InstantText.iso(a.since()));
        env.put(SEVERITY, a.severity().key());
        env.put(FILES, files.stream().map(TerminalText::safe).collect(Collectors.joining("\n")));
        return env;
    }
}
