package io.ngxtime.spark;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.PositionMap;
import java.io.Serializable;

/**
 * A log format as the executors get it: its name, escaping and text, compiled again where it is used (a
 * compiled {@link LogFormat} is not serializable, and compiling costs microseconds per task).
 */
record ShippedFormat(String name, Escape escape, String text) implements Serializable {
    static ShippedFormat of(LogFormat format) {
        return new ShippedFormat(format.name(), format.escape(), format.text());
    }

    LogFormat compile() {
        return LogFormats.compile(name, escape, text, PositionMap.singleLine(name));
    }
}
