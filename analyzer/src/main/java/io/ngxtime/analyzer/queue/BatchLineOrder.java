package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.record.LineSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch's lines in the order they were read, as far as the batch tells, fed to {@link WindowedRejects}.
 * A batch holds consecutive lines of one input: its requests in order, but of its rejected lines only
 * counts by reason and the first {@value BatchEncoder#MAX_SAMPLES_PER_BATCH} as samples, each with its
 * line number. The input's checkpoint, which the batch carries last ({@link QueueIngester} puts the
 * batch's own input last), gives the line number of the batch's last line; so a sampled line's number
 * tells how many of the batch's requests come before it, and its message which of the batch's reasons
 * it was counted under.
 *
 * <p>What the batch does not tell is placed after its last request: the rejected lines beyond the
 * samples, and all of them when the checkpoint is not the input's (standard input has none). That is
 * exact unless a window's edge falls among the batch's requests (docs/report-json.md, {@code rejected}).
 */
public final class BatchLineOrder {
    /** The input of batches that carry no checkpoint. */
    static final Object UNKNOWN_INPUT = new Object();

    private BatchLineOrder() {
    }

    /**
     * The batch's input: its checkpoint's first-line hash (stable while the file grows, where the rest of
     * its fingerprint grows with the file's head).
     */
    public static Object input(Batch b) {
        List<SourceCheckpoint> c = b.checkpoints();
        return c.isEmpty() ? UNKNOWN_INPUT : (Object) c.get(c.size() - 1).fingerprint().firstLineHash();
    }

    /** The line number (1-based) in its input of the batch's first line, or -1 when the batch does not tell. */
    public static long firstLine(Batch b) {
        List<SourceCheckpoint> c = b.checkpoints();
        if (c.isEmpty()) {
            return -1;
        }
        SourceCheckpoint own = c.get(c.size() - 1);
        for (LineSample s : b.samples()) {
            if (!s.source().equals(own.path())) {
                return -1; // the checkpoint is another input's: this batch came from one without (standard input)
            }
        }
        long first = own.lines() - b.size() - b.rejected() + 1;
        return first >= 1 ? first : -1;
    }

    /** The time of the batch's last request with a time (epoch ms), or -1 when none has one. */
    public static long lastTime(Batch b) {
        for (int i = b.size() - 1; i >= 0; i--) {
            long t = b.request(i).timeMillis();
            if (t >= 0) {
                return t;
            }
        }
        return -1;
    }

    /** Tells {@code rejects} the batch's requests and rejected lines, in the order read as far as known. */
    public static void feed(Batch b, WindowedRejects rejects) {
        Object input = input(b);
        int n = b.size();
        if (b.rejected() == 0) {
            for (int i = 0; i < n; i++) {
                rejects.request(input, b.request(i).timeMillis());
            }
            return;
        }
        List<LineSample> samples = b.samples();
        int[] requestsBefore = new int[samples.size()];
        String[] reasons = new String[samples.size()];
        int placed = place(b, requestsBefore, reasons);
        int j = 0;
        for (int i = 0; i <= n; i++) {
            while (j < placed && requestsBefore[j] == i) {
                rejects.rejected(input, 1, Map.of(reasons[j], 1L), List.of(samples.get(j)));
                j++;
            }
            if (i < n) {
                rejects.request(input, b.request(i).timeMillis());
            }
        }
        long rest = b.rejected() - placed;
        if (rest > 0) {
            Map<String, Long> restByReason = new LinkedHashMap<>(b.reasons());
            for (int k = 0; k < placed; k++) {
                restByReason.computeIfPresent(reasons[k], (r, c) -> c == 1 ? null : c - 1);
            }
            rejects.rejected(input, rest, restByReason, samples.subList(placed, samples.size()));
        }
    }

    /**
     * Places the batch's samples: for each, the requests before it and its reason. Returns how many,
     * from the first, could be placed (all or none when the batch tells their line numbers and reasons).
     */
    private static int place(Batch b, int[] requestsBefore, String[] reasons) {
        long first = firstLine(b);
        if (first < 0) {
            return 0;
        }
        List<LineSample> samples = b.samples();
        for (int j = 0; j < samples.size(); j++) {
            LineSample s = samples.get(j);
            long before = s.line() - first - j; // the lines before it in the batch, less the rejected ones
            String reason = reasonOf(s.message(), b.reasons().keySet());
            if (before < (j == 0 ? 0 : requestsBefore[j - 1]) || before > b.size() || reason == null) {
                return 0;
            }
            requestsBefore[j] = (int) before;
            reasons[j] = reason;
        }
        return samples.size();
    }

    /**
     * Which of {@code reasons} a rejected line with this message was counted under, or null when that is
     * not certain. A message is its reason with where the line stopped matching: {@code expected E at
     * column C, found F (context)} for the reason {@code expected E context} (see
     * {@link io.ngxtime.grammar.ParseError#message()}); what was found never ends in {@code )}.
     */
    static String reasonOf(String message, Set<String> reasons) {
        if (reasons.size() == 1) {
            return reasons.iterator().next();
        }
        if (reasons.contains(message)) {
            return message; // an empty line, a line too long: the message is the reason
        }
        int at = message.indexOf(" at column ");
        if (!message.startsWith("expected ") || at < 0) {
            return null;
        }
        String expected = message.substring(0, at);
        String match = null;
        for (String r : reasons) {
            if (!r.startsWith(expected)) {
                continue;
            }
            String context = r.substring(expected.length());
            boolean fits = context.isEmpty() ? !message.endsWith(")")
                    : context.startsWith(" ") && message.endsWith(" (" + context.substring(1) + ")");
            if (fits) {
                if (match != null) {
                    return null;
                }
                match = r;
            }
        }
        return match;
    }
}
