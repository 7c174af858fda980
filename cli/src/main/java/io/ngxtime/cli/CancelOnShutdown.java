package io.ngxtime.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a piece of work: while this is open, a JVM shutdown runs the work's cancel
 * action, then holds the shutdown for up to a grace period until the work has ended ({@link #close}), so
 * that what it was writing (a queue batch, a summary line) is whole. Closing it ends the grace early and
 * removes the hook; closing it during the shutdown is allowed (the hook is then running).
 *
 * <pre>{@code
 * CancelOnShutdown onInterrupt = CancelOnShutdown.install(() -> stop.set(true), Duration.ofSeconds(10));
 * try { ... work that checks stop ... } finally { onInterrupt.close(); }
 * }</pre>
 *
 * Not for nesting: one per command run.
 */
final class CancelOnShutdown implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch ended = new CountDownLatch(1);

    private CancelOnShutdown(Runnable cancel, Duration grace) {
        this.hook = new Thread(() -> {
            cancel.run();
            try {
                ended.await(grace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ngxtime-shutdown");
    }

    /**
     * Registers the hook: on shutdown {@code cancel} runs (it must only signal, the work stops by itself),
     * then the shutdown waits up to {@code grace} for {@link #close} ({@link Duration#ZERO}: not at all).
     */
    static CancelOnShutdown install(Runnable cancel, Duration grace) {
        CancelOnShutdown c = new CancelOnShutdown(cancel, grace);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** The work has ended: a shutdown under way may finish now, and a later one no longer cancels anything. */
    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and has just been let go
        }
    }

    /** Test seam: what a shutdown would run. */
    Thread hook() {
        return hook;
    }
}
