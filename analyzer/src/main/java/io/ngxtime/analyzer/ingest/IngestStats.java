package io.ngxtime.analyzer.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counters of one reading run, in all and per input ({@link #inputLines()}). Not thread-safe. */
public final class IngestStats {
    long lines;
    long parsed;
    long bytes;
    int inputs;
    private final Map<String, InputCounter> byInput = new LinkedHashMap<>();
    /** The input of the last line: lines of one input come one after the other, so this saves a lookup a line. */
    private String lastInput;
    private InputCounter last;

    /** Lines read, empty ones included (they are rejected). */
    public long lines() {
        return lines;
    }

    /** Lines accepted by the parser. */
    public long parsed() {
        return parsed;
    }

    /** Lines not accepted. */
    public long rejected() {
        return lines - parsed;
    }

    /** Bytes read (decompressed). */
    public long bytes() {
        return bytes;
    }

    public int inputs() {
        return inputs;
    }

    /** Lines read and rejected per input, in the order the inputs were first read. */
    public List<InputLines> inputLines() {
        List<InputLines> out = new ArrayList<>();
        byInput.forEach((name, c) -> out.add(new InputLines(name, c.lines, c.rejected, c.topReason())));
        return out;
    }

    /** Counts a line of {@code input}. */
    void line(String input) {
        lines++;
        counter(input).lines++;
    }

    /** Counts a rejected line of {@code input} (already counted by {@link #line}) by its reason. */
    void rejected(String input, String reason) {
        counter(input).reject(reason);
    }

    private InputCounter counter(String input) {
        if (input != lastInput) {
            last = byInput.computeIfAbsent(input, k -> new InputCounter());
            lastInput = input;
        }
        return last;
    }

    /** Adds another reader's counts (parallel workers). */
    public void add(IngestStats o) {
        lines += o.lines;
        parsed += o.parsed;
        bytes += o.bytes;
        inputs += o.inputs;
        o.byInput.forEach((name, c) -> byInput.computeIfAbsent(name, k -> new InputCounter()).add(c));
    }

    /** One input's counts; its reasons bounded like {@link Rejects}'. */
    private static final class InputCounter {
        long lines;
        long rejected;
        final Map<String, Long> reasons = new HashMap<>();

        void reject(String reason) {
            rejected++;
            count(reason, 1);
        }

        void count(String reason, long n) {
            String key = !reasons.containsKey(reason) && reasons.size() >= Rejects.MAX_REASONS ? Rejects.OTHER_REASONS : reason;
            reasons.merge(key, n, Long::sum);
        }

        void add(InputCounter o) {
            lines += o.lines;
            rejected += o.rejected;
            o.reasons.forEach(this::count);
        }

        String topReason() {
            return reasons.entrySet().stream()
                    .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        }
    }
}
