package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a rotated set in reading order: by each file's first timestamp (the first line that parses
 * within the first {@value #PROBE_LINES} lines), files without one last, and each file only once (the
 * same file named twice, or through a link, is read once). A compressed file damaged within those lines
 * keeps its place by the lines before the damage: it is not left out, since what decoded is read.
 */
public final class InputOrder {
    static final int PROBE_LINES = 100;

    private InputOrder() {
    }

    /** The inputs in time order; unreadable ones are added to {@code errors} and left out. */
    public static List<Input> byFirstTimestamp(List<Input> inputs, LogFormat format, List<InputError> errors) {
        record Keyed(Input input, long firstMillis, int position) {
        }
        List<Keyed> keyed = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        LineParser parser = format.newParser();
        LogRecord record = format.newRecord();
        int pos = 0;
        for (Input in : inputs) {
            Object key = fileKey(in.path());
            if (key != null && !seen.add(key)) {
                continue;
            }
            long first = Long.MAX_VALUE;
            try (InputStream s = in.open()) {
                LineReader lines = new LineReader(s, LineReader.DEFAULT_MAX_LINE_BYTES, true);
                for (int i = 0; i < PROBE_LINES && lines.next(); i++) {
                    if (!lines.isTooLong() && !lines.isCut()
                            && parser.parse(lines.buffer(), lines.lineStart(), lines.lineEnd(), record) && record.hasTime()) {
                        first = record.timeMillis();
                        break;
                    }
                }
            } catch (CompressedDataException damaged) {
                // its lines before the damage are still read (and the damage reported) in its turn
            } catch (IOException e) {
                errors.add(new InputError(in.name(), IoErrorText.describe(e)));
                continue;
            }
            keyed.add(new Keyed(in, first, pos++));
        }
        keyed.sort(Comparator.comparingLong(Keyed::firstMillis).thenComparingInt(Keyed::position));
        List<Input> out = new ArrayList<>();
        for (Keyed k : keyed) {
            out.add(k.input());
        }
        return out;
    }

    private static Object fileKey(Path p) {
        if (p == null) {
            return null;
        }
        try {
            Object k = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return k != null ? k : p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
