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
