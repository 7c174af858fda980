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
 * When none fits, the error names the candidate that came closest ({@link #reach}).
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
     * @throws FormatDetectionException when no candidate reaches the threshold; the message names the
     *                                  {@linkplain #reach closest} one and its first mismatch
     */
    public static Detection detect(List<LogFormat> candidates, List<byte[]> lines, String source)
            throws FormatDetectionException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate formats");
        }
        List<byte[]> sample = lines.stream().filter(l -> !isEmpty(l)).toList();
        if (sample.isEmpty()) {
            return new Detection(candidates.get(0), 0, 0);
        }
        Trial best = null;
        Trial closest = null;
        for (LogFormat f : candidates) {
            Trial t = Trial.of(f, sample);
            if (best == null || t.parsed > best.parsed
                    || (t.parsed == best.parsed && f.variableCount() > best.format.variableCount())) {
                best = t;
            }
            if (closest == null || t.reach > closest.reach
                    || (t.reach == closest.reach && t.parsed > closest.parsed)) {
                closest = t;
            }
        }
        if (fits(best.parsed, sample.size())) {
            return new Detection(best.format, best.parsed, sample.size());
        }
        throw new FormatDetectionException(mismatch(closest.format, closest.parsed, sample.size(), lines, source));
    }

    /** How one candidate did on the sample: lines parsed, and its {@link #reach}. */
    private record Trial(LogFormat format, int parsed, double reach) {
        static Trial of(LogFormat f, List<byte[]> sample) {
            LineParser p = f.newParser();
            LogRecord r = f.newRecord();
            int parsed = 0;
            double reached = 0;
            for (byte[] l : sample) {
                if (p.parse(l, 0, l.length, r)) {
                    parsed++;
                    reached += 1;
                } else {
                    reached += FormatDetector.reach(p.failedAt(), l.length);
                }
            }
            return new Trial(f, parsed, reached / sample.size());
        }
    }

    /**
     * The share of a rejected line a format read before it stopped matching: {@code failedAt / length},
     * in {@code [0, 1)}. A parsed line counts 1. A format's reach on a sample is the mean of its lines'
     * shares, so every line weighs the same whatever its length, and a format that reads most of every
     * line up to a differing tail (a {@code combined} log read as {@code main}) is closer than one that
     * stops at the first byte. When no format fits, the closest is the one with the highest reach
     * (among equals, the one that parsed more lines), not the one that parsed the most: with none
     * parsing any line, the most lines parsed would name an arbitrary format.
     */
    static double reach(int failedAt, int length) {
        if (length <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(failedAt, length - 1)) / (double) length;
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

    /** An empty line (or only a CRLF's {@code \r}): the reader rejects it whatever the format, so it says nothing here. */
    static boolean isEmpty(byte[] line) {
        return line.length == 0 || (line.length == 1 && line[0] == '\r');
    }

    private static String mismatch(LogFormat closest, int parsed, int sampled, List<byte[]> lines, String source) {
        LineParser p = closest.newParser();
        LogRecord r = closest.newRecord();
        ReferenceLineParser ref = new ReferenceLineParser(closest);
        for (int i = 0; i < lines.size(); i++) {
            byte[] l = lines.get(i);
            if (isEmpty(l) || p.parse(l, 0, l.length, r)) {
                continue;
            }
            ParseError e = ref.diagnose(l, 0, l.length);
            String where = e == null ? "" : "; first mismatch at " + source + " line " + (i + 1) + ", column " + e.column()
                    + ": expected " + e.expected() + ", found " + e.found() + (e.context().isEmpty() ? "" : " (" + e.context() + ")");
            return "no known log format fits " + source + ": the closest is '" + closest.name() + "' (parsed "
                    + parsed + " of " + sampled + " lines)" + where
                    + ". Give the format with --log-format or --nginx-conf";
        }
        return "no known log format fits " + source;
    }
}
