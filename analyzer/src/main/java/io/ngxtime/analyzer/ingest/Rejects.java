package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.grammar.ParseError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejected lines as data: counted by reason, the first samples kept with their file, line number and
 * (truncated) text ({@link RejectsFile} writes every one, whole). Memory is bounded: at most
 * {@link #MAX_REASONS} distinct reasons are counted separately. Not thread-safe; {@link #merge} combines.
 */
public final class Rejects implements java.io.Serializable {
    /** Distinct reasons counted separately; the rest are counted under {@link #OTHER_REASONS}. */
    public static final int MAX_REASONS = 200;
    public static final String OTHER_REASONS = "other reasons";
    /** Characters of a line kept in a sample. */
    public static final int SAMPLE_CHARS = 300;


    private final int maxSamples;
    private final Map<String, Long> byReason = new HashMap<>();
    private final List<LineSample> samples = new ArrayList<>();
    private long total;

    public Rejects(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    public Rejects() {
        this(10);
    }

    /** Counts a rejected line. */
    public void add(String source, long lineNumber, byte[] b, int from, int to, ParseError error) {
        total++;
        String reason = error.reason();
        if (!byReason.containsKey(reason) && byReason.size() >= MAX_REASONS) {
            reason = OTHER_REASONS;
        }
        byReason.merge(reason, 1L, Long::sum);
        if (samples.size() < maxSamples) {
            samples.add(sample(source, lineNumber, error.message(), b, from, to));
        }
    }

    /** A sample of line {@code b[from, to)}: its text cut to {@link #SAMPLE_CHARS} characters (marked with "…"). */
    public static LineSample sample(String source, long lineNumber, String message, byte[] b, int from, int to) {
        int len = Math.min(to - from, SAMPLE_CHARS * 4);
        return new LineSample(source, lineNumber, message,
                sampleText(new String(b, from, len, StandardCharsets.UTF_8), len < to - from));
    }

    /** Adds counts kept elsewhere (a queue batch): a total, counts by reason and samples. */
    public void addCounted(long count, Map<String, Long> reasons, List<LineSample> moreSamples) {
        total += count;
        reasons.forEach((k, v) -> {
            String key = !byReason.containsKey(k) && byReason.size() >= MAX_REASONS ? OTHER_REASONS : k;
            byReason.merge(key, v, Long::sum);
        });
        for (LineSample s : moreSamples) {
            if (samples.size() < maxSamples) {
                // a queue batch keeps more of the line: cut it here as a line read from a file is cut
                samples.add(new LineSample(s.source(), s.line(), s.message(), sampleText(s.text(), false)));
            }
        }
    }

    /**
     * A sample's text: at most {@link #SAMPLE_CHARS} characters, with an ellipsis when the line was longer
     * ({@code cut}: the text given is already only its start).
     */
    static String sampleText(String text, boolean cut) {
        if (text.length() > SAMPLE_CHARS) {
            return text.substring(0, SAMPLE_CHARS) + "…";
        }
        return cut ? text + "…" : text;
    }

    /** Adds the counts and samples of {@code other} (samples up to this one's limit). */
    public void merge(Rejects other) {
        total += other.total;
        other.byReason.forEach((k, v) -> {
            String key = !byReason.containsKey(k) && byReason.size() >= MAX_REASONS ? OTHER_REASONS : k;
            byReason.merge(key, v, Long::sum);
        });
        for (LineSample s : other.samples) {
            if (samples.size() < maxSamples) {
                samples.add(s);
            }
        }
    }

    /** How many samples are kept. */
    public int maxSamples() {
        return maxSamples;
    }

    /** Rejected lines in all. */
    public long total() {
        return total;
    }

    /** Counts by reason, most frequent first. */
    public Map<String, Long> byReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The first rejected lines. */
    public List<LineSample> samples() {
        return Collections.unmodifiableList(samples);
    }
}
