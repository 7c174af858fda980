package io.ngxtime.cli;

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

    /** The baseline window {from, to} in epoch ms, or null for no comparison. */
    long[] baselineMillis() {
        // which of these options go together is OptionRules'; what their values must be is said here
        if (baselineFrom != null && baselineTo != null) {
            if (!baselineTo.isAfter(baselineFrom)) {
                throw new UserException(ExitCode.USAGE, "--baseline-to must be after --baseline-from");
            }
            return new long[] {baselineFrom.toInstant().toEpochMilli(), baselineTo.toInstant().toEpochMilli()};
        }
        if (!baseline) {
            return null;
        }
        long length = toMillis() - fromMillis();
        return new long[] {fromMillis() - length, fromMillis()};
    }

    long fromMillis() {
        return from == null ? Long.MIN_VALUE : from.toInstant().toEpochMilli();
    }

    long toMillis() {
        return to == null ? Long.MAX_VALUE : to.toInstant().toEpochMilli();
    }

    void check() {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new UserException(ExitCode.USAGE, "--to must be after --from");
        }
    }
}
