package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.FileHead;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Fingerprint;
import io.ngxtime.analyzer.ingest.HeadSampler;
import io.ngxtime.analyzer.ingest.IngestStats;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Appends parsed lines to a {@link RecordStore}, exactly once across restarts: every batch carries the
 * position (content fingerprint, offset, line count) of every input read so far, so a process killed at
 * any moment and started again continues where the queue ends, and inputs read before (even renamed or
 * compressed by logrotate since) add only their new lines. An input is found among the checkpoints by its
 * head ({@link FileHead#matches}; the longest matching head wins), and its checkpoint keeps the longest
 * head seen. Not thread-safe.
 */
public final class QueueIngester {
    /** How many inputs' positions each batch remembers (the most recently read). */
    public static final int MAX_REMEMBERED_INPUTS = 64;

    private final RecordStore store;
    private final InputParser reader;
    private final BatchEncoder encoder;
    private final LogFormat format;
    /** By fingerprint, least recently written first (a written one is removed and put back at the end). */
    private final LinkedHashMap<Fingerprint, SourceCheckpoint> checkpoints = new LinkedHashMap<>();
    private final boolean completeLinesOnly;
    private long runningMax = Long.MIN_VALUE;
    /** {@link #runningMax} for other threads: the latest request time appended so far. */
    private volatile long appendedMaxTime = Long.MIN_VALUE;
    private int parallelism = 1;
    private long batches;
    private long appendedLines;
    private long appendedRejected;
    /** The stream offset of the input the last batch was appended for, after its last line. */
    private long position;
    /** Why the queue refused a batch; once set, nothing more is written (it would skip the lost lines). */
    private String failure;
    private Runnable afterAppend = () -> { };
    /** Wall-clock time for {@link SourceCheckpoint#movedMillis()}; replaceable in tests. */
    private java.util.function.LongSupplier wallMillis = System::currentTimeMillis;
    /** Also told every line, in the order read (null: none). */
    private java.util.function.Function<Input, LineSink> observer;

    /**
     * The latest request time (epoch ms) in what this ingester has appended so far, {@link Long#MIN_VALUE} before
     * any: readable from any thread, so that a reader behind it knows how far the log has got.
     */
    public long appendedMaxTime() {
        return appendedMaxTime;
    }

    /**
     * @param completeLinesOnly leave a last line without a newline for later (for files still being written)
     */
    public QueueIngester(RecordStore store, LogFormat format, int maxLineBytes, boolean completeLinesOnly) {
        this.store = store;
        this.reader = new InputParser(format, maxLineBytes);
        this.encoder = new BatchEncoder(format);
        this.format = format;
        this.completeLinesOnly = completeLinesOnly;
        Batch last = store.lastBatch();
        if (last != null) {
            runningMax = last.runningMaxTime();
            for (SourceCheckpoint c : last.checkpoints()) {
                checkpoints.put(c.fingerprint(), c);
            }
        }
    }

    /**
     * Parse files ({@link #ingest}) on this many threads (default 1): lines are read on one at a time
     * in chunks of a batch, parsed and encoded in parallel, and appended in their order, each batch
     * with its checkpoint, so the queue is the same as with one thread.
     */
    public QueueIngester parallelism(int threads) {
        this.parallelism = Math.max(1, threads);
        return this;
    }

    /**
     * Notes that the log {@code name} is followed from now on ({@link SourceCheckpoint#followedSince}),
     * unless the queue has such a note already; written at once. Notes are kept however many inputs are
     * read after them.
     */
    public void noteFollowed(String name) throws IOException {
        Fingerprint key = SourceCheckpoint.followFingerprint(name);
        if (!checkpoints.containsKey(key)) {
            flush(key, name, 0, 0);
        }
    }

    /**
     * Replaces the wall clock of {@link SourceCheckpoint#movedMillis()}: tests, and a live session, which
     * reads when each batch was appended on its own clock.
     */
    public void wallClock(java.util.function.LongSupplier millis) {
        this.wallMillis = millis;
    }

    /** Called after every appended batch (the pipeline counts them for back-pressure). */
    public void afterAppend(Runnable r) {
        this.afterAppend = r;
    }

    /**
     * Also tells the sink that {@code perInput} gives for an input every line of it, as it is parsed and in
     * the order read (the files' path counts rejected lines with their neighbours' times this way: a
     * batch keeps only their counts). Needs {@link #parallelism} 1.
     */
    public void observe(java.util.function.Function<Input, LineSink> perInput) {
        this.observer = perInput;
    }

    /**
     * Where the queue says the file with this head stands, or null: of the checkpoints whose fingerprint
     * the head matches, the one with the longest head (the most specific), the latest of equals.
     */
    public SourceCheckpoint checkpoint(FileHead head) {
        if (head == null || head.fingerprint() == null) {
            return null;
        }
        SourceCheckpoint exact = checkpoints.get(head.fingerprint());
        if (exact != null) {
            return exact; // as long as the file's head: no other can be more specific
        }
        SourceCheckpoint best = null;
        for (SourceCheckpoint c : checkpoints.values()) {
            if ((best == null || c.fingerprint().headBytes() >= best.fingerprint().headBytes()) && head.matches(c.fingerprint())) {
                best = c;
            }
        }
        return best;
    }

    /** Everything remembered, least recently written first. */
    public List<SourceCheckpoint> checkpoints() {
        return new ArrayList<>(checkpoints.values());
    }


    /**
     * Reads {@code input} from where the queue says it stands to its end. Standard input is identified
     * by its content like a file: piped in again, only what the queue does not hold yet is added. It has
     * no "later", so its last line counts without a newline, as a compressed file's does.
     *
     * @param cancelled checked between lines: when true, the lines so far are written and reading stops
     * @return lines of new content read
     */
    public long ingest(Input input, BooleanSupplier cancelled) throws IOException {
        return ingest(input, head -> true, cancelled);
    }

    /** What {@link #ingest(Input, java.util.function.Predicate, BooleanSupplier)} gives for a file it did not expect. */
    static final long NOT_EXPECTED = -1;

    /**
     * As {@link #ingest(Input, BooleanSupplier)}, when the file opened under the name is the one
     * {@code expected} accepts by its head; else nothing is read and {@link #NOT_EXPECTED} returned (the
     * name was given to another file since the caller looked at it: a rotation renamed it).
     */
    long ingest(Input input, java.util.function.Predicate<FileHead> expected, BooleanSupplier cancelled) throws IOException {
        try (InputStream raw = input.open()) {
            BufferedInputStream in = HeadSampler.rewindable(raw);
            // standard input too is known by its content: piped in again, only what the queue lacks is added
            FileHead head = FileHead.read(in);
            if (!input.isStdin() && head.fingerprint() == null) {
                return 0; // no complete first line yet: nothing to identify the file by
            }
            if (head.fingerprint() != null && !expected.test(head)) {
                return NOT_EXPECTED;
            }
            SourceCheckpoint from = checkpoint(head);
            long offset = from == null ? 0 : from.offset();
            long lineBase = from == null ? 0 : from.lines();
            try {
                in.skipNBytes(offset);
            } catch (EOFException e) {
                return 0; // shorter than what was read before: same first line, nothing new
            }
            boolean lastLineComplete = !completeLinesOnly || input.isStdin()
                    || io.ngxtime.analyzer.source.Compression.isCompressedName(input.name());
            LineReader lines = new LineReader(in, reader.maxLineBytes(), lastLineComplete);
            if (parallelism > 1 && observer != null) {
                throw new IllegalStateException("an observer is told lines in the order read: parallelism must be 1");
            }
            return parallelism > 1 ? readParallel(lines, input, key(head), offset, lineBase, cancelled)
                    : read(lines, input, head, offset, lineBase, cancelled);
        }
    }

    /**
     * Reads lines from an already positioned reader (follow mode calls this as lines arrive).
     *
     * @param head the head of the file read (its checkpoint is found by it, and takes its fingerprint);
     *             null for an input without one (standard input): no checkpoint is kept
     */
    public long read(LineReader lines, Input input, FileHead head, long offsetBase, long lineBase,
                     BooleanSupplier cancelled) throws IOException {
        Fingerprint fingerprint = key(head);
        LineSink sink = observer == null ? encoder.sink() : LineSink.both(encoder.sink(), observer.apply(input));
        long n = 0;
        // where the reader stands now: follow mode calls this again and again with the same reader and
        // bases, so a call that reads no line must not put the checkpoint back to where the file was opened
        long offset = offsetBase + lines.nextLineStreamOffset();
        long lineNumber = lineBase + lines.lineNumber();
        int batchLines = 0;
        long batchBytes = 0;
        try {
            while (!cancelled.getAsBoolean() && lines.next()) {
                reader.line(lines, input.name(), lineBase, sink);
                n++;
                batchLines++;
                batchBytes += lines.lineEnd() - lines.lineStart();
                offset = offsetBase + lines.nextLineStreamOffset();
                lineNumber = lineBase + lines.lineNumber();
                // batches end where readParallel's chunks end, so both write the same batches
                if (batchLines >= CHUNK_LINES || batchBytes >= CHUNK_BYTES || encoder.isFull()) {
                    flush(fingerprint, input.name(), offset, lineNumber);
                    batchLines = 0;
                    batchBytes = 0;
                }
            }
        } catch (AppendException e) {
            throw e; // the queue cannot take more: nothing more to flush
        } catch (IOException e) {
            flush(fingerprint, input.name(), offset, lineNumber); // keep what was read
            throw located(e, lineBase, lineNumber);
        }
        flush(fingerprint, input.name(), offset, lineNumber);
        return n;
    }

    /**
     * The fingerprint the checkpoint of the file with this head is kept under from now on (null: none is
     * kept). The checkpoint found for it, if it was kept under a shorter head, moves to this one, in place.
     */
    private Fingerprint key(FileHead head) {
        Fingerprint fp = head == null ? null : head.fingerprint();
        if (fp == null) {
            return null;
        }
        SourceCheckpoint known = checkpoint(head);
        if (known != null && !known.fingerprint().equals(fp)) {
            LinkedHashMap<Fingerprint, SourceCheckpoint> rekeyed = new LinkedHashMap<>();
            checkpoints.forEach((k, v) -> {
                if (v == known) {
                    rekeyed.put(fp, new SourceCheckpoint(fp, v.path(), v.offset(), v.lines(), v.movedMillis()));
                } else if (!k.equals(fp)) {
                    rekeyed.put(k, v);
                }
            });
            checkpoints.clear();
            checkpoints.putAll(rekeyed);
        }
        return fp;
    }

    /**
     * A read error that stopped an input, saying where: damaged compressed data located in the input's
     * lines (the reader counted from {@code lineBase}), any other error with the lines read before it.
     * The checkpoint written before it holds every line read, a line the damage cut short included, so
     * ingesting the same damaged file again adds nothing and reports the damage again.
     */
    private static IOException located(IOException e, long lineBase, long linesRead) {
        if (e instanceof CompressedDataException d && d.completeLines() != CompressedDataException.LINES_UNKNOWN) {
            return lineBase == 0 ? d : d.afterLines(lineBase + d.completeLines(), d.lineCut());
        }
        return new IOException(io.ngxtime.analyzer.files.IoErrorText.describe(e) + "; read " + linesRead + " lines before it", e);
    }

    /** Lines per chunk handed to a parallel worker: one batch. */
    static final int CHUNK_LINES = 1024;
    static final int CHUNK_BYTES = 1 << 20;

    /**
     * {@link #read} on {@link #parallelism} threads: this thread reads the lines in chunks of a batch
     * and hands each to an executor, which parses and encodes it into a sealed batch; the futures wait
     * in a bounded queue, in the order read, and this thread appends each batch in turn, so batches reach
     * the queue in the input's order with exact checkpoints. At most {@code 2 * parallelism} chunks are
     * in flight (each holds a batch of lines), which bounds memory and lets reading run ahead of parsing.
     */
    private long readParallel(LineReader lines, Input input, Fingerprint fingerprint, long offsetBase, long lineBase,
                              BooleanSupplier cancelled) throws IOException {
        String name = input.name();
        ArrayDeque<ChunkWorker> idle = new ArrayDeque<>();
        List<ChunkWorker> workers = new ArrayList<>();
        for (int i = 0; i < 2 * parallelism; i++) {
            ChunkWorker w = new ChunkWorker(new InputParser(format, reader.maxLineBytes()), new BatchEncoder(format));
            workers.add(w);
            idle.add(w);
        }
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        ExecutorService parsers = Executors.newFixedThreadPool(parallelism, PARSE_THREADS);
        long read = 0;
        long lastLine = lineBase;
        IOException readError = null;
        try {
            boolean end = false;
            while (!end && !cancelled.getAsBoolean()) {
                if (idle.isEmpty()) {
                    appendOldest(inFlight, idle, fingerprint, name, offsetBase, lineBase);
                }
                ChunkWorker w = idle.poll();
                LineChunk chunk = w.chunk;
                end = !chunk.fill(lines, CHUNK_LINES, CHUNK_BYTES);
                if (chunk.error != null) {
                    readError = chunk.error;
                }
                if (chunk.size == 0) {
                    idle.add(w);
                    break;
                }
                read += chunk.size;
                lastLine = lineBase + chunk.endLine;
                long base = lineBase;
                inFlight.add(new InFlight(w, parsers.submit(() -> w.parse(base, name))));
            }
            while (!inFlight.isEmpty()) {
                appendOldest(inFlight, idle, fingerprint, name, offsetBase, lineBase);
            }
        } finally {
            // after a failure nothing may follow the gap: the batches still in flight are dropped
            inFlight.forEach(f -> f.sealed().cancel(false));
            parsers.shutdown();
            awaitQuietly(parsers);
            for (ChunkWorker w : workers) {
                reader.stats().add(w.parser.stats());
            }
        }
        if (readError != null) {
            throw located(readError, lineBase, lastLine);
        }
        if (read == 0) {
            // a new input without new lines is still remembered, where the reader stands
            flush(fingerprint, name, offsetBase + lines.nextLineStreamOffset(), lineBase + lines.lineNumber());
        }
        return read;
    }

    /** The parse threads of {@link #readParallel}: daemons, so a stuck one never holds the JVM. */
    private static final ThreadFactory PARSE_THREADS = new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "ngxtime-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    };

    /** A chunk handed to the parse threads, and the batch they make of it. */
    private record InFlight(ChunkWorker worker, Future<BatchEncoder.Sealed> sealed) {
    }

    /** What one chunk in flight needs: its lines, a parser and an encoder (reused once its batch is appended). */
    private static final class ChunkWorker {
        final LineChunk chunk = new LineChunk();
        final InputParser parser;
        final BatchEncoder encoder;

        ChunkWorker(InputParser parser, BatchEncoder encoder) {
            this.parser = parser;
            this.encoder = encoder;
        }

        BatchEncoder.Sealed parse(long lineBase, String name) {
            LineSink sink = encoder.sink();
            for (int i = 0; i < chunk.size; i++) {
                parser.line(chunk.data, chunk.start[i], chunk.end[i], chunk.tooLong[i], chunk.cut[i],
                        lineBase + chunk.lineNumber[i], chunk.streamBytes[i], name, sink);
            }
            return encoder.seal();
        }
    }

    /** Waits for the oldest chunk's batch and appends it with its checkpoint; its worker is idle again. */
    private void appendOldest(ArrayDeque<InFlight> inFlight, ArrayDeque<ChunkWorker> idle, Fingerprint fingerprint,
                              String name, long offsetBase, long lineBase) throws IOException {
        InFlight oldest = inFlight.poll();
        BatchEncoder.Sealed sealed;
        try {
            sealed = oldest.sealed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while parsing " + name);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
        LineChunk chunk = oldest.worker().chunk;
        append(sealed, fingerprint, name, offsetBase + chunk.endOffset, lineBase + chunk.endLine);
        idle.add(oldest.worker());
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a chunk of a batch takes milliseconds: keep waiting, its parser's stats are merged next
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the current batch (if any) with the input's new position (null fingerprint: none kept). */
    private void flush(Fingerprint fingerprint, String name, long offset, long lines) throws IOException {
        append(encoder.seal(), fingerprint, name, offset, lines);
    }

    /** Appends a sealed batch with the input's new position (skipped when empty and nothing moved). */
    private void append(BatchEncoder.Sealed sealed, Fingerprint fingerprint, String name, long offset, long lines)
            throws IOException {
        if (failure != null) {
            throw new AppendException(failure, -1, null);
        }
        boolean moved = fingerprint != null;
        if (moved) {
            SourceCheckpoint prev = checkpoints.remove(fingerprint);
            moved = prev == null || prev.offset() != offset;
            // written last, so the batch's own input is last: readers take it as the batch's input, and
            // its line count as the line number of the batch's last line (BatchLineOrder)
            long movedMillis = moved ? wallMillis.getAsLong() : prev.movedMillis();
            checkpoints.put(fingerprint, new SourceCheckpoint(fingerprint, name, offset, lines, movedMillis));
            evictBeyond(MAX_REMEMBERED_INPUTS);
        }
        if (sealed.count() == 0 && sealed.rejected() == 0 && !moved) {
            return;
        }
        int records = sealed.count();
        long rejectedLines = sealed.rejected();
        int len;
        try {
            len = encoder.assemble(sealed, checkpoints.values(), runningMax);
            store.append(encoder.encoded(), len);
        } catch (IOException e) {
            failure = e.getMessage(); // the batch's lines are gone from memory: write nothing after the gap
            if (!store.isPresent()) {
                throw new AppendException(e.getMessage(), -1, e); // no queue left to say what it holds
            }
            SourceCheckpoint held = lastHeld(fingerprint);
            long heldLines = held == null ? 0 : held.lines();
            // "resume" only where there is a checkpoint to resume from (a removed cycle file can take them all)
            throw new AppendException(e.getMessage() + (heldLines > 0
                    ? "; the queue holds " + name + " up to line " + heldLines + ": run the command again to resume from there"
                    : "; the queue holds none of " + name), heldLines, e);
        } catch (RuntimeException | Error e) {
            failure = "cannot append: " + e; // same gap: the next worker in line must not write past it
            throw e;
        }
        runningMax = BatchDecoder.timeRange(encoder.encoded(), 0, len)[2];
        appendedMaxTime = runningMax;
        position = offset;
        batches++;
        appendedLines += records + rejectedLines;
        appendedRejected += rejectedLines;
        afterAppend.run();
    }

    /** Forgets the least recently moved inputs beyond {@code max}; follow notes last (they are few, and tell since when). */
    private void evictBeyond(int max) {
        Iterator<SourceCheckpoint> it = checkpoints.values().iterator();
        while (checkpoints.size() > max && it.hasNext()) {
            if (!it.next().isFollowedSince()) {
                it.remove();
            }
        }
        it = checkpoints.values().iterator();
        while (checkpoints.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private SourceCheckpoint lastHeld(Fingerprint fingerprint) {
        Batch last = store.lastBatch();
        if (last == null || fingerprint == null) {
            return null;
        }
        // the queue may hold the file under a shorter head (the one it had when written last)
        return last.checkpoints().stream()
                .filter(c -> c.fingerprint().firstLineHash() == fingerprint.firstLineHash()
                        && c.fingerprint().headBytes() <= fingerprint.headBytes())
                .max(java.util.Comparator.comparingInt(c -> c.fingerprint().headBytes())).orElse(null);
    }

    /** The queue refused a batch (full disk, failed write): the lines of that batch are not in it. */
    public static final class AppendException extends IOException {
        private final long heldLines;

        AppendException(String message, long heldLines, IOException cause) {
            super(message, cause);
            this.heldLines = heldLines;
        }

        /**
         * The lines of the input being written that the queue still holds (a checkpoint to resume from): 0 when it
         * holds none of them, -1 when there is no queue left to ask.
         */
        public long heldLines() {
            return heldLines;
        }
    }

    /** Lines (accepted and rejected) in batches that reached the queue. */
    public long appendedLines() {
        return appendedLines;
    }

    /**
     * Where the input read stands after the last batch that reached the queue: its stream offset
     * (decompressed bytes, the lines a checkpoint skipped included).
     */
    public long position() {
        return position;
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
