package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One decoded batch: its requests (reused objects), checkpoints and rejected-line counts. Reused by the decoder. */
public final class Batch {
    String formatName;
    /** What the batch's format logs ({@code Logged} bits). */
    int logged;
    long minTime;
    long maxTime;
    long runningMaxTime;
    int count;
    Request[] requests = new Request[0];
    final List<SourceCheckpoint> checkpoints = new ArrayList<>();
    long rejected;
    final Map<String, Long> reasons = new LinkedHashMap<>();
    final List<LineSample> samples = new ArrayList<>();
    final List<LineSample> noteSamples = new ArrayList<>();

    public String formatName() {
        return formatName;
    }

    /** What the batch's format logs ({@link io.ngxtime.analyzer.record.Logged} bits). */
    public int logged() {
        return logged;
    }

    /** Earliest request time in the batch (epoch ms), Long.MAX_VALUE when none has a time. */
    public long minTime() {
        return minTime;
    }

    public long maxTime() {
        return maxTime;
    }

    /** Latest request time in the queue up to and including this batch. */
    public long runningMaxTime() {
        return runningMaxTime;
    }

    public int size() {
        return count;
    }

    /** Request {@code i} (0 ≤ i < size); reused by the next decode. */
    public Request request(int i) {
        return requests[i];
    }

    public List<SourceCheckpoint> checkpoints() {
        return checkpoints;
    }

    public long rejected() {
        return rejected;
    }

    public Map<String, Long> reasons() {
        return reasons;
    }

    public List<LineSample> samples() {
        return samples;
    }

    /** The first accepted lines of the batch with a note (their upstream lists disagree, ...), as samples. */
    public List<LineSample> noteSamples() {
        return noteSamples;
    }
}
