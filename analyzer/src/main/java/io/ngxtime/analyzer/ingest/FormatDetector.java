package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.source.Input;
import io.ngxtime.grammar.JsonLogFormat;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the format of a log from its first lines: the candidate that parses the largest share of them,
 * if it fits ({@link #fits}); among equals, the one with more variables (the more specific format).
 * When none fits, the error names the candidate that came closest ({@link #reach}). When none fits and
 * the lines are JSON objects, their format is inferred from the first one ({@link JsonLogFormat}) and
 * must fit the sample like any candidate. Every command that detects a format comes through here.
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

    /**
     * The chosen format and how well it fits.
     *
     * @param inferred how a JSON log's format was inferred, or null for a candidate's
     */
    public record Detection(LogFormat format, int parsed, int sampled, JsonInference inferred) {
        Detection(LogFormat format, int parsed, int sampled) {
            this(format, parsed, sampled, null);
        }

        public String describe() {
            if (sampled == 0) {
                return "log format: " + format.name() + " (assumed: no line to detect it from)";
            }
            String fit = "parsed " + parsed + " of the first " + sampled + " lines"
                    + (parsed < sampled ? "; the others are counted as rejected lines" : "");
            if (inferred != null) {
                return "log format: JSON (inferred from line " + inferred.line() + "; " + fit + "): " + inferred.describeKeys();
            }
            return "log format: " + format.name() + " (detected: " + fit + ")";
        }
    }

    /** A JSON log's inferred format: the line it was inferred from (1-based) and how each key was read. */
    public record JsonInference(int line, List<JsonLogFormat.KeyReading> keys) {
        /** {@code status -> $status, rt -> $request_time, x -> text}. */
        public String describeKeys() {
            return keys.stream().map(k -> shorten(k.key()) + " -> " + (k.text() ? "text" : "$" + k.variable()))
                    .collect(Collectors.joining(", "));
        }

        /** A key as the notice shows it: the log wrote it, so its length is bounded here. */
        private static String shorten(String key) {
            return key.length() > 40 ? key.substring(0, 40) + "…" : key;
        }
    }

    /** How to give a JSON log's format when it cannot be inferred. */
    static final String GIVE_JSON_FORMAT = "Give its format with --log-format 'log_format NAME escape=json ...;' "
            + "(the directive in your nginx.conf) or --nginx-conf FILE";

    /**
     * Samples the first {@link #SAMPLE_LINES} lines of {@code input} (opened and closed here) and detects
     * its format among {@code candidates}: {@link #detect(List, List, String)}.
     */
    public static Detection detect(List<LogFormat> candidates, Input input) throws FormatDetectionException, IOException {
        try (InputStream raw = input.open()) {
            return detect(candidates, HeadSampler.head(HeadSampler.rewindable(raw), SAMPLE_LINES), input.name());
        }
    }

    /**
     * Detects the format from the first of {@code inputs} with a line to detect it from
     * ({@link #detect(List, List, String)} on its first {@link #SAMPLE_LINES} lines). An input that cannot
     * be opened, has no line, or is compressed data damaged before its first whole line is passed over:
     * reading it says why, here it would only hide the inputs after it. With no line in any input, the
     * first candidate is assumed ({@link Detection#sampled()} 0). A damaged input's lines before the
     * damage are a sample like any other; when none fits them, the message also says where the input is
     * damaged (corrupt data may decode to garbage before the decoder notices).
     *
     * @throws FormatDetectionException when no candidate fits the input the lines came from
     */
    public static Detection detectFirst(List<LogFormat> candidates, List<Input> inputs) throws FormatDetectionException {
        for (Input input : inputs) {
            HeadSampler.Head head;
            try (InputStream raw = input.open()) {
                head = HeadSampler.sample(HeadSampler.rewindable(raw), SAMPLE_LINES);
            } catch (IOException unreadable) {
                continue; // reported when the input is read
            }
            if (head.lines().stream().anyMatch(l -> !isEmpty(l))) {
                try {
                    return detect(candidates, head.lines(), input.name());
                } catch (FormatDetectionException e) {
                    if (head.damage() == null) {
                        throw e;
                    }
                    // damaged data may decode to garbage before the damage shows: say so with the mismatch
                    throw new FormatDetectionException(e.getMessage() + ". " + input.name() + " is damaged: "
                            + head.damage().where());
                }
            }
        }
        return detect(candidates, List.of(), "no input");
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
        int first = firstNonEmpty(lines);
        byte[] firstLine = lines.get(first);
        if (JsonLogFormat.looksLikeJson(firstLine, 0, firstLine.length)) {
            return json(first, lines, sample, source);
        }
        throw new FormatDetectionException(mismatch(closest.format, closest.parsed, sample.size(), lines, source));
    }

    /** A JSON log (its first line is an object) that no candidate fits: its format inferred from that line. */
    private static Detection json(int first, List<byte[]> lines, List<byte[]> sample, String source)
            throws FormatDetectionException {
        byte[] line = lines.get(first);
        String what = source + " is a JSON log, but ";
        JsonLogFormat.Inference inference = JsonLogFormat.infer(line, 0, line.length);
        if (inference instanceof JsonLogFormat.NotInferred n) {
            throw new FormatDetectionException(what + "its format cannot be inferred from line " + (first + 1) + ": "
                    + n.reason() + ". " + GIVE_JSON_FORMAT);
        }
        JsonLogFormat.Inferred inferred = (JsonLogFormat.Inferred) inference;
        Trial t = Trial.of(inferred.format(), sample);
        if (fits(t.parsed, sample.size())) {
            return new Detection(inferred.format(), t.parsed, sample.size(), new JsonInference(first + 1, inferred.keys()));
        }
        throw new FormatDetectionException(what + "the format inferred from line " + (first + 1) + " fits only " + t.parsed
                + " of " + sample.size() + " lines (are its keys not the same on every line?)"
                + java.util.Objects.toString(firstMismatch(inferred.format(), lines, source), "") + ". " + GIVE_JSON_FORMAT);
    }

    private static int firstNonEmpty(List<byte[]> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!isEmpty(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line to detect from");
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
        String where = firstMismatch(closest, lines, source);
        if (where == null) {
            return "no known log format fits " + source;
        }
        return "no known log format fits " + source + ": the closest is '" + closest.name() + "' (parsed "
                + parsed + " of " + sampled + " lines)" + where + ". Give the format with --log-format or --nginx-conf";
    }

    /**
     * {@code ; first mismatch at SOURCE line N, column C: expected X, found Y (context)} for the first
     * non-empty line {@code format} rejects; empty after "first mismatch" when the reference parser has no
     * diagnosis, null when the format rejects no line.
     */
    private static String firstMismatch(LogFormat format, List<byte[]> lines, String source) {
        LineParser p = format.newParser();
        LogRecord r = format.newRecord();
        ReferenceLineParser ref = new ReferenceLineParser(format);
        for (int i = 0; i < lines.size(); i++) {
            byte[] l = lines.get(i);
            if (isEmpty(l) || p.parse(l, 0, l.length, r)) {
                continue;
            }
            ParseError e = ref.diagnose(l, 0, l.length);
            return e == null ? "" : "; first mismatch at " + source + " line " + (i + 1) + ", column " + e.column()
                    + ": expected " + e.expected() + ", found " + e.found() + (e.context().isEmpty() ? "" : " (" + e.context() + ")");
        }
        return null;
    }
}
