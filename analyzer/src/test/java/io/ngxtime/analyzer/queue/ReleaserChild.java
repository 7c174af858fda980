package io.ngxtime.analyzer.queue;

import java.nio.file.Path;

/**
 * Run as a separate process by {@link RecordStoreTest} (a JVM in which no Chronicle class loaded before the store):
 * appends to and reads a queue, closes it, then says whether Chronicle's background releaser thread exists.
 */
public final class ReleaserChild {
    private ReleaserChild() {
    }

    public static void main(String[] args) throws Exception {
        try (RecordStore store = RecordStore.open(Path.of(args[0]))) {
            store.append(new byte[] {1, 2, 3}, 3);
        }
        try (RecordStore store = RecordStore.openForReading(Path.of(args[0])); var reader = store.reader(null)) {
            reader.nextRaw();
        }
        boolean releaser = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("background~resource~releaser"));
        System.out.println("releaser thread: " + releaser);
    }
}
