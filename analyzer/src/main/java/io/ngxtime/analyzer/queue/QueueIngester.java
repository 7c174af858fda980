package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.Fingerprint;
import io.ngxtime.analyzer.ingest.HeadSampler;
import io.ngxtime.analyzer.ingest.IngestStats;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.LogReader;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Appends parsed lines to a {@link RecordStore}, exactly once across restarts: every batch carries the
 * position (content fingerprint, offset, line count) of every input read so far, so a process killed at
 * any moment and started again continues where the queue ends, and inputs read before (even renamed or
 * compressed by logrotate since) add only their new lines. Not thread-safe.
 */
public final class QueueIngester {
    /** How many inputs' positions each batch remembers (the most recently read). */
    public static final int MAX_REMEMBERED_INPUTS = 64;

    private final RecordStore store;
    private final LogReader reader;
    private final BatchEncoder encoder;
    private final LinkedHashMap<Long, SourceCheckpoint> checkpoints = new LinkedHashMap<>(16, 0.75f, true);
    private final boolean completeLinesOnly;
    private long runningMax = Long.MIN_VALUE;
    private long batches;
    private long appendedLines;
    private long appendedRejected;
    /** Why the queue refused a batch; once set, nothing more is written (it would skip the lost lines). */
    private String failure;
    private Runnable afterAppend = () -> { };

    /**
     * @param completeLinesOnly leave a last line without a newline for later (for files still being written)
     */
    public QueueIngester(RecordStore store, LogFormat format, int maxLineBytes, boolean completeLinesOnly) {
        this.store = store;
        this.reader = new LogReader(format, maxLineBytes);
        this.encoder = new BatchEncoder(format);
        this.completeLinesOnly = completeLinesOnly;
        Batch last = store.lastBatch();
        if (last != null) {
            runningMax = last.runningMaxTime();
            for (SourceCheckpoint c : last.checkpoints()) {
                checkpoints.put(c.fingerprint(), c);
            }
        }
    }

    /** Called after every appended batch (the pipeline counts them for back-pressure). */
    public void afterAppend(Runnable r) {
        this.afterAppend = r;
    }

    /** Where the queue says an input with this fingerprint stands, or null. */
    public SourceCheckpoint checkpoint(long fingerprint) {
        return checkpoints.get(fingerprint);
    }

    /** Everything remembered, oldest first. */
    public List<SourceCheckpoint> checkpoints() {
        return new ArrayList<>(checkpoints.values());
    }

    /**
     * Reads {@code input} from where the queue says it stands to its end.
     *
     * @param cancelled checked between lines: when true, the lines so far are written and reading stops
     * @return lines of new content read
     */
    public long ingest(Input input, BooleanSupplier cancelled) throws IOException {
        try (InputStream raw = input.open()) {
            BufferedInputStream in = HeadSampler.rewindable(raw);
            long fp = input.isStdin() ? Fingerprint.NONE : Fingerprint.of(in);
            if (!input.isStdin() && fp == Fingerprint.NONE) {
                return 0; // no complete first line yet: nothing to identify the file by
            }
            SourceCheckpoint from = checkpoints.get(fp);
            long offset = from == null || input.isStdin() ? 0 : from.offset();
            long lineBase = from == null || input.isStdin() ? 0 : from.lines();
            try {
                in.skipNBytes(offset);
            } catch (EOFException e) {
                return 0; // shorter than what was read before: same first line, nothing new
            }
            LineReader lines = new LineReader(in, reader.maxLineBytes(), !completeLinesOnly || io.ngxtime.analyzer.source.Compression.isCompressedName(input.name()));
            return read(lines, input, fp, offset, lineBase, cancelled);
        }
    }

    /** Reads lines from an already positioned reader (follow mode calls this as lines arrive). */
    public long read(LineReader lines, Input input, long fingerprint, long offsetBase, long lineBase,
                     BooleanSupplier cancelled) throws IOException {
        LineSink sink = new LineSink() {
            @Override
            public void accept(LogRecord record) {
                encoder.add(record);
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                encoder.reject(source, lineNumber, error, b, from, to);
            }
        };
        long n = 0;
        long offset = offsetBase;
        long lineNumber = lineBase;
        try {
            while (!cancelled.getAsBoolean() && lines.next()) {
                reader.line(lines, input.name(), lineBase, sink);
                n++;
                offset = offsetBase + lines.nextLineStreamOffset();
                lineNumber = lineBase + lines.lineNumber();
                if (encoder.isFull()) {
                    flush(fingerprint, input.name(), offset, lineNumber);
                }
            }
        } catch (AppendException e) {
            throw e; // the queue cannot take more: nothing more to flush
        } catch (IOException e) {
            flush(fingerprint, input.name(), offset, lineNumber); // keep what was read
            throw new IOException(io.ngxtime.analyzer.Analysis.describe(e) + "; read " + lineNumber + " lines before it", e);
        }
        flush(fingerprint, input.name(), offset, lineNumber);
        return n;
    }

    /** Writes the current batch (if any) with the input's new position. */
    public void flush(long fingerprint, String name, long offset, long lines) throws IOException {
        if (failure != null) {
            throw new AppendException(failure, null);
        }
        boolean moved = fingerprint != Fingerprint.NONE;
        if (moved) {
            SourceCheckpoint prev = checkpoints.get(fingerprint);
            moved = prev == null || prev.offset() != offset;
            checkpoints.put(fingerprint, new SourceCheckpoint(fingerprint, name, offset, lines));
            while (checkpoints.size() > MAX_REMEMBERED_INPUTS) {
                Iterator<Map.Entry<Long, SourceCheckpoint>> it = checkpoints.entrySet().iterator();
                it.next();
                it.remove();
            }
        }
        if (encoder.isEmpty() && !moved) {
            return;
        }
        int records = encoder.count();
        long rejectedLines = encoder.rejected();
        int len = encoder.finish(checkpoints.values(), runningMax);
        try {
            store.append(encoder.encoded(), len);
        } catch (IOException e) {
            failure = e.getMessage(); // the batch's lines are gone from memory: write nothing after the gap
            SourceCheckpoint held = lastHeld(fingerprint);
            throw new AppendException(e.getMessage() + "; the queue holds " + name + " up to line "
                    + (held == null ? 0 : held.lines()) + ": run ingest again to resume from there", e);
        }
        runningMax = BatchDecoder.timeRange(encoder.encoded(), 0, len)[2];
        batches++;
        appendedLines += records + rejectedLines;
        appendedRejected += rejectedLines;
        afterAppend.run();
    }

    private SourceCheckpoint lastHeld(long fingerprint) {
        Batch last = store.lastBatch();
        if (last == null) {
            return null;
        }
        return last.checkpoints().stream().filter(c -> c.fingerprint() == fingerprint).findFirst().orElse(null);
    }

    /** The queue refused a batch (full disk, failed write): the lines of that batch are not in it. */
    public static final class AppendException extends IOException {
        AppendException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Lines (accepted and rejected) in batches that reached the queue. */
    public long appendedLines() {
        return appendedLines;
    }

    /** Rejected lines counted in batches that reached the queue. */
    public long appendedRejected() {
        return appendedRejected;
    }

    public IngestStats stats() {
        return reader.stats();
    }

    /** Batches appended. */
    public long batches() {
        return batches;
    }
}
