package io.ngxtime.cli;

/**
 * Whether the JVM's shutdown has begun (Ctrl-C, SIGTERM). Work still running then fails in ways that say nothing
 * about it: a library class initialised after that point cannot register its own shutdown hook, and Chronicle's
 * fail with an {@code ExceptionInInitializerError} when {@code tail} is interrupted while it opens its queue. Those
 * failures are the interruption's, which the user asked for: not reported, and never as a stack trace.
 */
final class JvmShutdown {
    private JvmShutdown() {
    }

    /** True once the shutdown sequence has started: the JVM then refuses new shutdown hooks. */
    static boolean inProgress() {
        Thread probe = new Thread(() -> { }, "ngxtime-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }

    /**
     * Makes threads that die during the shutdown die quietly; a thread that dies otherwise is reported as the JVM
     * reports it (the stack trace of what is a bug; the thread group's own report would call this handler again).
     */
    static void quietenUncaughtFailures() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!inProgress()) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }
}
