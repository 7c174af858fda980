package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.source.Input;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Large inputs: parsed into a record queue on one thread while the caller's thread aggregates from it.
 * Two semaphores connect them: {@code appended} wakes the aggregating thread when a batch is in the queue
 * (and once at the end), {@code room} stops the parser when it is {@link #MAX_LAG_BATCHES} batches ahead.
 */
final class QueuedPass {
    /** How far (in batches) parsing may run ahead of aggregation. */
    static final int MAX_LAG_BATCHES = 64;

    private QueuedPass() {
    }

    /** Reads every input through {@code store} into {@code aggregation}; returns the lines read and rejected per input. */
    static List<InputLines> run(FilePass pass, List<Input> inputs, Aggregation aggregation, RecordStore store) {
        Semaphore appended = new Semaphore(0);
        Semaphore room = new Semaphore(MAX_LAG_BATCHES);
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean abandoned = new AtomicBoolean();
        java.util.function.BooleanSupplier stop = () -> pass.cancelled().getAsBoolean() || abandoned.get();
        // one parse thread: with this thread aggregating, a second parser measured no faster on 2 cores
        QueueIngester ingester = new QueueIngester(store, pass.format(), pass.maxLineBytes(), false);
        // rejected lines are counted here, as parsed, with their neighbours' times: a batch keeps only counts
        Rejects parsedRejects = new Rejects(pass.maxSamples());
        WindowedRejects rejects = new WindowedRejects(pass.window(), parsedRejects);
        ingester.observe(input -> pass.withRejectsFile(rejects.sink(input)));
        ingester.afterAppend(() -> {
            pass.tell(ingester.stats(), false);
            appended.release();
            waitForRoom(room, stop);
        });
        ExecutorService parseThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ngxtime-parse"));
        Future<?> parsing = parseThread.submit(() -> {
            try {
                for (Input input : inputs) {
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    try {
                        ingester.ingest(input, stop);
                    } catch (IOException e) {
                        pass.errors().add(new InputError(input.name(), IoErrorText.describe(e)));
                    }
                }
            } finally {
                done.set(true);
                appended.release();
            }
        });
        parseThread.shutdown();
        BatchWindowFilter inWindow = BatchWindowFilter.requestsOnly(aggregation, pass.window());
        boolean aggregated = false;
        try (RecordStore.BatchReader reader = store.reader(null)) {
            while (true) {
                boolean finished = done.get();
                Batch b = reader.next();
                if (b != null) {
                    inWindow.add(b);
                    room.release();
                } else if (finished) {
                    break;
                } else {
                    appended.acquireUninterruptibly();
                }
            }
            aggregated = true;
        } finally {
            if (!aggregated) { // aggregating failed: the parser stops, and must not wait for room that never comes
                abandoned.set(true);
                room.release(MAX_LAG_BATCHES);
                try {
                    parsing.get();
                } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                    // the failure that is thrown is this thread's
                }
            }
        }
        awaitParsing(parsing);
        pass.tell(ingester.stats(), true);
        aggregation.rejects().merge(parsedRejects); // the parse thread is done with it
        return ingester.stats().inputLines();
    }

    private static void waitForRoom(Semaphore room, java.util.function.BooleanSupplier stop) {
        try {
            // woken every few milliseconds to notice a cancel, which releases no permit
            while (!room.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the parse thread; what it failed with is thrown here, on the caller's thread. */
    private static void awaitParsing(Future<?> parsing) {
        try {
            parsing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
    }
}
