package io.ngxtime.cli.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.ShutdownHooks;

/**
 * The dashboard on a terminal. Opening it puts the terminal in raw mode (no echo, no line editing, Ctrl-C
 * read as a key), switches to the alternate screen and hides the cursor; {@link #show} draws a state in
 * place through JLine's {@link Display}, which writes only what changed since the last screen (no clear, no
 * flicker); a resize (SIGWINCH) redraws the last state at the new size; keys are read on a thread of their
 * own and reported to a {@link KeyListener}.
 *
 * <p>The terminal is restored (cooked mode as it was, the cursor shown, back to the normal screen) by
 * {@link #close()}, which a try-with-resources runs on an exception too, and by a shutdown hook when the JVM
 * ends otherwise (SIGTERM, SIGINT sent by {@code kill}, {@code System.exit}). Closing is idempotent. The
 * hook is a task of JLine's own shutdown hook, registered before the terminal is opened: JLine runs its
 * tasks in that order, so the screen is restored before JLine closes the terminal (two JVM hooks would
 * run in any order, and a closed terminal can no longer leave the alternate screen).
 *
 * <p>Thread-safety: {@link #show} and {@link #close} may be called from any thread; drawing, resizing and
 * closing are serialized. The listener is called on the key thread, one key at a time.
 */
public final class DashboardScreen implements AutoCloseable {
    /** How often the key thread looks whether the screen was closed, between keys. */
    private static final long KEY_POLL_MILLIS = 100;
    /** The size assumed when the terminal does not tell its own. */
    private static final Size FALLBACK_SIZE = Size.of(80, 24);

    /** Told each key that stands for a {@link DashboardKey}; other keys are ignored. */
    @FunctionalInterface
    public interface KeyListener {
        /** Called on the key thread; it should return soon (the next key waits for it). */
        void key(DashboardKey key);
    }

    /** The process's standard input or output is no terminal that can hold the dashboard. */
    public static final class NotATerminalException extends IOException {
        NotATerminalException(String message) {
            super(message);
        }

        NotATerminalException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Terminal terminal;
    private final boolean ownsTerminal;
    private final DashboardLayout layout;
    private final KeyListener listener;
    private final Object lock = new Object();
    private final Display display;
    private final Attributes original;
    private final Terminal.SignalHandler previousWinch;
    private final Restorer restorer;
    private final Thread keys;
    private DashboardState last;
    private volatile boolean closed;

    /** The shutdown task: restores the screen it is given, if any, once the JVM ends. */
    private static final class Restorer implements ShutdownHooks.Task {
        private volatile DashboardScreen screen;

        @Override
        public void run() {
            DashboardScreen s = screen;
            if (s != null) {
                s.restore();
            }
        }
    }

    private DashboardScreen(Terminal terminal, boolean ownsTerminal, Colouring colouring, KeyListener listener,
                            Restorer restorer) {
        this.terminal = terminal;
        this.ownsTerminal = ownsTerminal;
        this.layout = new DashboardLayout(colouring);
        this.listener = Objects.requireNonNull(listener, "listener");
        // JLine's raw mode also clears ISIG: Ctrl-C comes as a key (QUIT), so that quitting is the same
        // whichever way (the caller ends its session and closes the screen). A SIGINT sent by kill still ends
        // the JVM, through the shutdown hook.
        this.original = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        // the alternate screen keeps the cursor where it was: home it, as the Display assumes
        terminal.puts(Capability.clear_screen);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        this.display = new Display(terminal, true);
        this.previousWinch = terminal.handle(Terminal.Signal.WINCH, signal -> resized());
        this.restorer = restorer;
        restorer.screen = this;
        this.keys = new Thread(this::readKeys, "ngxtime-dashboard-keys");
        keys.setDaemon(true);
        keys.start();
    }

