package io.ngxtime.analyzer.queue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.RollingChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The persistent record store: a Chronicle Queue of batches ({@link BatchEncoder}). Each excerpt is
 * one batch, written atomically: a process killed mid-write leaves no partial batch visible. Daily
 * roll cycles (files are named by the wall-clock day of the append, not the log's time). Chronicle's
 * analytics are excluded from the build and switched off ({@link #disableAnalytics()}).
 */
public final class RecordStore implements Closeable {
    /**
     * Free space kept on the queue's device beyond the batch about to be written (Chronicle's index
     * pages, the next cycle file's header).
     */
    static final long RESERVE_BYTES = 4L << 20;

    private final Path dir;
    /** The directory's file key when opened: another one (or none) means it was removed or replaced. */
    private final Object dirKey;
    /**
     * The file key of Chronicle's {@value #METADATA_FILE} when opened (null when there was none): Chronicle
     * makes it with the queue and never replaces it, so its absence means the directory was emptied, or was
     * being removed when something created a file in it (an {@code rm -r} racing the next cycle's file
     * leaves the directory behind, holding that one file).
     */
    private final Object metadataKey;
    private final ChronicleQueue queue;
    /** Free bytes on the queue's device; replaceable in tests to play a full disk. */
    private java.util.function.LongSupplier usableSpace;
    /** Queue indexes of the batches found unreadable (bounded: a queue that is mostly damage is told anyway). */
    private final java.util.Set<Long> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ExcerptAppender appender;
    /**
     * The roll cycle the appender wrote last, its file and the file's key: a cycle file removed while it is written
     * ({@code rm q/*.cq4} under a running {@code tail --queue}) stays mapped, and what is appended to it is lost.
     */
    private int appendedCycle = Integer.MIN_VALUE;
    private Path appendedCycleFile;
    private Object appendedCycleKey;
    /** The clock of a temporary queue ({@link #openTemporary}), told of every append; null otherwise. */
    private AppendedBytesClock appendedBytesClock;
    /** Copies a batch into its excerpt; replaceable in tests to play a write that faults. */
    interface ExcerptWrite {
        void write(Bytes<?> to, byte[] batch, int length);
    }

    ExcerptWrite write = (to, batch, length) -> to.write(batch, 0, length);
    private byte[] scratch = new byte[1 << 20];

    private RecordStore(Path dir, ChronicleQueue queue) throws IOException {
        this.dir = dir;
        this.queue = queue;
        this.dirKey = fileKey(dir);
        Path metadata = dir.resolve(METADATA_FILE);
        this.metadataKey = Files.exists(metadata) ? fileKey(metadata) : null;
    }

    /** Chronicle's system property: whether a background thread releases mapped chunks (true unless set). */
    static final String BACKGROUND_RELEASER_PROPERTY = "background.releaser";
    /** Chronicle's table store of a queue: its directory listing, named readers' positions, the write lock. */
    static final String METADATA_FILE = "metadata.cq4t";

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * Chronicle must never phone home or print banners; call before any Chronicle class loads. Also binds
     * Chronicle's POSIX calls to its no-op implementation: Chronicle's start-up otherwise loads jnr-ffi and
     * generates native stubs (about 240 classes, 100-250 ms of every run that opens a queue) for calls that
     * change nothing here: {@code msync} with Chronicle's default sync mode, ASYNC, whose {@code MS_ASYNC} Linux
     * has treated as a no-op since 2.6.19 (the page cache already holds what was written, which survives the
     * process's death: kill -9 loses nothing either way, and a power cut loses the same); no POSIX clock is
     * used. Someone who asks Chronicle for {@code -DmappedFile.defaultSyncMode=SYNC} keeps the real binding and
     * gets the synchronous {@code msync} asked for. {@code RecordStoreTest} checks the binding, and the
     * kill -9 scenarios ({@code ResumeAfterKillTest}, {@code KillAndRotateTest}) that a killed writer loses
     * nothing.
     *
     * <p>Chronicle's mapped chunks (80 MB of a cycle file each) are unmapped by the thread that lets go of them
     * ({@value #BACKGROUND_RELEASER_PROPERTY}{@code =false}, Chronicle's switch for it), not later by its background
     * releaser thread: a report's peak passes jump between cycles, and the chunks they left stayed mapped, and
     * resident, until that thread got to them; a report of 10M lines peaked at 295-331 MB resident with the
     * background releaser and 264-274 MB without it, in the same time (docs/performance.md, "Memory"). A
     * {@code -Dbackground.releaser=true} given to the JVM is kept.
     */
    public static void disableAnalytics() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        if (System.getProperty(BACKGROUND_RELEASER_PROPERTY) == null) {
            System.setProperty(BACKGROUND_RELEASER_PROPERTY, "false");
        }
        String syncMode = System.getProperty("mappedFile.defaultSyncMode", "ASYNC");
        if (net.openhft.posix.internal.PosixAPIHolder.POSIX_API == null
                && (syncMode.equals("ASYNC") || syncMode.equals("NONE"))) {
            net.openhft.posix.internal.PosixAPIHolder.useNoOpPosixApi();
        }
    }

    /**
     * Opens (creating it when missing) the store in {@code dir}.
     *
     * @throws IOException when the directory cannot be created or written
     */
    public static RecordStore open(Path dir) throws IOException {
        disableAnalytics();
        Files.createDirectories(dir);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "queue directory is not writable");
        }
        return new RecordStore(dir, build(dir, false, null));
    }

    /**
     * Opens a writable store whose roll cycles follow {@code clock} instead of the wall clock: tests
     * append on several days within a second.
     */
    static RecordStore open(Path dir, net.openhft.chronicle.core.time.TimeProvider clock) throws IOException {
        return open(dir, clock, LargeRollCycles.LARGE_DAILY);
    }

    /** As {@link #open(Path, net.openhft.chronicle.core.time.TimeProvider)}, a new queue rolling every {@code cycle}. */
    static RecordStore open(Path dir, net.openhft.chronicle.core.time.TimeProvider clock, RollCycle cycle) throws IOException {
        disableAnalytics();
        Files.createDirectories(dir);
        return new RecordStore(dir, build(dir, false, clock, cycle));
    }

    /**
     * A new store for one run's records ({@code report} on large files): as {@link #open(Path)}, but its roll
     * cycles follow the bytes appended ({@link AppendedBytesClock}), so that the mapped pages of what was read
     * are let go as the run goes on and its resident memory stays flat however large the input.
     *
     * @throws IOException when the directory cannot be created or written
     */
    public static RecordStore openTemporary(Path dir) throws IOException {
        return openTemporary(dir, AppendedBytesClock.CYCLE_BYTES);
    }

    /** As {@link #openTemporary(Path)}, rolling every {@code cycleBytes}. */
    static RecordStore openTemporary(Path dir, long cycleBytes) throws IOException {
        disableAnalytics();
        Files.createDirectories(dir);
        AppendedBytesClock clock = new AppendedBytesClock(System.currentTimeMillis(),
                RollCycles.TEN_MINUTELY.lengthInMillis(), cycleBytes);
        RecordStore store = new RecordStore(dir, build(dir, false, clock, RollCycles.TEN_MINUTELY));
        store.appendedBytesClock = clock;
        return store;
    }

    /**
     * As {@link #open(Path)}, for a queue a live log is followed into ({@code tail --queue}): a queue this
     * creates rolls every ten minutes instead of every day, so that {@link #applyRetention} keeps close to
     * what it is asked for (at 2,000 lines/s a day of records is several GB: a daily cycle could keep neither
     * {@code 12h} nor {@code 2GB}), and so that the cycle file tail maps stays small: Chronicle keeps the
     * pages of the cycle being written mapped until it rolls, and they count in the process's resident memory
     * (an hourly cycle reached 140 MB of it after 22 minutes at 2,000 lines/s, growing to the whole hour's
     * file). A queue that exists keeps the roll cycle it was made with.
     *
     * @throws IOException when the directory cannot be created or written
     */
    public static RecordStore openForFollowing(Path dir) throws IOException {
        disableAnalytics();
        Files.createDirectories(dir);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "queue directory is not writable");
        }
        return new RecordStore(dir, build(dir, false, null, RollCycles.TEN_MINUTELY));
    }

    /**
     * Opens an existing store for reading (read-only when the directory is not writable).
     *
     * @throws IOException when {@code dir} is missing, not a directory, or holds no queue: nothing is
     *                     then created in it (a mistyped {@code --queue /var/log/nginx} stays untouched)
     */
    public static RecordStore openForReading(Path dir) throws IOException {
        requireQueue(dir);
        return new RecordStore(dir, build(dir, !Files.isWritable(dir), null));
    }

    /** Opens an existing store for reading and writing, with the checks of {@link #openForReading}. */
    public static RecordStore openExisting(Path dir) throws IOException {
        requireQueue(dir);
        return open(dir);
    }

    /** Whether the directory holds a queue's files (a run killed before its first batch may leave it without). */
    public static boolean holdsQueueFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).anyMatch(n -> n.endsWith(".cq4") || n.endsWith(".cq4t"));
        }
    }

    private static void requireQueue(Path dir) throws IOException {
        disableAnalytics();
        if (!Files.exists(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such queue directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.FileSystemException(dir.toString(), null,
                    "not a directory: --queue names the directory ingest wrote");
        }
        if (!holdsQueueFiles(dir)) {
            throw new java.nio.file.FileSystemException(dir.toString(), null,
                    "not a queue: no queue files in it (ngxtime ingest FILE... --queue DIR makes one)");
        }
    }

    private static ChronicleQueue build(Path dir, boolean readOnly, net.openhft.chronicle.core.time.TimeProvider clock)
            throws IOException {
        return build(dir, readOnly, clock, LargeRollCycles.LARGE_DAILY);
    }

    /**
     * The roll cycles ngxtime makes queues with: daily (what {@code ingest} makes), ten-minutely (live queues),
     * hourly (live queues of an earlier build).
     */
    private static final List<RollCycle> ROLL_CYCLES = List.of(LargeRollCycles.LARGE_DAILY, RollCycles.TEN_MINUTELY,
            LargeRollCycles.LARGE_HOURLY);

    /**
     * The roll cycle the queue in {@code dir} was made with, known by its cycle files' names (Chronicle keeps
     * it in the queue's metadata and overrides the builder's, but says so on stderr), or {@code forNew} when
     * it has none yet.
     */
    static RollCycle rollCycleOf(Path dir, RollCycle forNew) throws IOException {
        if (!Files.isDirectory(dir)) {
            return forNew;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cq4")).toList();
            for (RollCycle rc : ROLL_CYCLES) {
                java.time.format.DateTimeFormatter named = java.time.format.DateTimeFormatter.ofPattern(rc.format());
                for (String n : names) {
                    try {
                        named.parse(n.substring(0, n.length() - ".cq4".length()));
                        return rc;
                    } catch (java.time.format.DateTimeParseException e) {
                        // another roll cycle's name
                    }
                }
            }
        }
        return forNew;
    }

    private static ChronicleQueue build(Path dir, boolean readOnly, net.openhft.chronicle.core.time.TimeProvider clock,
                                        RollCycle forNew) throws IOException {
        try {
            var builder = ChronicleQueue.singleBuilder(dir).rollCycle(rollCycleOf(dir, forNew)).readOnly(readOnly);
            if (clock != null) {
                builder.timeProvider(clock);
            }
            return builder.build();
        } catch (RuntimeException e) {
            throw new IOException("cannot open queue " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Appends one batch as one excerpt. Callers on several threads must not call it concurrently.
     *
     * <p>The queue's files are memory-mapped and sparse: a write into a page the device has no room
     * for does not fail like a {@code write(2)}, the JVM gets a bus error. So the free space is checked
     * before every batch, and nothing is written without room for it ({@link #RESERVE_BYTES} more);
     * should another process fill the device between the check and the write, the JVM's
     * {@link InternalError} is turned into the same error. Either way no partial batch is visible:
     * Chronicle only marks an excerpt complete when it is closed.
     *
     * @throws IOException starting with "cannot append" when the device is full or the write fails
     */
    public void append(byte[] batch, int length) throws IOException {
        requirePresent();
        requireCycleFile();
        ensureSpace(length);
        if (appender == null) {
            appender = queue.createAppender();
            // parallel ingest appends from whichever worker's turn it is, one at a time under a lock
            // (which orders the accesses): the appender is shared, not used concurrently
            appender.singleThreadedCheckDisabled(true);
        }
        if (appendedBytesClock != null) {
            appendedBytesClock.appended(length); // before the write: the batch that fills a cycle starts the next
        }
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                write.write(dc.wire().bytes(), batch, length);
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose(); // an InternalError (bus error) too: close would commit the partial batch
                throw e;
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot append to queue " + dir + ": " + e.getMessage(), e);
        } catch (InternalError e) {
            throw new IOException("cannot append to queue " + dir + ": no space left on the device "
                    + "(a write into the queue's memory-mapped file failed)", e);
        }
        rememberCycleFile();
    }

    /**
     * Refuses to append into a cycle file that was removed (or replaced) since the last batch went into it: it stays
     * mapped, the append would succeed, and no reader would ever see the batch. One {@code stat} a batch. A new
     * cycle gets a new file, so only the cycle appended to last is checked.
     *
     * @throws IOException starting with "cannot append"
     */
    private void requireCycleFile() throws IOException {
        if (appendedCycleFile == null || ((RollingChronicleQueue) queue).cycle() != appendedCycle) {
            return;
        }
        Object key;
        try {
            key = fileKey(appendedCycleFile);
        } catch (IOException e) {
            key = null;
        }
        if (!appendedCycleKey.equals(key)) {
            throw new IOException("cannot append to queue " + dir + ": its file " + appendedCycleFile.getFileName()
                    + " was removed (or replaced) while it was being written; the batches in it are lost with it,"
                    + " and nothing more is written into it");
        }
    }

    private void rememberCycleFile() {
        int cycle = appender.cycle();
        if (cycle == appendedCycle) {
            return;
        }
        appendedCycle = cycle;
        Path file = cycleFile((SingleChronicleQueue) queue, cycle);
        appendedCycleFile = file != null ? file : dir.resolve("(the file of cycle " + cycle + ")");
        try {
            appendedCycleKey = file == null ? GONE : fileKey(file);
        } catch (IOException e) {
            appendedCycleKey = GONE; // removed right after the batch went into it: the next append is refused
        }
    }

    /** The key of a cycle file found missing right after a write: no file's key equals it. */
    private static final Object GONE = new Object();

    /**
     * Whether the queue's directory is still the one opened, holding the metadata file it held then. A
     * removed, replaced or emptied directory goes unnoticed by the queue itself: its files stay mapped,
     * appends succeed into files nobody can open again, and readers see nothing new. Two {@code stat}s.
     */
    public boolean isPresent() {
        try {
            return java.util.Objects.equals(dirKey, fileKey(dir))
                    && (metadataKey == null || metadataKey.equals(fileKey(dir.resolve(METADATA_FILE))));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks {@link #isPresent()}; every {@link #append} does.
     *
     * @throws IOException starting with "cannot append" when the directory was removed or replaced
     */
    public void requirePresent() throws IOException {
        if (!isPresent()) {
            throw new IOException("cannot append to queue " + dir + ": its directory was removed (or replaced, or emptied)"
                    + " while it was open; what was appended since is lost with it");
        }
    }

    /** Replaces how free space is measured (tests play a full disk with it). */
    void usableSpace(java.util.function.LongSupplier probe) {
        this.usableSpace = probe;
    }

    private void ensureSpace(int length) throws IOException {
        if (usableSpace == null) {
            java.nio.file.FileStore store = Files.getFileStore(dir);
            usableSpace = () -> {
                try {
                    return store.getUsableSpace();
                } catch (IOException e) {
                    return Long.MAX_VALUE; // cannot tell: let the write itself fail
                }
            };
        }
        long usable = usableSpace.getAsLong();
        if (usable < 2L * length + RESERVE_BYTES) {
            throw new IOException("cannot append to queue " + dir + ": no space left on the device ("
                    + usable / 1024 + " KiB free, " + (2L * length + RESERVE_BYTES) / 1024 + " KiB needed)");
        }
    }

    /**
     * The queue index of the first batch at or after {@code index}, or -1 when there is none: a named
     * reader's position may be one past the end of a roll cycle, and the next batch is then the first
     * of a later cycle.
     */
    public long firstIndexAtOrAfter(long index) {
        for (long[] c : cycles()) {
            if (index < c[1]) {
                return c[1];
            }
            if (index < c[1] + c[2]) {
                return index;
            }
        }
        return -1;
    }

    /**
     * Where the named reader {@code name} stands: the queue index of the first batch it has not read,
     * or -1 when it has read nothing yet (a new name starts at the queue's start).
     */
    public long namedPosition(String name) {
        try (ExcerptTailer t = queue.createTailer(name)) {
            long i = t.index();
            return i == 0 ? -1 : i;
        }
    }

    /**
     * Moves the named reader {@code name} past the batch at {@code index} (persisted in the queue, for
     * the next run). Needs a writable queue.
     */
    public void advanceNamed(String name, long index) {
        try (ExcerptTailer t = queue.createTailer(name)) {
            if (!t.moveToIndex(index)) {
                throw new CorruptBatchException("queue index " + Long.toHexString(index) + " is missing");
            }
            try (DocumentContext dc = t.readingDocument()) {
                // reading it moves the named position past it
            }
        }
    }

    /** A reader from the start of the queue, or resuming a named tailer's position. */
    public BatchReader reader(String tailerName) {
        ExcerptTailer t = tailerName == null ? queue.createTailer() : queue.createTailer(tailerName);
        return new BatchReader(t);
    }

    /** The last batch written (for checkpoints and the running max time), or null when empty. */
    public Batch lastBatch() {
        return lastBatch(false);
    }

    /** The last batch that holds a request with a time, or null when none does (only its header read before). */
    public Batch lastBatchWithTime() {
        return lastBatch(true);
    }

    private Batch lastBatch(boolean withTime) {
        try (ExcerptTailer t = queue.createTailer()) {
            t.direction(TailerDirection.BACKWARD).toEnd();
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return null;
                    }
                    try {
                        Bytes<?> bytes = dc.wire().bytes();
                        long at = bytes.readPosition();
                        if (withTime && timeRangeOf(dc)[0] == Long.MAX_VALUE) {
                            continue;
                        }
                        bytes.readPosition(at);
                        int n = read(dc);
                        return new BatchDecoder().decode(scratch, 0, n, new Batch());
                    } catch (CorruptBatchException e) {
                        markUnreadable(dc.index()); // resume from the last batch that reads
                    }
                }
            }
        }
    }

    /**
     * The requests the queue holds: the sum of every batch's record count, read from the batches' headers
     * (no record is decoded, the checksum not verified). What {@code tail} counts as its requests read before
     * a restart. A batch whose header is not a batch's counts nothing and is counted in
     * {@link #unreadableBatches()}. Costs one pass over the batches' first bytes.
     */
    public long requestsHeld() {
        long requests = 0;
        byte[] head = new byte[BatchDecoder.HEADER_COUNT_BYTES];
        try (ExcerptTailer t = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return requests;
                    }
                    Bytes<?> b = dc.wire().bytes();
                    int n = (int) Math.min(head.length, b.readRemaining());
                    b.read(head, 0, n);
                    try {
                        requests += BatchDecoder.requests(head, 0, n);
                    } catch (CorruptBatchException e) {
                        markUnreadable(dc.index());
                    }
                }
            }
        }
    }

    /** The queue index of the last batch written, or -1 when the queue holds none. */
    public long lastIndex() {
        long last = queue.lastIndex();
        return last < 0 || queue.firstIndex() == Long.MAX_VALUE ? -1 : last;
    }

    /**
     * Batches found unreadable (a checksum or structure that does not hold: a write the device could
     * not complete) and skipped by readers of this store so far.
     */
    public long unreadableBatches() {
        return unreadable.size();
    }

    private void markUnreadable(long index) {
        if (unreadable.size() < 100_000) {
            unreadable.add(index);
        }
    }

    private int read(DocumentContext dc) {
        Bytes<?> b = dc.wire().bytes();
        int n = (int) b.readRemaining();
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        b.read(scratch, 0, n);
        return n;
    }

    /**
     * The queue index of the first batch that can hold a request at or after {@code fromMillis}: a binary
     * search over the batches' running maximum time, which never decreases. Returns -1 when none can.
     */
    public long seek(long fromMillis) {
        List<long[]> cycles = cycles();
        long total = 0;
        for (long[] c : cycles) {
            total += c[2];
        }
        long lo = 0;
        long hi = total; // first position whose running max >= from, in [lo, hi]
        try (ExcerptTailer t = queue.createTailer()) {
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                long idx = indexAt(cycles, mid);
                long runningMax = runningMaxAt(t, idx);
                if (runningMax >= fromMillis) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
        }
        return lo >= total ? -1 : indexAt(cycles, lo);
    }

    /**
     * The queue index of the first batch of the run of batches without any time (only rejected lines, or
     * requests without a time) that ends just before {@code index}; {@code index} itself when the batch
     * before it has a time. A reader that seeks to a window's start reads that run too: it may be the
     * first lines of an input whose first request is in the window.
     */
    public long firstOfTimelessRunBefore(long index) {
        long first = index;
        try (ExcerptTailer t = queue.createTailer()) {
            if (!t.moveToIndex(index)) {
                return index;
            }
            t.direction(TailerDirection.BACKWARD);
            try (DocumentContext dc = t.readingDocument()) {
                // the batch at index itself: reading it moves the tailer to the one before
            }
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent() || timeRangeOf(dc)[0] != Long.MAX_VALUE) {
                        return first;
                    }
                    first = dc.index();
                } catch (CorruptBatchException e) {
                    return first;
                }
            }
        }
    }

    private static long[] timeRangeOf(DocumentContext dc) {
        Bytes<?> b = dc.wire().bytes();
        byte[] head = new byte[BatchEncoder.TIME_FIELDS_AT + 24];
        b.read(head, 0, (int) Math.min(head.length, b.readRemaining()));
        return BatchDecoder.timeRange(head, 0, head.length);
    }

    private long runningMaxAt(ExcerptTailer t, long index) {
        if (!t.moveToIndex(index)) {
            throw new CorruptBatchException("queue index " + Long.toHexString(index) + " is missing");
        }
        try (DocumentContext dc = t.readingDocument()) {
            return timeRangeOf(dc)[2];
        } catch (CorruptBatchException e) {
            return Long.MAX_VALUE; // unreadable: the search ends at or before it, so no good batch is skipped
        }
    }

    /** Per roll cycle: {cycle, first index, excerpts}. */
    private List<long[]> cycles() {
        RollingChronicleQueue q = (RollingChronicleQueue) queue;
        List<long[]> out = new ArrayList<>();
        long last = queue.lastIndex();
        if (last < 0 || queue.firstIndex() == Long.MAX_VALUE) {
            return out;
        }
        RollCycle rc = q.rollCycle();
        try (ExcerptTailer t = queue.createTailer()) {
            int cycle = q.firstCycle();
            int lastCycle = q.lastCycle();
            while (cycle <= lastCycle && cycle >= 0) {
                if (t.moveToCycle(cycle)) {
                    long first = t.index();
                    out.add(new long[] {cycle, first, 0});
                }
                int next;
                try {
                    next = q.nextCycle(cycle, TailerDirection.FORWARD);
                } catch (ParseException e) {
                    throw new CorruptBatchException("unreadable queue cycle after " + cycle + ": " + e.getMessage());
                }
                if (next <= cycle) {
                    break;
                }
                cycle = next;
            }
        }
        for (int i = 0; i < out.size(); i++) {
            long first = out.get(i)[1];
            long count = i + 1 < out.size() ? q.countExcerpts(first, out.get(i + 1)[1])
                    : q.countExcerpts(first, last) + 1;
            out.get(i)[2] = count;
        }
        out.removeIf(c -> c[2] <= 0 || rc.toCycle(c[1]) != c[0]);
        return out;
    }

    private static long indexAt(List<long[]> cycles, long position) {
        for (long[] c : cycles) {
            if (position < c[2]) {
                return c[1] + position;
            }
            position -= c[2];
        }
        throw new IllegalArgumentException("position past the end: " + position);
    }

    /**
     * Deletes the oldest roll cycles {@code policy} no longer keeps, whole files, oldest first, and stops at the
     * first cycle it keeps (what stays is never holed). Never deleted: the current cycle (by the queue's clock
     * or {@code nowWallMillis}), the cycle of the last batch (its checkpoints are where a restart resumes:
     * every batch carries the positions of every input remembered, so the last one holds those of the deleted
     * cycles too), and any cycle a named reader ({@link #namedPosition}) has not read yet. Each deleted cycle's
     * requests are listed in the queue's ledger first ({@link #requestsDropped}); a cycle listed but left by
     * a crash is deleted here again, and not counted twice.
     *
     * <p>Safe while another thread appends (only cycles before the current one are touched); called by one
     * thread at a time. Needs a writable queue.
     *
     * @param nowWallMillis the wall clock, epoch ms: a {@link Retention.MaxAge} keeps the cycles whose span
     *                      ends within the age of it
     * @return the cycles deleted
     * @throws IOException when the ledger cannot be read or written, or a cycle file cannot be deleted
     *                     (what was deleted before it stays counted)
     */
    public int applyRetention(Retention policy, long nowWallMillis) throws IOException {
        java.util.Objects.requireNonNull(policy, "policy");
        SingleChronicleQueue q = (SingleChronicleQueue) queue;
        DroppedCycleLedger ledger = DroppedCycleLedger.read(dir);
        for (String listed : ledger.listedFiles()) {
            Files.deleteIfExists(dir.resolve(listed)); // a crash came between the ledger and the delete
        }
        ledger.compact();
        q.refreshDirectoryListing();
        RollCycle rc = q.rollCycle();
        long lengthMillis = rc.lengthInMillis();
        int keepFrom = Math.min(q.cycle(), (int) Math.floorDiv(nowWallMillis - q.epoch(), lengthMillis));
        long last = queue.lastIndex();
        if (last >= 0) {
            keepFrom = Math.min(keepFrom, rc.toCycle(last));
        }
        keepFrom = Math.min(keepFrom, firstCycleNamedReadersNeed(rc));
        if (q.firstCycle() > q.lastCycle() || q.firstCycle() >= keepFrom) {
            return 0;
        }
        java.util.NavigableMap<Integer, Long> bytesByCycle = new java.util.TreeMap<>();
        for (long c : q.listCyclesBetween(q.firstCycle(), q.lastCycle())) {
            bytesByCycle.put((int) c, cycleBytes(q, (int) c));
        }
        long totalBytes = bytesByCycle.values().stream().mapToLong(Long::longValue).sum();
        int dropped = 0;
        for (var cycle : bytesByCycle.entrySet()) {
            int c = cycle.getKey();
            long endMillis = q.epoch() + (c + 1L) * lengthMillis;
            if (c >= keepFrom || !policy.dropsOldest(endMillis, totalBytes, nowWallMillis)) {
                break;
            }
            Path file = cycleFile(q, c);
            if (file == null) {
                continue;
            }
            if (!ledger.lists(file.getFileName().toString())) {
                ledger.list(file.getFileName().toString(), requestsInCycle(rc, c));
            }
            Files.deleteIfExists(file);
            totalBytes -= cycle.getValue();
            dropped++;
        }
        q.refreshDirectoryListing();
        ledger.compact();
        return dropped;
    }

    /**
     * Requests in the roll cycles {@link #applyRetention} deleted (as listed in the queue's ledger before each
     * delete): with the requests the queue holds, every request ever appended to it, across restarts and
     * crashes (a cycle listed but not yet deleted is still held, and not counted here).
     *
     * @throws IOException when the ledger cannot be read
     */
    public long requestsDropped() throws IOException {
        return DroppedCycleLedger.read(dir).requestsDropped();
    }

    /** The first cycle a named reader has not read to its end ({@link Integer#MAX_VALUE}: none). */
    private int firstCycleNamedReadersNeed(RollCycle rc) {
        SingleChronicleQueue q = (SingleChronicleQueue) queue;
        List<String> keys = new ArrayList<>();
        q.metaStore().forEachKey(keys, (acc, key, value) -> {
            String k = key.toString();
            // Chronicle keeps a named tailer's position as "index.NAME", beside "index.NAME.lock" and ".version"
            if (k.startsWith("index.") && !k.endsWith(".lock") && !k.endsWith(".version")) {
                acc.add(k);
            }
        });
        int first = Integer.MAX_VALUE;
        for (String key : keys) {
            long position = q.tableStoreGet(key);
            if (position <= 0 || position == Long.MIN_VALUE) {
                continue; // has read nothing yet: it starts wherever the queue starts
            }
            long next = firstIndexAtOrAfter(position);
            if (next >= 0) {
                first = Math.min(first, rc.toCycle(next));
            }
        }
        return first;
    }

    /** The file of cycle {@code c}, found by Chronicle (null when it has none). */
    private static Path cycleFile(SingleChronicleQueue q, int c) {
        var store = q.storeForCycle(c, q.epoch(), false, null);
        if (store == null) {
            return null;
        }
        try {
            return store.file().toPath();
        } finally {
            q.closeStore(store);
        }
    }

    /** Bytes cycle {@code c} holds as written (its files are sparse: their apparent size says little). */
    private static long cycleBytes(SingleChronicleQueue q, int c) {
        var store = q.storeForCycle(c, q.epoch(), false, null);
        if (store == null) {
            return 0;
        }
        try {
            return store.writePosition();
        } finally {
            q.closeStore(store);
        }
    }

    /** Requests in the readable batches of cycle {@code c}. */
    private long requestsInCycle(RollCycle rc, int c) {
        long n = 0;
        try (ExcerptTailer t = queue.createTailer(); BatchReader reader = new BatchReader(t)) {
            if (!t.moveToCycle(c)) {
                return 0;
            }
            while (reader.nextRaw() && rc.toCycle(reader.index()) == c) {
                Batch b = reader.decode();
                if (b != null) {
                    n += b.size();
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (appender != null) {
            appender.close();
        }
        queue.close();
        if (appendedBytesClock != null) {
            // Chronicle closes a queue's files on a background thread; a temporary queue is deleted right after
            // this, and a cycle file or the metadata closed late re-created files in the deleted directory
            net.openhft.chronicle.core.io.BackgroundResourceReleaser.releasePendingResources();
        }
    }

    /** Iterates batches from a tailer's position. Not thread-safe. */
    public final class BatchReader implements Closeable {
        private final ExcerptTailer tailer;
        private final BatchDecoder decoder = new BatchDecoder();
        private final Batch batch = new Batch();
        private byte[] buf = new byte[1 << 20];
        private int length;
        private long index;
        /** The header of the batch read last: its magic, version and three times. */
        private final byte[] head = new byte[BatchEncoder.TIME_FIELDS_AT + 24];
        private long[] range;
        /** Whether the bytes of the batch read last are in {@link #buf}. */
        private boolean whole;

        private BatchReader(ExcerptTailer tailer) {
            this.tailer = tailer;
        }

        /** Moves to a queue index (from {@link #seek}). */
        public BatchReader moveTo(long index) {
            if (index >= 0 && !tailer.moveToIndex(index)) {
                throw new CorruptBatchException("queue index " + Long.toHexString(index) + " is missing");
            }
            return this;
        }

        /** Moves past the last batch written so far: only new batches will be read. */
        public BatchReader toEnd() {
            tailer.toEnd();
            return this;
        }

        /** Reads the next batch's bytes; false when there is none (yet). */
        public boolean nextRaw() {
            return next(range -> true) == Read.WHOLE;
        }

        /** What {@link #next(Predicate)} read of the next batch. */
        public enum Read {
            /** There is no next batch (yet). */
            END,
            /** Only its header: {@link #timeRange()} and {@link #index()} are the batch's; it cannot be decoded. */
            HEADER,
            /** Its bytes: it can be decoded. */
            WHOLE
        }

        /**
         * Reads the next batch's header, and its bytes only when {@code wanted} takes its time range (see
         * {@link #timeRange()}; null for a header that is unreadable). A reader that looks for a window passes over
         * the other batches without copying them, or touching more of the mapped file than their headers: the
         * peak passes read only their spans' batches out of the whole queue, and copied every batch before.
         */
        public Read next(Predicate<long[]> wanted) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return Read.END;
                }
                Bytes<?> b = dc.wire().bytes();
                long start = b.readPosition();
                int n = (int) b.readRemaining();
                int h = Math.min(n, head.length);
                b.read(head, 0, h);
                index = dc.index();
                range = headerRange(h);
                whole = wanted.test(range);
                if (!whole) {
                    return Read.HEADER;
                }
                b.readPosition(start);
                if (buf.length < n) {
                    buf = new byte[Math.max(n, buf.length * 2)];
                }
                b.read(buf, 0, n);
                length = n;
                return Read.WHOLE;
            }
        }

        private long[] headerRange(int headBytes) {
            try {
                return BatchDecoder.timeRange(head, 0, headBytes);
            } catch (CorruptBatchException e) {
                return null;
            }
        }

        /**
         * The time range {min, max, runningMax} of the batch read last, without decoding it; null when its header
         * is unreadable.
         */
        public long[] timeRange() {
            return range;
        }

        /**
         * Decodes the batch read by {@link #nextRaw()} (the returned batch is reused); null when it is
         * unreadable, which is counted ({@link #unreadableBatches()}) and skipped, never half-read.
         */
        public Batch decode() {
            if (!whole) {
                throw new IllegalStateException("only the header of batch " + Long.toHexString(index) + " was read");
            }
            try {
                return decoder.decode(buf, 0, length, batch);
            } catch (CorruptBatchException e) {
                markUnreadable(index);
                return null;
            }
        }

        /** A copy of the bytes of the batch read by {@link #nextRaw()}. */
        byte[] raw() {
            if (!whole) {
                throw new IllegalStateException("only the header of batch " + Long.toHexString(index) + " was read");
            }
            return java.util.Arrays.copyOf(buf, length);
        }

        /** The queue index of the batch read last. */
        public long index() {
            return index;
        }

        /** Reads and decodes the next readable batch, or returns null at the end. */
        public Batch next() {
            while (nextRaw()) {
                Batch b = decode();
                if (b != null) {
                    return b;
                }
            }
            return null;
        }

        @Override
        public void close() {
            tailer.close();
        }
    }
}
