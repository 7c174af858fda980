package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.grammar.ParseError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rejected lines of a time window. A rejected line has no time of its own, so it takes the time of
 * a neighbour in the same input: the request (a line with a time) read before it, or, for the lines
 * before an input's first request, that first request. It is in the window {@code [from, to)} when that
 * time is. An input without any request leaves its rejected lines without a time: they count only in a
 * report without a window, like requests without a time.
 *
 * <p>Reports from files and from a record queue both feed this class, in the order the lines were read,
 * so both count the same rejected lines in a window (docs/report-json.md, {@code rejected}). Without a
 * window every rejected line is counted at once. Lines before an input's first request are held (their
 * counts by reason, and samples up to the tally's limit: bounded) until that request tells their time.
 *
 * <p>Inputs are told apart by a key of the caller's choosing (a name, a fingerprint). Not thread-safe.
 */
public final class WindowedRejects {
    private final TimeWindow window;
    private final boolean windowed;
    private final Rejects tally;
    private final Map<Object, InputState> inputs = new HashMap<>();
    /** The input of the last call: lines of one input come one after the other, so this saves a lookup a line. */
    private Object lastInput;
    private InputState last;

    /** Where one input stands: the time of its last request, or its lines held until it has one. */
    private static final class InputState {
        boolean hasRequest;
        long lastRequestMillis;
        Rejects held;
    }

    /**
     * @param window the window whose rejected lines count ({@link TimeWindow#ALL}: every line)
     * @param tally  where the rejected lines of the window are counted
     */
    public WindowedRejects(TimeWindow window, Rejects tally) {
        this.window = window;
        this.windowed = window.isBounded();
        this.tally = tally;
    }

    /** Whether a time (epoch ms) is in the window. */
    public boolean inWindow(long timeMillis) {
        return window.contains(timeMillis);
    }

    /** A request of {@code input} read; {@code timeMillis} -1 when its line had no time (it changes nothing). */
    public void request(Object input, long timeMillis) {
        if (!windowed || timeMillis < 0) {
            return;
        }
        InputState s = state(input);
        s.hasRequest = true;
        s.lastRequestMillis = timeMillis;
        if (s.held != null) {
            if (inWindow(timeMillis)) {
                tally.merge(s.held);
            }
            s.held = null;
        }
    }

    /**
     * {@code input} had requests before the first line read here, all of them before the window (a reader
     * that seeked past them): its next rejected lines follow a request before the window.
     */
    public void continuesFromBeforeTheWindow(Object input) {
        if (!window.hasStart()) {
            return;
        }
        InputState s = state(input);
        if (!s.hasRequest && s.held == null) {
            s.hasRequest = true;
            s.lastRequestMillis = window.fromMillis() - 1;
        }
    }

    /** A rejected line of {@code input}: {@code b[from, to)} (see {@link Rejects#add}). */
    public void rejected(Object input, String source, long lineNumber, byte[] b, int from, int to, ParseError error) {
        Rejects into = destination(input);
        if (into != null) {
            into.add(source, lineNumber, b, from, to, error);
        }
    }

    /** Rejected lines of {@code input} counted elsewhere (a queue batch), all at this point of the input. */
    public void rejected(Object input, long count, Map<String, Long> byReason, List<LineSample> samples) {
        if (count == 0) {
            return;
        }
        Rejects into = destination(input);
        if (into != null) {
            into.addCounted(count, byReason, samples);
        }
    }

    /** A sink that tells this class the lines of {@code input} as they are parsed (in the order read). */
    public LineSink sink(Object input) {
        return new LineSink() {
            @Override
            public void accept(io.ngxtime.grammar.LogRecord record) {
                request(input, record.timeMillis());
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                rejected(input, source, lineNumber, b, from, to, error);
            }
        };
    }

    /** Where a rejected line of {@code input} read now is counted: the tally, held, or nowhere (null). */
    private Rejects destination(Object input) {
        if (!windowed) {
            return tally;
        }
        InputState s = state(input);
        if (s.hasRequest) {
            return inWindow(s.lastRequestMillis) ? tally : null;
        }
        if (s.held == null) {
            s.held = new Rejects(tally.maxSamples());
        }
        return s.held;
    }

    private InputState state(Object input) {
        if (input != lastInput || last == null) {
            last = inputs.computeIfAbsent(input, k -> new InputState());
            lastInput = input;
        }
        return last;
    }
}
