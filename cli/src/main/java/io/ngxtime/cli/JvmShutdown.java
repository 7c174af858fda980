package io.ngxtime.cli;

/**
 * Failures that come from the JVM's shutdown (Ctrl-C, SIGTERM) rather than from the work. Work still running then
 * fails in ways that say nothing about it: a library class initialised after that point cannot register its own
 * shutdown hook ({@code IllegalStateException: Shutdown in progress}), and Chronicle's fail with an
 * {@code ExceptionInInitializerError} when {@code tail} is interrupted while it opens its queue. Those failures are
 * the stop the user asked for: not reported. Any other failure during the stop (a bug in what {@code ingest} or
 * {@code tail} finish before exiting) is said in one line, with its stack trace under {@code --verbose}.
 */
final class JvmShutdown {
    private static final String SHUTDOWN_IN_PROGRESS = "Shutdown in progress";

    private JvmShutdown() {
    }

    /** True once the shutdown sequence has started: the JVM then refuses new shutdown hooks. */
    static boolean inProgress() {
        Thread probe = new Thread(() -> { }, "ngxtime-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) { // from either call: the shutdown may begin between the two
            return true;
        }
    }

    /** Whether {@code t} failed because the JVM is shutting down: the JVM's refusal is among its causes. */
    static boolean causedByShutdown(Throwable t) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c instanceof IllegalStateException && SHUTDOWN_IN_PROGRESS.equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** What is said of {@code t} thrown during the stop: nothing when the stop caused it, else one line. */
    static String whileStopping(Throwable t) {
        return causedByShutdown(t) ? null : "ngxtime: failed while stopping: " + t;
    }

    /**
     * Says what the stop did not cause ({@link #whileStopping}) on {@code w}, its stack trace too under
     * {@code --verbose}; returns the exit code of a stop, 130.
     */
    static int reportStop(Throwable e, boolean verbose, java.io.PrintWriter w) {
        String said = whileStopping(e);
        if (said != null) {
            w.println(said + (verbose ? "" : " (run with --verbose for details)"));
        }
        if (verbose) {
            e.printStackTrace(w);
        }
        return 130;
    }

    /**
     * Makes threads that die during the shutdown of it die quietly, and those that die of something else during it
     * with one line; a thread that dies in a run that is not stopping is reported as the JVM reports it (the stack
     * trace of what is a bug; the thread group's own report would call this handler again).
     */
    static void quietenUncaughtFailures() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!inProgress()) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            } else {
                String said = whileStopping(e);
                if (said != null) {
                    System.err.println(said + " (in thread " + thread.getName() + ")");
                }
            }
        });
    }
}
