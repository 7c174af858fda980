package io.ngxtime.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DashboardScreen} on a virtual xterm-256color terminal (JLine's, fed by a pipe, written to memory):
 * what it writes to the terminal, the terminal's modes, and the keys typed.
 */
class DashboardScreenTest {
    private static final String ALTERNATE_SCREEN_ON = "\u001b[?1049h";
    private static final String ALTERNATE_SCREEN_OFF = "\u001b[?1049l";
    private static final String CURSOR_HIDDEN = "\u001b[?25l";
    /** xterm's "cursor normal": {@code ESC[?25h}, or with the blink reset as JLine's xterm entry has it. */
    private static final Pattern CURSOR_SHOWN = Pattern.compile("\u001b\\[\\?(?:12;)?25h");

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private PipedOutputStream typing;
    private Terminal terminal;
    private final BlockingQueue<DashboardKey> keys = new LinkedBlockingQueue<>();

    @BeforeEach
    void virtualTerminal() throws IOException {
        typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        // JLine's line discipline in memory: output written synchronously, input pumped from the pipe
        terminal = new ExternalTerminal("test", "xterm-256color", in, written, StandardCharsets.UTF_8);
        terminal.setSize(Size.of(80, 24));
    }

    @AfterEach
    void closeTerminal() throws IOException {
        typing.close();
        terminal.close();
    }

    private String output() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Where the last match of {@code p} in {@code s} starts, or -1. */
    private static int lastIndexOf(String s, Pattern p) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean cooked(Attributes a) {
        return a.getLocalFlag(Attributes.LocalFlag.ICANON) && a.getLocalFlag(Attributes.LocalFlag.ECHO)
                && a.getLocalFlag(Attributes.LocalFlag.ISIG);
    }

    @Test
    void open_entersRawModeAndTheAlternateScreenWithTheCursorHidden() {
        assertThat(cooked(terminal.getAttributes())).as("a fresh virtual terminal is cooked").isTrue();
        try (DashboardScreen screen = DashboardScreen.on(terminal, Colouring.COLOUR, keys::add)) {
            String out = output();
            assertThat(out).contains(ALTERNATE_SCREEN_ON, CURSOR_HIDDEN);
            assertThat(out).doesNotContain(ALTERNATE_SCREEN_OFF).doesNotContainPattern(CURSOR_SHOWN);
            Attributes a = terminal.getAttributes();
            assertThat(a.getLocalFlag(Attributes.LocalFlag.ICANON)).isFalse();
            assertThat(a.getLocalFlag(Attributes.LocalFlag.ECHO)).isFalse();
            assertThat(a.getLocalFlag(Attributes.LocalFlag.ISIG)).as("Ctrl-C is read as a key").isFalse();
        }
    }

    @Test
    void close_restoresTheTerminal_once() {
        DashboardScreen screen = DashboardScreen.on(terminal, Colouring.COLOUR, keys::add);
        screen.show(SampleStates.ordinary());
        int drawnUpTo = output().length();
        screen.close();
        screen.close();
        String out = output();
        assertThat(out.substring(drawnUpTo)).contains(ALTERNATE_SCREEN_OFF).containsPattern(CURSOR_SHOWN);
        assertThat(out.lastIndexOf(ALTERNATE_SCREEN_OFF)).isGreaterThan(out.lastIndexOf(ALTERNATE_SCREEN_ON));
        assertThat(count(out, ALTERNATE_SCREEN_OFF)).as("restored once, however often closed").isEqualTo(1);
        assertThat(cooked(terminal.getAttributes())).isTrue();
    }

    @Test
    void anExceptionInTheCaller_stillRestoresTheTerminal() {
        assertThatThrownBy(() -> {
            try (DashboardScreen screen = DashboardScreen.on(terminal, Colouring.COLOUR, keys::add)) {
                screen.show(SampleStates.ordinary());
                throw new IllegalStateException("the session failed");
            }
        }).hasMessage("the session failed");
        String out = output();
        assertThat(lastIndexOf(out, CURSOR_SHOWN)).isGreaterThan(out.lastIndexOf(CURSOR_HIDDEN));
        assertThat(out.lastIndexOf(ALTERNATE_SCREEN_OFF)).isGreaterThan(out.lastIndexOf(ALTERNATE_SCREEN_ON));
        assertThat(cooked(terminal.getAttributes())).isTrue();
    }

    @Test
    void show_drawsTheLayoutInPlace_andNothingAfterClose() {
        try (DashboardScreen screen = DashboardScreen.on(terminal, Colouring.MONOCHROME, keys::add)) {
            screen.show(SampleStates.ordinary());
            assertThat(output()).contains("ngxtime tail", "2,432 req/s", "Tiers", "Alerts (3)");
            int before = output().length();
            screen.show(SampleStates.ordinary());
            assertThat(output().substring(before)).as("the same screen again: nothing to redraw").doesNotContain("Tiers");
            screen.close();
            int closed = output().length();
            screen.show(SampleStates.ordinary());
            assertThat(output().length()).isEqualTo(closed);
        }
    }

    @Test
    void aResize_redrawsAtTheNewSize() throws Exception {
        try (DashboardScreen screen = DashboardScreen.on(terminal, Colouring.MONOCHROME, keys::add)) {
            Thread frames = new Thread(() -> screen.show(SampleStates.ordinary())); // show() from another thread
            frames.start();
            frames.join();
            assertThat(output()).contains("ngxtime tail").doesNotContain("Rejected lines");
            int before = output().length();
            terminal.setSize(Size.of(200, 60));
            terminal.raise(Terminal.Signal.WINCH);
            assertThat(output().substring(before)).contains("ngxtime tail", "Routes", "Slowest routes", "Rejected lines");
        }
    }

    @Test
    void keysTyped_arriveAsEvents() throws Exception {
        try (DashboardScreen screen = DashboardScreen.on(terminal, Colouring.COLOUR, keys::add)) {
            typing.write("pxsf\t?q\u0003".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            List<DashboardKey> got = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                DashboardKey k = keys.poll(30, TimeUnit.SECONDS);
                assertThat(k).as("key %d of 7", i + 1).isNotNull();
                got.add(k);
            }
            assertThat(got).containsExactly(DashboardKey.PAUSE, DashboardKey.SORT, DashboardKey.NEXT_FILE,
                    DashboardKey.NEXT_FILE, DashboardKey.HELP, DashboardKey.QUIT, DashboardKey.QUIT);
        }
    }

    @Test
    void aDumbTerminal_cannotHoldTheDashboard() throws IOException {
        try (Terminal dumb = new ExternalTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(DashboardScreen.canDraw(dumb)).isFalse();
        }
        assertThat(DashboardScreen.canDraw(terminal)).isTrue();
    }
}
