package io.ngxtime.analyzer.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests of the roll cycles retention deleted, kept in a small text file in the queue's directory so
 * that a count of every request the queue was given survives retention and restarts.
 *
 * <p>Crash safety: a cycle is listed (with its requests) in a file written whole and renamed into place
 * before its cycle file is deleted. A listed cycle whose file still exists (a crash between the two) is
 * not counted as dropped: its requests are still in the queue; the next retention pass deletes it and
 * counts it then. So the requests held plus the requests dropped is every request appended, whenever a
 * crash comes, and nothing is counted twice.
 *
 * <p>Bounded: once its file is seen gone, a cycle's count is folded into one total, so the file lists only
 * the cycles being deleted. Not thread-safe; one writer at a time (the process that appends).
 */
final class DroppedCycleLedger {
    /** Not a queue file: Chronicle lists only {@code .cq4} files as cycles. */
    static final String FILE_NAME = "dropped-cycles.txt";
    private static final String HEADER = "# ngxtime: requests in roll cycles deleted by retention (format 1)";

    private final Path dir;
    /** Requests in deleted cycles whose files are known to be gone. */
    private long folded;
    /** Cycle file name to its requests: listed before the delete, maybe not deleted yet. */
    private final Map<String, Long> listed = new TreeMap<>();

    private DroppedCycleLedger(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads the ledger of the queue in {@code dir} (empty when there is none).
     *
     * @throws IOException when it cannot be read, or is not a ledger this version wrote (naming the line)
     */
    static DroppedCycleLedger read(Path dir) throws IOException {
        DroppedCycleLedger ledger = new DroppedCycleLedger(dir);
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return ledger;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                if (f.length == 2 && f[0].equals("folded")) {
                    ledger.folded = Long.parseLong(f[1]);
                    continue;
                }
                if (f.length == 3 && f[0].equals("listed") && isCycleFileName(f[1])) {
                    ledger.listed.put(f[1], Long.parseLong(f[2]));
                    continue;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new IOException(dir.resolve(FILE_NAME) + " line " + (i + 1) + ": not a dropped-cycles entry: " + line);
        }
        return ledger;
    }

    /** A plain cycle file name in the queue's directory (no path separator). */
    private static boolean isCycleFileName(String name) {
        return name.endsWith(".cq4") && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.startsWith(".");
    }

    /** Requests in the listed cycles whose files are gone (a listed file still there is still held). */
    long requestsDropped() {
        long n = folded;
        for (Map.Entry<String, Long> e : listed.entrySet()) {
            if (!Files.exists(dir.resolve(e.getKey()))) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Whether the cycle file {@code name} is listed (dropped, or being dropped). */
    boolean lists(String name) {
        return listed.containsKey(name);
    }

    /** The listed cycle files, gone or not. */
    List<String> listedFiles() {
        return new ArrayList<>(listed.keySet());
    }

    /**
     * Lists the cycle file {@code name} with its {@code requests}, and writes the ledger (whole, then renamed
     * into place, then synced) before returning: the caller deletes the file only after this. Cycles listed
     * before whose files are gone are folded into the total.
     */
    void list(String name, long requests) throws IOException {
        if (!isCycleFileName(name)) {
            throw new IllegalArgumentException("not a cycle file name: " + name);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative: " + requests);
        }
        listed.put(name, requests);
        fold();
        write();
    }

    /** Folds the counts of listed cycles whose files are gone into the total (in memory). */
    private void fold() {
        var it = listed.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            if (!Files.exists(dir.resolve(e.getKey()))) {
                folded += e.getValue();
                it.remove();
            }
        }
    }

    /** Folds and writes when some listed file is gone (keeps the file short after the deletes it listed). */
    void compact() throws IOException {
        int before = listed.size();
        fold();
        if (listed.size() != before) {
            write();
        }
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("folded\t").append(folded).append('\n');
        listed.forEach((name, n) -> text.append("listed\t").append(name).append('\t').append(n).append('\n'));
        Path target = dir.resolve(FILE_NAME);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true); // the bytes are on the device before the name points at them
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot write " + target + " atomically: " + e.getMessage(), e);
        }
        syncDirectory();
    }

    /** Makes the rename durable before a cycle file is deleted (best effort where directories cannot be opened). */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform: the rename is still atomic, only its durability is the OS's
        }
    }
}
