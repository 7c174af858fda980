package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.source.Fingerprint;
import io.ngxtime.analyzer.record.StringTable;
import io.ngxtime.grammar.CacheStatus;
import io.ngxtime.grammar.Escape;
import java.util.Arrays;

/**
 * Decodes what {@link BatchEncoder} wrote. The batch's dictionary strings are decoded when first
 * asked for (through the {@link StringTable} view), so text no aggregator reads (referrers, user
 * agents) costs nothing. Not thread-safe; reuses its {@link Batch}, whose requests are valid until
 * the next decode.
 */
public final class BatchDecoder implements StringTable {
    private static final CacheStatus[] CACHE = CacheStatus.values();
    private static final Escape[] ESCAPES = Escape.values();
    /**
     * The fewest bytes a record takes: its flags, status, request, client, referrer, user agent and host
     * ids, bytes sent, request time and attempt count, one byte each at least.
     */
    private static final int MIN_RECORD_BYTES = 10;
    /** An attempt: its address id, status, three times and group, one byte each at least. */
    private static final int MIN_ATTEMPT_BYTES = 6;
    private final ByteReader in = new ByteReader();
    private final StringCache cache = new StringCache();
    /** The reader-wide ids of the strings the records key by, kept across batches. */
    private final Symbols symbols = new Symbols();
    /** Per string of the batch: its symbol, 0 before it is first asked for, -1 when the table has none for it. */
    private int[] symbolOf = new int[256];
    private String[] strings = new String[256];
    private int[] stringAt = new int[256];
    private int[] stringLength = new int[256];
    private int[] stringHash = new int[256];
    private int stringCount;
    private Escape escape;

    /** Reads only the fixed header: the time range. */
    public static long[] timeRange(byte[] b, int from, int to) {
        ByteReader r = new ByteReader();
        r.reset(b, from, to);
        checkMagic(r);
        return new long[] {r.readFixedLong(), r.readFixedLong(), r.readFixedLong()};
    }

    /**
     * Reads only the fixed header up to the record count: the requests the batch holds. {@code to} may end
     * anywhere after the count ({@link #HEADER_COUNT_BYTES} bytes from {@code from} always hold it).
     *
     * @throws CorruptBatchException when the batch does not start like one, or its count is negative
     */
    static long requests(byte[] b, int from, int to) {
        ByteReader r = new ByteReader();
        r.reset(b, from, to);
        checkMagic(r);
        r.readFixedLong();
        r.readFixedLong();
        r.readFixedLong();
        long count = r.readVarLong();
        if (count < 0) {
            throw new CorruptBatchException("negative record count " + count);
        }
        return count;
    }

    /** Bytes from a batch's start that always hold its record count: magic, version, three times, a varint. */
    static final int HEADER_COUNT_BYTES = BatchEncoder.TIME_FIELDS_AT + 24 + 10;

    private static int checkMagic(ByteReader r) {
        if (r.readByte() != BatchEncoder.MAGIC_0 || r.readByte() != BatchEncoder.MAGIC_1) {
            throw new CorruptBatchException("not an ngxtime batch");
        }
        int v = r.readByte();
        if (v != BatchEncoder.VERSION && v != BatchEncoder.VERSION_WITHOUT_HEAD && v != BatchEncoder.VERSION_WITHOUT_LOGGED
                && v != BatchEncoder.VERSION_WITHOUT_CHECKSUM) {
            throw new CorruptBatchException("batch format version " + v + " (this ngxtime reads "
                    + BatchEncoder.VERSION_WITHOUT_CHECKSUM + " to " + BatchEncoder.VERSION + ")");
        }
        return v;
    }

