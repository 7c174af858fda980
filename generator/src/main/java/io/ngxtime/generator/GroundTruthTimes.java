package io.ngxtime.generator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Turns "second i of the log" into a time in the log's offset. */
record GroundTruthTimes(long startMillis, ZoneOffset offset) {
    OffsetDateTime second(int index) {
        return Instant.ofEpochMilli(startMillis + index * 1000L).atOffset(offset);
    }
}
