package io.ngxtime.analyzer.ingest;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.util.List;

/**
 * Picks the format of a log from its first lines: the candidate that parses the largest share of them,
 * if it fits ({@link #fits}); among equals, the one with more variables (the more specific format).
 * The candidates are whole-line patterns, so a format that parses most lines is the log's format and
 * the lines it does not parse are junk, which the report counts and samples as rejected lines.
 */
public final class FormatDetector {
    /** Share of the sampled lines a format must parse to be chosen... */
    public static final double THRESHOLD = 0.9;
    /** ...unless no more than this many lines are left over (small samples: a fresh log, a test file). */
    public static final int MISFITS_ALLOWED = 2;
    /** How many lines to try. */
    public static final int SAMPLE_LINES = 1000;

    private FormatDetector() {
    }

    /** The chosen format and how well it fits. */
    public record Detection(LogFormat format, int parsed, int sampled) {
        public String describe() {
            if (sampled == 0) {
                return "log format: " + format.name() + " (assumed: no line to detect it from)";
            }
            return "log format: " + format.name() + " (detected: parsed " + parsed + " of the first " + sampled + " lines"
                    + (parsed < sampled ? "; the others are counted as rejected lines" : "") + ")";
        }
    }

    /**
     * @param source name of the input the lines come from, for the error message
     * @param lines  the first lines, without newlines; empty lines are ignored
     * @throws FormatDetectionException when no candidate reaches the threshold
     */
    public static Detection detect(List<LogFormat> candidates, List<byte[]> lines, String source)
            throws FormatDetectionException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate formats");
        }
        List<byte[]> sample = lines.stream().filter(l -> l.length > 0 && !(l.length == 1 && l[0] == '\r')).toList();
        if (sample.isEmpty()) {
            return new Detection(candidates.get(0), 0, 0);
        }
        LogFormat best = null;
        int bestParsed = -1;
        for (LogFormat f : candidates) {
            LineParser p = f.newParser();
            LogRecord r = f.newRecord();
            int parsed = 0;
            for (byte[] l : sample) {
                if (p.parse(l, 0, l.length, r)) {
                    parsed++;
                }
            }
            if (parsed > bestParsed || (parsed == bestParsed && f.variableCount() > best.variableCount())) {
                best = f;
                bestParsed = parsed;
            }
        }
        if (fits(bestParsed, sample.size())) {
            return new Detection(best, bestParsed, sample.size());
        }
        throw new FormatDetectionException(mismatch(best, bestParsed, lines, source));
    }

    /**
     * Whether a format that parses {@code parsed} of {@code sampled} lines is the log's: at least
     * {@link #THRESHOLD} of them, or all but {@link #MISFITS_ALLOWED} when that is still most of them
     * (6 of 7 lines, 98 of 100; not 1 of 3).
     */
    static boolean fits(int parsed, int sampled) {
        if (parsed >= Math.ceil(THRESHOLD * sampled)) {
            return true;
        }
        return sampled - parsed <= MISFITS_ALLOWED && parsed * 2 > sampled;
    }

    private static String mismatch(LogFormat closest, int parsed, List<byte[]> lines, String source) {
        LineParser p = closest.newParser();
        LogRecord r = closest.newRecord();
        ReferenceLineParser ref = new ReferenceLineParser(closest);
        for (int i = 0; i < lines.size(); i++) {
            byte[] l = lines.get(i);
            if (l.length == 0 || p.parse(l, 0, l.length, r)) {
                continue;
            }
            ParseError e = ref.diagnose(l, 0, l.length);
            String where = e == null ? "" : "; first mismatch at " + source + " line " + (i + 1) + ", column " + e.column()
                    + ": expected " + e.expected() + ", found " + e.found() + (e.context().isEmpty() ? "" : " (" + e.context() + ")");
            return "no known log format fits " + source + ": the closest is '" + closest.name() + "' (parsed "
                    + parsed + " of " + lines.stream().filter(x -> x.length > 0).count() + " lines)" + where
                    + ". Give the format with --log-format or --nginx-conf";
        }
        return "no known log format fits " + source;
    }
}