    /**
     * The dashboard on the process's terminal (standard input and output), colour decided by {@link
     * Colouring#of}.
     *
     * @param env the environment variables to read ({@code NO_COLOR})
     * @throws NotATerminalException when standard input or output is not a terminal, or it is a dumb one
     *                               (it cannot move the cursor): then show the plain live view instead
     * @throws IOException           when the terminal cannot be opened
     */
    public static DashboardScreen open(KeyListener listener, Function<String, String> env) throws IOException {
        Restorer restorer = ShutdownHooks.add(new Restorer()); // before the terminal's own task: run first
        Terminal t;
        try {
            t = TerminalBuilder.builder().system(true).providers("jni,exec").dumb(false).nativeSignals(true).build();
        } catch (IllegalStateException e) {
            ShutdownHooks.remove(restorer);
            throw new NotATerminalException("standard input and output are not a terminal", e);
        }
        if (!canDraw(t)) {
            String type = t.getType();
            ShutdownHooks.remove(restorer);
            t.close();
            throw new NotATerminalException("the terminal (" + type + ") cannot move the cursor");
        }
        try {
            return new DashboardScreen(t, true, Colouring.of(t, env), listener, restorer);
        } catch (RuntimeException e) {
            ShutdownHooks.remove(restorer);
            t.close();
            throw e;
        }
    }

    /**
     * The dashboard on a terminal the caller owns (it is not closed with the screen): a virtual terminal in
     * the tests.
     */
    public static DashboardScreen on(Terminal terminal, Colouring colouring, KeyListener listener) {
        return new DashboardScreen(terminal, false, colouring, listener, ShutdownHooks.add(new Restorer()));
    }

    /** Whether {@code t} can hold the dashboard: not dumb, and it can move the cursor. */
    static boolean canDraw(Terminal t) {
        String type = t.getType();
        return type != null && !type.startsWith(Terminal.TYPE_DUMB)
                && t.getStringCapability(Capability.cursor_address) != null;
    }

    /** Draws {@code state} in place of the last screen; nothing once closed. */
    public void show(DashboardState state) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            if (closed) {
                return;
            }
            last = state;
            draw();
        }
    }

    /** The terminal's size now, or 80x24 when it does not say. */
    private Size size() {
        Size s = terminal.getSize();
        return s == null || s.getColumns() <= 0 || s.getRows() <= 0 ? FALLBACK_SIZE : s;
    }

    private void draw() {
        Size size = size();
        List<AttributedString> lines = layout.lines(last, size.getColumns(), size.getRows());
        display.resize(size);
        display.update(lines, 0);
        terminal.flush();
    }

    private void resized() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            // Terminals re-flow or clear what they showed when resized: draw everything again.
            display.clear();
            terminal.puts(Capability.clear_screen);
            if (last != null) {
                draw();
            } else {
                terminal.flush();
            }
        }
    }

    private void readKeys() {
        NonBlockingReader reader = terminal.reader();
        try {
            while (!closed) {
                int c = reader.read(KEY_POLL_MILLIS);
                if (c == NonBlockingReader.EOF) {
                    return;
                }
                DashboardKey key = c >= 0 ? DashboardKey.of(c) : null;
                if (key != null && !closed) {
                    listener.key(key);
                }
            }
        } catch (IOException e) {
            // the terminal went away: nothing more to read
        }
    }

    /** Restores the terminal, once; the shutdown hook and {@link #close()} both come here. */
    private void restore() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                terminal.handle(Terminal.Signal.WINCH, previousWinch);
                terminal.puts(Capability.cursor_visible);
                terminal.puts(Capability.exit_ca_mode);
                terminal.setAttributes(original);
                terminal.flush();
            } finally {
                if (ownsTerminal) {
                    try {
                        terminal.close();
                    } catch (IOException e) {
                        // restored already; closing the streams is all that failed
                    }
                }
            }
        }
    }

    /** Restores the terminal as it was before the screen opened and stops reading keys. Idempotent. */
    @Override
    public void close() {
        restore();
        ShutdownHooks.remove(restorer);
        if (Thread.currentThread() != keys) {
            try {
                keys.join(2 * KEY_POLL_MILLIS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
