package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.ngxtime.analyzer.source.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {
    @TempDir
    Path dir;

    static final LogFormat TIMING = Preset.TIMING.format();

    static String timingLine(long msec, String path, String ua, String addr, String status, String times) {
        long sec = msec / 1000;
        String local = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochSecond(sec).atOffset(java.time.ZoneOffset.ofHours(1)));
        return "10.0.0.1 - - [" + local + "] \"GET " + path + " HTTP/1.1\" 200 5 \"-\" \"" + ua + "\" rt=0.200 ua=\"" + addr
                + "\" us=\"" + status + "\" uct=\"" + times + "\" uht=\"" + times + "\" urt=\"" + times + "\" ucs=- msec="
                + sec + "." + String.format("%03d", msec % 1000);
    }

    /** Describes a request field by field, to compare two of them. */
    static String describe(Request r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.timeMillis()).append('|').append(r.offsetSeconds()).append('|').append(r.status()).append('|')
                .append(r.method()).append('|').append(r.path()).append('|').append(r.protocol()).append('|')
                .append(r.requestLine()).append('|').append(r.remoteAddr()).append('|').append(r.referer()).append('|')
                .append(r.userAgent()).append('|').append(r.host()).append('|').append(r.bytesSent()).append('|')
                .append(r.requestTimeMicros()).append('|').append(r.cacheStatus());
        for (int i = 0; i < r.attemptCount(); i++) {
            sb.append("|a").append(r.attemptAddress(i)).append(',').append(r.attemptStatus(i)).append(',')
                    .append(r.attemptConnectMicros(i)).append(',').append(r.attemptHeaderMicros(i)).append(',')
                    .append(r.attemptResponseMicros(i)).append(',').append(r.attemptGroup(i));
        }
        return sb.toString();
    }

    @Test
    void aStoreOpened_bindsChronicleToNoOpPosix_andStillWritesAndReads() throws Exception {
        try (RecordStore store = RecordStore.open(dir.resolve("q"))) {
            store.usableSpace(() -> Long.MAX_VALUE);
            store.append(new byte[] {1, 2, 3}, 3);
        }
        assertThat(net.openhft.posix.PosixAPI.posix().getClass().getSimpleName())
                .as("jnr-ffi's binding costs every run 100-250 ms; a store makes no POSIX call")
                .isEqualTo("NoOpPosixAPI");
        try (RecordStore store = RecordStore.openForReading(dir.resolve("q")); var reader = store.reader(null)) {
            assertThat(reader.nextRaw()).isTrue();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "-Dbackground.releaser={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "true"})
    void chronicleUnmapsOnTheReleasingThread_unlessTheJvmWasToldOtherwise(String given) throws Exception {
        // the background releaser left a report's chunks mapped, and resident, until it got to them
        List<String> cmd = io.ngxtime.analyzer.testutil.ChildJvm.command();
        if (!given.isEmpty()) {
            cmd.add("-Dbackground.releaser=" + given);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ReleaserChild.class.getName(),
                dir.resolve("q").toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        assertThat(out).as(out).contains("releaser thread: " + !given.isEmpty());
    }

    @Test
    void chroniclesCleaningThreads_askNoNativeAffinity_soNoRunUnpacksJna() {
        // Chronicle's cleaning threads (its background releaser, when one is asked for) ask Thread-Affinity for the CPU mask when they start; with
        // JNA on the class path that unpacked a native library into ~/.cache/JNA and ran `ldconfig -p` in every run
        assertThatThrownBy(() -> Class.forName("com.sun.jna.Platform")).isInstanceOf(ClassNotFoundException.class);
        assertThat(net.openhft.affinity.Affinity.getAffinityImpl().getClass().getSimpleName()).isEqualTo("NullAffinity");
    }

    @Test
    void append_writeFaultsMidway_leavesNoPartialBatchVisible() throws Exception {
        byte[] batch = new byte[100_000];
        java.util.Arrays.fill(batch, (byte) 7);
        try (RecordStore store = RecordStore.open(dir.resolve("q"))) {
            store.usableSpace(() -> Long.MAX_VALUE);
            store.append(batch, batch.length);
            store.write = (to, b, n) -> {
                to.write(b, 0, n / 2);
                // what the JVM throws when a store into the mapped file hits a page the device has no room for
                throw new InternalError("a fault occurred in a recent unsafe memory access operation");
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(batch, batch.length))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("no space left");
        }
        try (RecordStore store = RecordStore.openForReading(dir.resolve("q")); var reader = store.reader(null)) {
            int excerpts = 0;
            while (reader.nextRaw()) {
                excerpts++;
            }
            assertThat(excerpts).as("the faulted batch must not be visible").isEqualTo(1);
        }
    }

    @Test
    void aTemporaryQueue_seeksThroughItsCyclesListedOnce_andFindsWhatIsAppendedAfterASeek() throws Exception {
        long start = 1_791_665_736_000L;
        try (RecordStore store = RecordStore.openTemporary(dir.resolve("temp"), 16 * 1024)) {
            appendMinutes(store, start, 30, 60);
            for (int m : new int[] {20, 3, 29, 0, 11}) { // seeks in any order, through the cycles listed once
                try (var reader = store.reader(null).moveTo(store.seek(start + m * 60_000L + 30_000))) {
                    assertThat(reader.next().minTime()).isEqualTo(start + m * 60_000L);
                }
            }
            assertThat(store.seek(start + 40 * 60_000L)).isEqualTo(-1);
            // appended after those seeks: in new cycles the list must now have
            appendMinutesFrom(store, start, 30, 20, 60);
            for (int m : new int[] {45, 31, 49}) {
                try (var reader = store.reader(null).moveTo(store.seek(start + m * 60_000L + 30_000))) {
                    assertThat(reader.next().minTime()).isEqualTo(start + m * 60_000L);
                }
            }
            assertThat(store.firstIndexAtOrAfter(store.lastIndex())).isEqualTo(store.lastIndex());
        }
    }

    @Test
    void aTemporaryQueue_rollsByTheBytesAppended_andReadsBackEveryBatchInOrder() throws Exception {
        LineParser p = TIMING.newParser();
        LogRecord r = TIMING.newRecord();
        BatchEncoder enc = new BatchEncoder(TIMING);
        Path q = dir.resolve("temp");
        try (RecordStore store = RecordStore.openTemporary(q, 16 * 1024)) {
            for (int i = 0; i < 40; i++) {
                for (int k = 0; k < 200; k++) {
                    assertThat(p.parse(timingLine(1_791_665_736_000L + i * 1000L + k, "/p/" + i + "/" + k, "curl", "-", "-",
                            "-"), r)).isTrue();
                    enc.add(r);
                }
                int n = enc.finish(List.of(), Long.MIN_VALUE);
                store.append(java.util.Arrays.copyOf(enc.encoded(), n), n);
            }
            long cycleFiles;
            try (var files = java.nio.file.Files.list(q)) {
                cycleFiles = files.filter(f -> f.toString().endsWith(".cq4")).count();
            }
            assertThat(cycleFiles).as("a cycle per 16 KB of batches").isGreaterThan(5);
            try (var reader = store.reader(null)) {
                for (int i = 0; i < 40; i++) {
                    Batch b = reader.next();
                    assertThat(b).as("batch %d", i).isNotNull();
                    assertThat(b.size()).isEqualTo(200);
                    assertThat(b.request(0).path()).isEqualTo("/p/" + i + "/0");
                }
                assertThat(reader.next()).isNull();
            }
        }
    }

    /** A batch of no records, exactly as long as its bytes. */
    private static byte[] emptyBatch() {
        BatchEncoder enc = new BatchEncoder(TIMING);
        int n = enc.finish(List.of(), Long.MIN_VALUE);
        return java.util.Arrays.copyOf(enc.encoded(), n);
    }

    @Test
    void append_afterTheQueueDirectoryWasRemoved_fails_insteadOfWritingIntoFilesNobodyCanOpen() throws Exception {
        assertAppendRefusedAfter("removed", io.ngxtime.analyzer.files.TempDirectories::deleteTree);
    }

    @Test
    void append_afterTheQueueDirectoryWasEmptied_orLostItsMetadataToARacingRemoval_fails() throws Exception {
        assertAppendRefusedAfter("race", q -> {
            // what an rm -r leaves when the next cycle's file is created between its listing and its rmdir
            Files.delete(q.resolve(RecordStore.METADATA_FILE));
            Files.writeString(q.resolve("20261206-0100X.cq4"), "");
        });
        assertAppendRefusedAfter("emptied", q -> {
            try (var files = Files.list(q)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        });
        byte[] batch = emptyBatch();
        try (RecordStore store = RecordStore.open(dir.resolve("untouched"))) {
            store.append(batch, batch.length);
            store.append(batch, batch.length);
            assertThat(store.isPresent()).as("untouched, after appends").isTrue();
        }
    }

    @Test
    void append_afterItsCycleFileWasRemoved_fails_andANewCycleIsWrittenAsEver() throws Exception {
        // rm q/*.cq4 under a running writer: the directory and Chronicle's metadata stay, the cycle file stays mapped
        net.openhft.chronicle.core.time.SetTimeProvider clock =
                new net.openhft.chronicle.core.time.SetTimeProvider(java.time.Instant.parse("2026-03-02T10:30:00Z"));
        Path q = dir.resolve("cycles");
        byte[] batch = emptyBatch();
        try (RecordStore store = RecordStore.open(q, clock, net.openhft.chronicle.queue.rollcycles.LargeRollCycles.LARGE_HOURLY)) {
            store.append(batch, batch.length);
            clock.advanceMillis(3_600_000); // a new cycle, a new file: appends go on
            store.append(batch, batch.length);
            store.append(batch, batch.length);
            try (var files = Files.list(q)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".cq4")).toList()) {
                    Files.delete(f);
                }
            }
            assertThat(store.isPresent()).as("the directory and the metadata are still there").isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(batch, batch.length))
                    .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("cannot append to queue " + q)
                    .hasMessageContaining("was removed (or replaced) while it was being written");
        }
    }

    private interface QueueRemoval {
        void remove(Path queue) throws Exception;
    }

    /** A store appended to, then {@code removal} done to its directory: it is no longer present, and appends fail. */
    private void assertAppendRefusedAfter(String name, QueueRemoval removal) throws Exception {
        Path q = dir.resolve(name);
        byte[] batch = emptyBatch();
        try (RecordStore store = RecordStore.open(q)) {
            store.append(batch, batch.length);
            assertThat(store.isPresent()).isTrue();
            removal.remove(q);
            assertThat(store.isPresent()).as(name).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(batch, batch.length)).as(name)
                    .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("cannot append to queue " + q)
                    .hasMessageContaining("removed (or replaced, or emptied)");
        }
    }

    @Test
    void checksum_catchesAFlippedByte_andFormat2BatchesWithoutOneStillRead() throws Exception {
        LineParser p = TIMING.newParser();
        LogRecord r = TIMING.newRecord();
        BatchEncoder enc = new BatchEncoder(TIMING);
        assertThat(p.parse(timingLine(1_791_665_736_123L, "/a", "curl", "-", "-", "-"), r)).isTrue();
        enc.add(r);
        int n = enc.finish(List.of(new SourceCheckpoint(new Fingerprint(1, 10, 77), "f.log", 10, 1)), Long.MIN_VALUE);
        byte[] v3 = java.util.Arrays.copyOf(enc.encoded(), n);
        BatchDecoder decoder = new BatchDecoder();
        assertThat(describe(decoder.decode(v3, 0, n, new Batch()).request(0))).contains("/a");

        byte[] flipped = v3.clone();
        flipped[n / 2] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(flipped, 0, n, new Batch()))
                .isInstanceOf(CorruptBatchException.class).hasMessageContaining("checksum");

        byte[] version4 = withoutHeadFields(java.util.Arrays.copyOf(v3, n)); // before checkpoints kept their head
        Batch four = decoder.decode(version4, 0, version4.length, new Batch());
        assertThat(describe(four.request(0))).contains("/a");
        assertThat(four.checkpoints()).containsExactly(new SourceCheckpoint(Fingerprint.firstLineOnly(1), "f.log", 10, 1));

        byte[] version3 = withoutLoggedFields(version4); // before the logged fields were kept
        Batch three = decoder.decode(version3, 0, version3.length, new Batch());
        assertThat(describe(three.request(0))).contains("/a");
        assertThat(three.request(0).logged()).isEqualTo(io.ngxtime.analyzer.record.Logged.ALL);

        byte[] v2 = java.util.Arrays.copyOf(version3, version3.length - 4); // what ngxtime wrote before checksums
        v2[2] = BatchEncoder.VERSION_WITHOUT_CHECKSUM;
        Batch old = decoder.decode(v2, 0, v2.length, new Batch());
        assertThat(describe(old.request(0))).contains("/a");
        assertThat(old.checkpoints()).containsExactly(new SourceCheckpoint(Fingerprint.firstLineOnly(1), "f.log", 10, 1));
    }

    /**
     * A version-5 batch as version 4 wrote it: checkpoints without their head's length and hash and without
     * when they moved, checksummed again.
     */
    static byte[] withoutHeadFields(byte[] v5) {
        ByteReader in = new ByteReader();
        in.reset(v5, 0, v5.length - 4);
        in.skip(3 + 24);
        in.readVarInt();
        in.readString();
        in.readByte();
        in.readVarInt();
        int checkpoints = in.readVarInt();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int from = 0;
        for (int i = 0; i < checkpoints; i++) {
            in.readFixedLong();
            in.readString();
            in.readVarLong();
            in.readVarLong();
            out.write(v5, from, in.position() - from);
            in.readVarLong();
            in.readFixedLong();
            in.readVarLong();
            from = in.position();
        }
        out.write(v5, from, v5.length - 4 - from);
        byte[] v4 = out.toByteArray();
        v4[2] = BatchEncoder.VERSION_WITHOUT_HEAD;
        int crc = BatchEncoder.checksum(v4, 0, v4.length);
        byte[] withCrc = java.util.Arrays.copyOf(v4, v4.length + 4);
        for (int k = 0; k < 4; k++) {
            withCrc[v4.length + k] = (byte) (crc >>> (8 * k));
        }
        return withCrc;
    }

    /**
     * A version-4 batch as version 3 wrote it: without the logged fields after the escape mode, without
     * the (here empty) list of noted-line samples after the rejected-line samples, checksummed again.
     */
    private static byte[] withoutLoggedFields(byte[] v4) {
        ByteReader in = new ByteReader();
        in.reset(v4, 0, v4.length - 4);
        in.skip(3 + 24);
        in.readVarInt();
        in.readString();
        in.readByte();
        int loggedAt = in.position();
        in.readVarInt();
        int afterLogged = in.position();
        int checkpoints = in.readVarInt();
        for (int i = 0; i < checkpoints; i++) {
            in.readFixedLong();
            in.readString();
            in.readVarLong();
            in.readVarLong();
        }
        in.readVarLong();
        int reasons = in.readVarInt();
        for (int i = 0; i < reasons; i++) {
            in.readString();
            in.readVarLong();
        }
        int samples = in.readVarInt();
        for (int i = 0; i < samples; i++) {
            in.readString();
            in.readVarLong();
            in.readString();
            in.readString();
        }
        int notesAt = in.position();
        assertThat(in.readVarInt()).as("no noted lines in this batch").isZero();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(v4, 0, loggedAt);
        out.write(v4, afterLogged, notesAt - afterLogged);
        out.write(v4, notesAt + 1, v4.length - 4 - notesAt - 1);
        byte[] v3 = out.toByteArray();
        v3[2] = BatchEncoder.VERSION_WITHOUT_LOGGED;
        int crc = BatchEncoder.checksum(v3, 0, v3.length);
        byte[] withCrc = java.util.Arrays.copyOf(v3, v3.length + 4);
        for (int k = 0; k < 4; k++) {
            withCrc[v3.length + k] = (byte) (crc >>> (8 * k));
        }
        return withCrc;
    }

    @Test
    void batches_roundTripEveryField() throws Exception {
        List<String> lines = List.of(
                timingLine(1_791_665_736_123L, "/a?x=1", "curl \\x22quoted\\x22", "10.1.0.1:80, 10.1.0.2:80 : 10.2.0.1:80",
                        "502, 200 : 200", "0.001, 0.002 : -"),
                timingLine(1_791_665_736_001L, "/b", "curl", "-", "-", "-"),
                "10.0.0.2 - - [10/Oct/2026:13:55:36 +0200] \"\\x16\\x03\" 400 0 \"-\" \"-\" rt=0.000 ua=\"-\" us=\"-\" uct=\"-\" "
                        + "uht=\"-\" urt=\"-\" ucs=HIT msec=1791665736.500");
        LineParser p = TIMING.newParser();
        LogRecord r = TIMING.newRecord();
        BatchEncoder enc = new BatchEncoder(TIMING);
        List<String> expected = new ArrayList<>();
        for (String l : lines) {
            assertThat(p.parse(l, r)).isTrue();
            enc.add(r);
            expected.add(describe(RecordConverter.convert(r, new Request())));
        }
        byte[] bad = "garbage".getBytes();
        enc.reject("f.log", 4, new ParseError(1, "a digit", "'g'", "in $remote_addr"), bad, 0, bad.length);
        int n = enc.finish(List.of(new SourceCheckpoint(new Fingerprint(42, 1200, -7), "f.log", 1234, 4, 1_796_000_000_000L)), Long.MIN_VALUE);
        try (RecordStore store = RecordStore.open(dir)) {
            store.append(enc.encoded(), n);
        }
        try (RecordStore store = RecordStore.openForReading(dir); var reader = store.reader(null)) {
            Batch b = reader.next();
            assertThat(b.size()).isEqualTo(3);
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) {
                actual.add(describe(b.request(i)));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(b.checkpoints()).containsExactly(new SourceCheckpoint(new Fingerprint(42, 1200, -7), "f.log", 1234, 4, 1_796_000_000_000L));
            assertThat(b.rejected()).isEqualTo(1);
            assertThat(b.reasons()).containsEntry("expected a digit in $remote_addr", 1L);
            assertThat(b.samples().get(0).line()).isEqualTo(4);
            assertThat(b.minTime()).isEqualTo(1_791_665_736_001L);
            assertThat(b.maxTime()).isEqualTo(1_791_665_736_500L);
            assertThat(reader.next()).isNull();
            assertThat(store.lastBatch().checkpoints()).hasSize(1);
        }
    }

    /**
     * Appends one batch per minute from {@code start}: {@code perMinute} requests a second apart, with
     * path {@code /m<minute>} and user agent {@code ua <minute>}.
     */
    static void appendMinutes(RecordStore store, long start, int minutes, int perMinute) throws Exception {
        appendMinutesFrom(store, start, 0, minutes, perMinute);
    }

    /** As {@link #appendMinutes}, for minutes {@code first} to {@code first + minutes} after {@code start}. */
    static void appendMinutesFrom(RecordStore store, long start, int first, int minutes, int perMinute) throws Exception {
        LineParser p = TIMING.newParser();
        LogRecord r = TIMING.newRecord();
        BatchEncoder enc = new BatchEncoder(TIMING);
        long runningMax = first == 0 ? Long.MIN_VALUE : start + first * 60_000L - 1;
        for (int m = first; m < first + minutes; m++) {
            for (int i = 0; i < perMinute; i++) {
                long t = start + m * 60_000L + i * 1000L;
                assertThat(p.parse(timingLine(t, "/m" + m, "ua " + m, "-", "-", "-"), r)).isTrue();
                enc.add(r);
            }
            int n = enc.finish(List.of(), runningMax);
            runningMax = BatchDecoder.timeRange(enc.encoded(), 0, n)[2];
            store.append(enc.encoded(), n);
        }
    }

    @Test
    void requestsHeld_sumsTheBatchesRecordCounts_readFromTheirHeaders_andCountsNoRejectedLine() throws Exception {
        Path log = dir.resolve("access.log");
        List<String> lines = new ArrayList<>(io.ngxtime.analyzer.testutil.Lines.range(0, 2500));
        lines.add(700, "garbage");
        java.nio.file.Files.write(log, lines);
        Path q = dir.resolve("q");
        try (RecordStore store = RecordStore.open(q)) {
            assertThat(store.requestsHeld()).as("an empty queue").isZero();
            assertThat(store.lastIndex()).isEqualTo(-1);
        }
        IngestScenarioTest.ingest(q, log); // 3 batches of up to 1,024 lines
        java.nio.file.Files.write(log, io.ngxtime.analyzer.testutil.Lines.range(2500, 2600),
                java.nio.file.StandardOpenOption.APPEND);
        IngestScenarioTest.ingest(q, log);

        try (RecordStore store = RecordStore.openForReading(q)) {
            assertThat(store.requestsHeld()).isEqualTo(2600);
            assertThat(store.unreadableBatches()).isZero();
            long decoded = 0;
            long last = -1;
            try (var reader = store.reader(null)) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    decoded += b.size();
                    last = reader.index();
                }
            }
            assertThat(decoded).isEqualTo(2600);
            assertThat(store.lastIndex()).isEqualTo(last);
        }
    }

    @Test
    void seek_findsTheFirstBatchThatCanHoldTheTime() throws Exception {
        long start = 1_791_665_736_000L;
        try (RecordStore store = RecordStore.open(dir)) {
            appendMinutes(store, start, 200, 10);
            long idx = store.seek(start + 100 * 60_000L + 5_000);
            try (var reader = store.reader(null).moveTo(idx)) {
                Batch b = reader.next();
                assertThat(b.minTime()).isEqualTo(start + 100 * 60_000L);
            }
            try (var reader = store.reader(null).moveTo(store.seek(start - 1))) {
                assertThat(reader.next().minTime()).isEqualTo(start);
            }
            assertThat(store.seek(start + 1_000 * 60_000L)).isEqualTo(-1);
        }
    }

    @Test
    void next_readsTheBytesOnlyOfTheBatchesWanted_andEveryHeader() throws Exception {
        long start = 1_791_665_736_000L;
        try (RecordStore store = RecordStore.open(dir)) {
            appendMinutes(store, start, 5, 10);
            List<long[]> asked = new ArrayList<>();
            List<RecordStore.BatchReader.Read> reads = new ArrayList<>();
            try (var reader = store.reader(null)) {
                while (true) {
                    RecordStore.BatchReader.Read read = reader.next(range -> {
                        asked.add(range);
                        return range[0] == start + 2 * 60_000L; // the third minute's batch only
                    });
                    if (read == RecordStore.BatchReader.Read.END) {
                        break;
                    }
                    reads.add(read);
                    assertThat(reader.timeRange()).isEqualTo(asked.get(asked.size() - 1));
                    if (read == RecordStore.BatchReader.Read.WHOLE) {
                        Batch b = reader.decode();
                        assertThat(b.size()).isEqualTo(10);
                        assertThat(b.request(0).path()).isEqualTo("/m2");
                    } else {
                        assertThatThrownBy(reader::decode).isInstanceOf(IllegalStateException.class);
                    }
                }
            }
            assertThat(reads).containsExactly(RecordStore.BatchReader.Read.HEADER, RecordStore.BatchReader.Read.HEADER,
                    RecordStore.BatchReader.Read.WHOLE, RecordStore.BatchReader.Read.HEADER,
                    RecordStore.BatchReader.Read.HEADER);
            for (int m = 0; m < 5; m++) { // every header read: min, max and running max of each minute's batch
                long first = start + m * 60_000L;
                assertThat(asked.get(m)).containsExactly(first, first + 9_000, first + 9_000);
            }
        }
    }

    @Test
    void requestSource_readsEachWindowOnce_andNothingBetween() throws Exception {
        long start = 1_791_665_736_000L;
        try (RecordStore store = RecordStore.open(dir)) {
            appendMinutes(store, start, 100, 60);
            List<TimeWindow> windows = List.of(TimeWindow.between(start + 10 * 60_000L + 30_000, start + 12 * 60_000L),
                    TimeWindow.between(start + 50 * 60_000L, start + 51 * 60_000L));
            List<Long> times = new ArrayList<>();
            List<String> agents = new ArrayList<>();
            new QueueRequestSource(store).forEach(windows, q -> {
                times.add(q.timeMillis());
                agents.add(q.userAgent()); // a lazily decoded field, read while its batch is current
            });
            assertThat(times).hasSize(90 + 60).doesNotHaveDuplicates().isSorted();
            assertThat(times).allMatch(t -> windows.stream().anyMatch(w -> t >= w.fromMillis() && t < w.toMillis()));
            assertThat(agents).containsOnly("ua 10", "ua 11", "ua 50");
        }
    }

    @Test
    void copiedRequests_keepTheirLazilyDecodedText_afterTheNextBatch() throws Exception {
        LineParser p = TIMING.newParser();
        LogRecord r = TIMING.newRecord();
        BatchEncoder enc = new BatchEncoder(TIMING);
        try (RecordStore store = RecordStore.open(dir)) {
            for (String ua : List.of("first agent", "second agent")) {
                assertThat(p.parse(timingLine(1_791_665_736_000L, "/", ua, "-", "-", "-"), r)).isTrue();
                enc.add(r);
                int n = enc.finish(List.of(), Long.MIN_VALUE);
                store.append(enc.encoded(), n);
            }
            try (var reader = store.reader(null)) {
                Request kept = new Request().copyFrom(reader.next().request(0));
                assertThat(reader.next().request(0).userAgent()).isEqualTo("second agent");
                assertThat(kept.userAgent()).isEqualTo("first agent");
                assertThat(kept.protocol()).isEqualTo("HTTP/1.1");
            }
        }
    }
}
