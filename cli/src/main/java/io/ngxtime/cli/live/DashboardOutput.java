package io.ngxtime.cli.live;

import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.cli.dashboard.DashboardKey;
import io.ngxtime.cli.dashboard.DashboardScreen;
import io.ngxtime.cli.dashboard.DashboardState;
import io.ngxtime.cli.dashboard.TableSort;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live dashboard on the terminal ({@link DashboardScreen}): each frame drawn in place, the keys acted on
 * ({@code q} quits, {@code p} pauses the display while the logs are still read, {@code s} cycles the tables'
 * sort, {@code ?} shows help, {@code f}/Tab switches between all files and each one). Notices cannot go to stderr
 * while the dashboard holds the screen: the latest of each file is shown in its status line, and all of them
 * (the last {@value #KEPT_NOTICES}) are printed on stderr once the terminal is restored.
 */
public final class DashboardOutput implements LiveOutput {
    /** Notices kept to print after the dashboard closes. */
    static final int KEPT_NOTICES = 200;

    private final DashboardScreen screen;
    private final List<String> files;
    private final int intervalSeconds;
    private final Runnable quit;
    private final Consumer<String> stderr;
    private final Object lock = new Object();
    private final Map<String, String> hints = new ConcurrentHashMap<>();
    private final Map<String, String> lastNotice = new ConcurrentHashMap<>();
    private final Deque<String> notices = new ArrayDeque<>();
    private long noticesDropped;
    private LiveSession.Frame frame;
    private AlertEvaluation alerts;
    private boolean paused;
    private boolean help;
    private TableSort sort = TableSort.REQUESTS;
    /** 0: all files merged; i: files[i - 1]. */
    private int selected;
    private boolean closed;

    /**
     * Opens the dashboard on the process's terminal.
     *
     * @param files  the files followed, as given
     * @param intervalSeconds the refresh interval (the rates' and the sparkline's step)
     * @param quit   what {@code q} does (stops the session)
     * @param stderr where the notices go once the terminal is restored
     * @throws DashboardScreen.NotATerminalException when there is no terminal that can hold it
     */
    public static DashboardOutput open(List<String> files, int intervalSeconds, Runnable quit, Consumer<String> stderr,
                                       Function<String, String> env) throws IOException {
        DashboardOutput[] self = new DashboardOutput[1];
        DashboardScreen screen = DashboardScreen.open(k -> self[0].key(k), env);
        self[0] = new DashboardOutput(screen, files, intervalSeconds, quit, stderr);
        return self[0];
    }

    private DashboardOutput(DashboardScreen screen, List<String> files, int intervalSeconds, Runnable quit,
                            Consumer<String> stderr) {
        this.screen = screen;
        this.files = List.copyOf(files);
        this.intervalSeconds = intervalSeconds;
        this.quit = quit;
        this.stderr = stderr;
    }

    @Override
    public void frame(LiveSession.Frame f, AlertEvaluation a) {
        synchronized (lock) {
            if (!paused || frame == null) {
                frame = f;
                alerts = a;
            }
        }
        redraw();
    }

    private void key(DashboardKey k) {
        synchronized (lock) {
            switch (k) {
                case QUIT -> quit.run();
                case PAUSE -> paused = !paused;
                case SORT -> sort = sort.next();
                case HELP -> help = !help;
                case NEXT_FILE -> selected = files.size() < 2 ? 0 : (selected + 1) % (files.size() + 1);
                default -> { }
            }
        }
        redraw();
    }

    private void redraw() {
        DashboardState state;
        synchronized (lock) {
            if (frame == null || closed) {
                return;
            }
            state = state();
        }
        screen.show(state);
    }

    /** The screen for the frame shown, under the lock. */
    private DashboardState state() {
        Optional<String> file = selected == 0 ? Optional.empty() : Optional.of(files.get(selected - 1));
        var view = file.map(frame.byFile()::get).orElse(frame.merged());
        String time = view.logTimed() ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(view.logTime().withNano(0)) : "";
        String catchingUp = view.behindWallClock().map(d -> "catching up: " + behind(d) + " behind").orElse(view.catchingUp() ? "catching up" : "");
        DashboardState.Header header = new DashboardState.Header(time, catchingUp, paused);
        long total = file.map(p -> frame.files().stream().filter(s -> s.file().equals(p)).mapToLong(LiveSession.FileStatus::requestsTotal).sum())
                .orElse(frame.requestsTotal());
        DashboardState.Rates rates = new DashboardState.Rates(view.requestsPerSecond(), intervalSeconds,
                view.windowRequestsPerSecond(), Math.round(view.coveredSeconds()), total, view.sparkline(),
                intervalSeconds);
        List<DashboardState.Alert> shown = new ArrayList<>();
        for (Alert a : alerts.firing()) {
            shown.add(new DashboardState.Alert(LiveAlerts.text(a),
                    LiveAlerts.isSurge(a) ? DashboardState.Severity.SURGE : DashboardState.Severity.FIRING));
        }
        List<DashboardState.FileStatus> statuses = new ArrayList<>();
        for (LiveSession.FileStatus s : frame.files()) {
            String hint = hints.getOrDefault(s.file(), "");
            String said = hint.isEmpty() ? lastNotice.getOrDefault(s.file(), "") : hint;
            statuses.add(new DashboardState.FileStatus(s.file(), s.waiting(), s.rotations(), s.truncations(),
                    s.millisSinceLastLine().isPresent() ? Optional.of(Duration.ofMillis(s.millisSinceLastLine().getAsLong()))
                            : Optional.empty(), said));
        }
        return new DashboardState(header, rates, Optional.of(view.report()), shown, statuses, file, sort, help);
    }

    private static String behind(Duration d) {
        long s = Math.abs(d.toSeconds());
        String text = s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172800 ? s / 3600 + " h" : s / 86400 + " days";
        return d.isNegative() ? "-" + text : text;
    }

    @Override
    public void notice(String file, String line) {
        synchronized (lock) {
            lastNotice.put(file, line);
            notices.addLast(line);
            if (notices.size() > KEPT_NOTICES) {
                notices.removeFirst();
                noticesDropped++;
            }
        }
        redraw();
    }

    @Override
    public void hint(String file, String hint) {
        if (hint.isEmpty()) {
            hints.remove(file);
        } else if (hints.put(file, hint) == null) {
            notice(file, hint);
        }
    }

    @Override
    public void close() {
        List<String> said;
        long dropped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            said = new ArrayList<>(notices);
            dropped = noticesDropped;
        }
        screen.close();
        if (dropped > 0) {
            stderr.accept("ngxtime: " + dropped + " earlier notices were shown on the dashboard only");
        }
        said.forEach(stderr);
    }
}