    /** Decodes the batch in {@code b[from, to)} into {@code out}. */
    public Batch decode(byte[] b, int from, int to, Batch out) {
        in.reset(b, from, to);
        int version = checkMagic(in);
        if (version != BatchEncoder.VERSION_WITHOUT_CHECKSUM) {
            if (to - from < 7) {
                throw new CorruptBatchException("unexpected end of batch");
            }
            int stored = (b[to - 4] & 0xFF) | (b[to - 3] & 0xFF) << 8 | (b[to - 2] & 0xFF) << 16 | (b[to - 1] & 0xFF) << 24;
            if (stored != BatchEncoder.checksum(b, from, to - 4)) {
                throw new CorruptBatchException("checksum mismatch (a write that did not complete?)");
            }
            in.reset(b, from, to - 4);
            checkMagic(in);
        }
        out.minTime = in.readFixedLong();
        out.maxTime = in.readFixedLong();
        out.runningMaxTime = in.readFixedLong();
        int count = in.readCount(MIN_RECORD_BYTES, "records");
        out.formatName = in.readString();
        escape = escapeOf(in.readByte());
        // batches written before what the format logs was kept: everything counts as logged, as it did then
        int logged = version >= BatchEncoder.VERSION_WITHOUT_HEAD ? in.readVarInt() : Logged.ALL;
        out.logged = logged;
        out.checkpoints.clear();
        int nCheckpoints = in.readCount(8 + 3, "checkpoints");
        for (int i = 0; i < nCheckpoints; i++) {
            long firstLine = in.readFixedLong();
            String path = in.readString();
            long offset = in.readVarLong();
            long lines = in.readVarLong();
            // before format 5 only the first line's hash was kept: such a checkpoint matches by its first line
            if (version == BatchEncoder.VERSION) {
                Fingerprint fp = fingerprint(firstLine, in.readVarLong(), in.readFixedLong());
                out.checkpoints.add(new SourceCheckpoint(fp, path, offset, lines, in.readVarLong()));
            } else {
                out.checkpoints.add(new SourceCheckpoint(Fingerprint.firstLineOnly(firstLine), path, offset, lines));
            }
        }
        out.rejected = in.readVarLong();
        out.reasons.clear();
        int nReasons = in.readCount(2, "reasons");
        for (int i = 0; i < nReasons; i++) {
            out.reasons.put(in.readString(), in.readVarLong());
        }
        out.samples.clear();
        int nSamples = in.readCount(4, "samples");
        for (int i = 0; i < nSamples; i++) {
            out.samples.add(new LineSample(in.readString(), in.readVarLong(), in.readString(), in.readString()));
        }
        out.noteSamples.clear();
        if (version >= BatchEncoder.VERSION_WITHOUT_HEAD) {
            int nNotes = in.readCount(4, "notes");
            for (int i = 0; i < nNotes; i++) {
                out.noteSamples.add(new LineSample(in.readString(), in.readVarLong(), in.readString(), in.readString()));
            }
        }
        int nStrings = in.readCount(1 + 4, "strings");
        if (strings.length < nStrings) {
            int n = Math.max(nStrings, strings.length * 2);
            strings = new String[n];
            symbolOf = new int[n];
            stringAt = new int[n];
            stringLength = new int[n];
            stringHash = new int[n];
        } else {
            Arrays.fill(strings, 0, stringCount, null);
            Arrays.fill(symbolOf, 0, stringCount, 0);
        }
        stringCount = nStrings;
        for (int i = 0; i < nStrings; i++) {
            int len = in.readVarInt();
            stringHash[i] = in.readFixedInt();
            stringAt[i] = in.skip(len);
            stringLength[i] = len;
        }
        if (out.requests.length < count) {
            int old = out.requests.length;
            out.requests = Arrays.copyOf(out.requests, Math.max(count, old * 2));
            for (int i = old; i < out.requests.length; i++) {
                out.requests[i] = new Request();
            }
        }
        long time = 0;
        int offset = 0;
        for (int i = 0; i < count; i++) {
            Request r = out.requests[i].clear();
            int flags = in.readVarInt();
            r.logged(logged);
            r.upstreamListsInconsistent((flags & BatchEncoder.F_INCONSISTENT) != 0);
            if ((flags & BatchEncoder.F_TIME) != 0) {
                time += in.readZigZag();
                if ((flags & BatchEncoder.F_OFFSET) != 0) {
                    offset = (int) in.readZigZag();
                }
                r.time(time, offset);
            }
            r.cacheStatus(cacheStatusOf((flags >>> BatchEncoder.CACHE_SHIFT) & 0xF));
            r.status((int) in.readOptional());
            int protocol = 0;
            int requestLine = 0;
            int method = 0;
            int path = 0;
            if ((flags & BatchEncoder.F_PARTS) != 0) {
                method = id();
                path = id();
                protocol = id();
            } else {
                requestLine = id();
            }
            int client = id();
            int referer = id();
            int userAgent = id();
            int host = id();
            // the strings aggregators key by: by symbol when the table has one, else the string itself
            int methodSymbol = symbol(method);
            int pathSymbol = symbol(path);
            int clientSymbol = symbol(client);
            r.request(methodSymbol < 0 ? stringOrNull(method) : null, pathSymbol < 0 ? stringOrNull(path) : null, null, null);
            r.client(clientSymbol < 0 ? stringOrNull(client) : null, null, null, null);
            r.lazyText(this, protocol, requestLine, referer, userAgent, host);
            r.symbols(symbols, Math.max(0, methodSymbol), Math.max(0, pathSymbol), Math.max(0, clientSymbol));
            r.bytesSent(in.readOptional());
            r.requestTimeMicros(in.readOptional());
            int attempts = in.readCount(MIN_ATTEMPT_BYTES, "attempts");
            for (int a = 0; a < attempts; a++) {
                int address = id();
                int addressSymbol = symbol(address);
                int status = (int) in.readOptional();
                long connect = in.readOptional();
                long header = in.readOptional();
                long response = in.readOptional();
                int group = in.readVarInt();
                if (addressSymbol > 0) {
                    r.addAttemptBySymbol(addressSymbol, status, connect, header, response, group);
                } else {
                    r.addAttempt(stringOrNull(address), status, connect, header, response, group);
                }
            }
        }
        out.count = count;
        if (in.hasMore()) {
            throw new CorruptBatchException("trailing bytes after " + count + " records");
        }
        return out;
    }

