package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.Input;
import io.ngxtime.grammar.Preset;
import java.nio.file.Path;

/** Run as a separate process by {@link ResumeAfterKillTest}: ingests one file (on the number of parse
 * threads given), saying after each batch. */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        RecordStore.disableAnalytics();
        try (RecordStore store = RecordStore.open(Path.of(args[0]))) {
            QueueIngester ing = new QueueIngester(store, Preset.COMBINED.format(), 65536, true)
                    .parallelism(args.length > 2 ? Integer.parseInt(args[2]) : 1);
            ing.afterAppend(() -> {
                System.out.println("batch");
                System.out.flush();
            });
            ing.ingest(Input.file(Path.of(args[1])), () -> false);
        }
        System.out.println("done");
    }
}
