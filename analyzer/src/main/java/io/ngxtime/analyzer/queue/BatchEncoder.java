package io.ngxtime.analyzer.queue;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.UpstreamList;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes parsed lines into one queue excerpt (a batch): a fixed header with the batch's time range
 * (for seeking), the ingest checkpoints, rejected-line counts, a dictionary of the batch's distinct
 * strings (raw bytes as logged, decoded on read), then the records as varints. Works on the line
 * buffer directly: no String per field. Not thread-safe. Format version {@value #VERSION}: version 4
 * plus, after each checkpoint, the length and hash of the file's head ({@code Fingerprint}) and when the
 * checkpoint last moved; version 4 is
 * version 3 (2 with a CRC-32C of the batch in its last four bytes) plus what the format logs ({@code Logged}
 * bits, after the escape mode), a record flag for lines whose upstream lists disagree, and samples of such
 * lines after the rejected-line samples.
 */
public final class BatchEncoder {
    static final int MAGIC_0 = 'N';
    static final int MAGIC_1 = 'X';
    static final int VERSION = 5;
    /** The version before checkpoints kept the head of their file (still read: matched by the first line). */
    static final int VERSION_WITHOUT_HEAD = 4;
    /** The version before what the format logs was kept (still read: everything counts as logged). */
    static final int VERSION_WITHOUT_LOGGED = 3;
    /** The last version without a checksum (still read). */
    static final int VERSION_WITHOUT_CHECKSUM = 2;
    /** Offset of the fixed-size time fields in a batch. */
    static final int TIME_FIELDS_AT = 3;
    static final int MAX_SAMPLES_PER_BATCH = 5;

    static final int F_TIME = 1;
    static final int F_OFFSET = 1 << 1;
    static final int F_PARTS = 1 << 2;
    static final int CACHE_SHIFT = 3;
    /** The line's upstream lists did not have one element per attempt. */
    static final int F_INCONSISTENT = 1 << 7;

    private final LogFormat format;
    private final int maxRecords;
    private final int maxBytes;
    private final int remoteAddrIndex;
    private final int refererIndex;
    private final int userAgentIndex;
    private final int hostIndex;
    private final int requestIndex;

    private final SpanDictionary dictionary = new SpanDictionary();
    private final ByteWriter records = new ByteWriter(256 * 1024);
    private final ByteWriter out = new ByteWriter(512 * 1024);
    private final ByteWriter sealed = new ByteWriter(256 * 1024);
    private int count;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    private long previousTime;
    private int previousOffset = Integer.MIN_VALUE;

    private long rejected;
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private final ByteWriter samples = new ByteWriter(1024);
    private int sampleCount;
    private final ByteWriter noteSamples = new ByteWriter(1024);
    private int noteSampleCount;

    public BatchEncoder(LogFormat format, int maxRecords, int maxBytes) {
        this.format = format;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.remoteAddrIndex = format.indexOf("remote_addr");
        this.refererIndex = format.indexOf("http_referer");
        this.userAgentIndex = format.indexOf("http_user_agent");
        this.hostIndex = format.indexOf("host");
        this.requestIndex = format.indexOf("request");
    }

    public BatchEncoder(LogFormat format) {
        this(format, 1024, 1 << 20);
    }

    /** Records in the batch so far. */
    public int count() {
        return count;
    }

    /**
     * CRC-32C of a batch's bytes, stored in its last four (format 3): a batch that a failed write
     * left half zeros is told from a good one, not decoded into garbage.
     */
    static int checksum(byte[] b, int from, int to) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b, from, to - from);
        return (int) crc.getValue();
    }

    /** Whether the batch should be written now. */
    public boolean isFull() {
        return count >= maxRecords || records.position() >= maxBytes;
    }

    /** Adds a parsed line. */
    /** A sink of parsed lines into this batch: records added, rejected lines counted and sampled. */
    public io.ngxtime.analyzer.ingest.LineSink sink() {
        return new io.ngxtime.analyzer.ingest.LineSink() {
            @Override
            public void accept(LogRecord record) {
                add(record);
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                BatchEncoder.this.reject(source, lineNumber, error, b, from, to);
            }

            @Override
            public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
                BatchEncoder.this.note(source, lineNumber, reason, b, from, to);
            }
        };
    }

    public void add(LogRecord r) {
        byte[] b = r.lineBuffer();
        int flags = 0;
        long t = r.timeMillis();
        int offset = r.zoneOffsetSeconds();
        if (r.hasTime()) {
            flags |= F_TIME;
            if (offset != previousOffset) {
                flags |= F_OFFSET;
            }
        }
        if (r.hasRequestParts()) {
            flags |= F_PARTS;
        }
        flags |= r.cacheStatus().ordinal() << CACHE_SHIFT;
        if (!r.upstreamListsConsistent()) {
            flags |= F_INCONSISTENT;
        }
        records.writeVarLong(flags);
        if (r.hasTime()) {
            records.writeZigZag(t - previousTime);
            previousTime = t;
            minTime = Math.min(minTime, t);
            maxTime = Math.max(maxTime, t);
            if ((flags & F_OFFSET) != 0) {
                records.writeZigZag(offset);
                previousOffset = offset;
            }
        }
        records.writeOptional(r.status());
        if (r.hasRequestParts()) {
            writeSpan(b, r.methodStart(), r.methodEnd());
            writeSpan(b, r.pathStart(), r.pathEnd());
            writeSpan(b, r.protocolStart(), r.protocolEnd());
        } else {
            writeVariable(r, requestIndex);
        }
        writeVariable(r, remoteAddrIndex);
        writeVariable(r, refererIndex);
        writeVariable(r, userAgentIndex);
        writeVariable(r, hostIndex);
        records.writeOptional(r.bodyBytesSent() >= 0 ? r.bodyBytesSent() : r.bytesSent());
        records.writeOptional(r.requestTimeMicros());
        int n = r.attemptCount();
        records.writeVarLong(n);
        UpstreamList addresses = r.upstreamAddresses();
        for (int i = 0; i < n; i++) {
            if (i < addresses.size()) {
                writeSpan(b, addresses.start(i), addresses.end(i));
            } else {
                records.writeVarLong(0);
            }
            records.writeOptional(r.attemptStatus(i));
            records.writeOptional(r.attemptConnectMicros(i));
            records.writeOptional(r.attemptHeaderMicros(i));
            records.writeOptional(r.attemptResponseMicros(i));
            records.writeVarLong(r.attemptGroup(i));
        }
        count++;
    }

    private void writeVariable(LogRecord r, int index) {
        writeSpan(r.lineBuffer(), r.spanStart(index), r.spanEnd(index));
    }

    private void writeSpan(byte[] b, int from, int to) {
        if (from < 0) {
            records.writeVarLong(0);
        } else {
            records.writeVarLong(dictionary.idOf(b, from, to) + 1L);
        }
    }

    /** Counts a rejected line (and keeps the first few as samples). */
    public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
        rejected++;
        reasons.merge(error.reason(), 1L, Long::sum);
        if (sampleCount < MAX_SAMPLES_PER_BATCH) {
            sampleCount++;
            samples.writeString(source);
            samples.writeVarLong(lineNumber);
            samples.writeString(error.message());
            int len = Math.min(to - from, 1200);
            samples.writeString(new String(b, from, len, StandardCharsets.UTF_8));
        }
    }

    /** Keeps the first few accepted lines with a note as samples (the count is in each record's flags). */
    public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
        if (noteSampleCount < MAX_SAMPLES_PER_BATCH) {
            noteSampleCount++;
            noteSamples.writeString(source);
            noteSamples.writeVarLong(lineNumber);
            noteSamples.writeString(reason);
            int len = Math.min(to - from, 1200);
            noteSamples.writeString(new String(b, from, len, StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes the batch and clears the encoder for the next one.
     *
     * @param checkpoints    where every input stands after this batch
     * @param runningMaxTime the largest time in the queue before this batch (Long.MIN_VALUE if none)
     * @return the encoded bytes, valid until the next call: {@link #encoded()} from 0 to the returned length
     */
    public int finish(Collection<SourceCheckpoint> checkpoints, long runningMaxTime) {
        Sealed sealed = seal();
        out.reset();
        sealed.writeTo(out, format, checkpoints, runningMaxTime);
        return out.position();
    }

    /**
     * The batch without what depends on its place in the queue (the checkpoints and the running
     * maximum time), so that parallel workers can encode batches and one appender put them in order
     * ({@link Sealed#writeTo}). Clears the encoder.
     */
    public Sealed seal() {
        ByteWriter tail = this.sealed;
        tail.reset();
        tail.writeVarLong(rejected);
        tail.writeVarLong(reasons.size());
        reasons.forEach((k, v) -> {
            tail.writeString(k);
            tail.writeVarLong(v);
        });
        tail.writeVarLong(sampleCount);
        tail.writeBytes(samples.array(), 0, samples.position());
        tail.writeVarLong(noteSampleCount);
        tail.writeBytes(noteSamples.array(), 0, noteSamples.position());
        tail.writeVarLong(dictionary.size());
        byte[] pool = dictionary.pool();
        for (int id = 0; id < dictionary.size(); id++) {
            tail.writeVarLong(dictionary.length(id));
            tail.writeFixedInt(dictionary.hash(id));
            tail.writeBytes(pool, dictionary.start(id), dictionary.length(id));
        }
        tail.writeBytes(records.array(), 0, records.position());
        Sealed s = new Sealed(minTime, maxTime, count, rejected, java.util.Arrays.copyOf(tail.array(), tail.position()));
        clear();
        return s;
    }

    /** A batch encoded but for its checkpoints and running maximum time. */
    public static final class Sealed {
        final long minTime;
        final long maxTime;
        final int count;
        final long rejected;
        final byte[] tail;

        Sealed(long minTime, long maxTime, int count, long rejected, byte[] tail) {
            this.minTime = minTime;
            this.maxTime = maxTime;
            this.count = count;
            this.rejected = rejected;
            this.tail = tail;
        }

        /** Records in the batch. */
        public int count() {
            return count;
        }

        /** Rejected lines counted in the batch. */
        public long rejected() {
            return rejected;
        }

        /** Latest request time in the batch (Long.MIN_VALUE when none has a time). */
        public long maxTime() {
            return maxTime;
        }

        void writeTo(ByteWriter out, LogFormat format, Collection<SourceCheckpoint> checkpoints, long runningMaxTime) {
            out.writeByte(MAGIC_0);
            out.writeByte(MAGIC_1);
            out.writeByte(VERSION);
            out.writeFixedLong(minTime);
            out.writeFixedLong(maxTime);
            out.writeFixedLong(Math.max(runningMaxTime, maxTime));
            out.writeVarLong(count);
            out.writeString(format.name());
            out.writeByte(format.escape().ordinal());
            out.writeVarLong(io.ngxtime.analyzer.record.Logged.of(format));
            out.writeVarLong(checkpoints.size());
            for (SourceCheckpoint c : checkpoints) {
                out.writeFixedLong(c.fingerprint().firstLineHash());
                out.writeString(c.path());
                out.writeVarLong(c.offset());
                out.writeVarLong(c.lines());
                out.writeVarLong(c.fingerprint().headBytes());
                out.writeFixedLong(c.fingerprint().headHash());
                out.writeVarLong(Math.max(0, c.movedMillis()));
            }
            out.writeBytes(tail, 0, tail.length);
            out.writeFixedInt(checksum(out.array(), 0, out.position()));
        }
    }

    /** Writes a sealed batch (from any encoder of the same format) with its place in the queue. */
    public int assemble(Sealed sealed, Collection<SourceCheckpoint> checkpoints, long runningMaxTime) {
        out.reset();
        sealed.writeTo(out, format, checkpoints, runningMaxTime);
        return out.position();
    }

    /** The bytes of the last {@link #finish}ed batch. */
    public byte[] encoded() {
        return out.array();
    }

    private void clear() {
        dictionary.clear();
        records.reset();
        samples.reset();
        noteSamples.reset();
        noteSampleCount = 0;
        count = 0;
        minTime = Long.MAX_VALUE;
        maxTime = Long.MIN_VALUE;
        previousTime = 0;
        previousOffset = Integer.MIN_VALUE;
        rejected = 0;
        reasons.clear();
        sampleCount = 0;
    }
}