    private static Fingerprint fingerprint(long firstLine, long headBytes, long headHash) {
        if (headBytes < 0 || headBytes > Fingerprint.MAX_BYTES) {
            throw new CorruptBatchException("checkpoint head of " + headBytes + " bytes");
        }
        return new Fingerprint(firstLine, (int) headBytes, headHash);
    }

    private static Escape escapeOf(int ordinal) {
        if (ordinal >= ESCAPES.length) {
            throw new CorruptBatchException("escape mode " + ordinal);
        }
        return ESCAPES[ordinal];
    }

    private static CacheStatus cacheStatusOf(int ordinal) {
        if (ordinal >= CACHE.length) {
            throw new CorruptBatchException("cache status " + ordinal);
        }
        return CACHE[ordinal];
    }

    private int id() {
        int id = in.readVarInt();
        if (id > stringCount) {
            throw new CorruptBatchException("string " + id + " of a dictionary of " + stringCount);
        }
        return id;
    }

    /** String {@code id} of the batch (1-based), or null for 0. */
    private String stringOrNull(int id) {
        return id == 0 ? null : stringOf(id);
    }

    /**
     * The reader-wide symbol of string {@code id} of the batch (1-based): 0 for 0 (absent), -1 when the table
     * keeps no more symbols (the request then holds the string).
     */
    private int symbol(int id) {
        if (id == 0) {
            return 0;
        }
        int s = symbolOf[id - 1];
        if (s == 0) {
            int at = stringAt[id - 1];
            s = symbols.intern(in.array(), at, at + stringLength[id - 1], stringHash[id - 1], escape);
            s = s == 0 ? -1 : s;
            symbolOf[id - 1] = s;
        }
        return s;
    }

    /**
     * Dictionary string {@code id} (1-based) of the batch decoded last, decoded on first use (through the
     * reader-wide symbols, so a string met in an earlier batch is not decoded again).
     */
    @Override
    public String string(int id) {
        int symbol = symbol(id);
        return symbol > 0 ? symbols.symbol(symbol) : stringOf(id);
    }

    private String stringOf(int id) {
        String s = strings[id - 1];
        if (s == null) {
            int at = stringAt[id - 1];
            s = cache.decode(in.array(), at, at + stringLength[id - 1], stringHash[id - 1], escape);
            strings[id - 1] = s;
        }
        return s;
    }
}
