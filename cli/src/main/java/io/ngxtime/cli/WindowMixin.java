package io.ngxtime.cli;

import io.ngxtime.analyzer.Baseline;
import io.ngxtime.analyzer.record.TimeWindow;
import java.time.OffsetDateTime;
import picocli.CommandLine.Option;

/** {@code --from} / {@code --to}: the time window of a report. */
public final class WindowMixin {
    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only requests at or after TIME (ISO-8601 or nginx time, with zone).")
    OffsetDateTime from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only requests before TIME.")
    OffsetDateTime to;

    @Option(names = "--baseline", description = "Compare the window (--from/--to) with the same length before it.")
    boolean baseline;

    @Option(names = "--baseline-from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Compare with this baseline window instead (with --baseline-to).")
    OffsetDateTime baselineFrom;

    @Option(names = "--baseline-to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "End of the baseline window.")
    OffsetDateTime baselineTo;

    /** The window {@code --from}/{@code --to} give, open where one is not given. */
    public TimeWindow window() {
        return TimeWindow.between(fromMillis(), toMillis());
    }

    /** What to compare the window with: {@code --baseline-from}/{@code --baseline-to}, {@code --baseline}, or nothing. */
    public Baseline baseline() {
        // which of these options go together is OptionRules'; what their values must be is said here
        if (baselineFrom != null && baselineTo != null) {
            if (!baselineTo.isAfter(baselineFrom)) {
                throw new UserException(ExitCode.USAGE, "--baseline-to must be after --baseline-from");
            }
            return Baseline.window(TimeWindow.between(baselineFrom.toInstant().toEpochMilli(),
                    baselineTo.toInstant().toEpochMilli()));
        }
        return baseline ? Baseline.periodBefore() : Baseline.NONE;
    }

    private long fromMillis() {
        return from == null ? Long.MIN_VALUE : from.toInstant().toEpochMilli();
    }

    private long toMillis() {
        return to == null ? Long.MAX_VALUE : to.toInstant().toEpochMilli();
    }

    /** Fails with a usage error when {@code --to} is not after {@code --from}. */
    public void check() {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new UserException(ExitCode.USAGE, "--to must be after --from");
        }
    }
}
