package io.ngxtime.cli.dashboard;

import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link DashboardTmuxTest} inside tmux: shows {@link SampleStates#ordinary()} on the process's
 * terminal until {@code q}, then prints {@code demo ended} on the normal screen. The keys {@code p},
 * {@code s}, {@code ?} and {@code f} change what is shown, as tail will. With an argument, writes its
 * process id to that file once the dashboard is up (so that the test can send it SIGTERM).
 */
public final class DashboardDemo {
    private DashboardDemo() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch quit = new CountDownLatch(1);
        DashboardState[] state = {SampleStates.ordinary()};
        DashboardScreen[] screen = new DashboardScreen[1];
        DashboardScreen.KeyListener keys = key -> {
            DashboardState s = state[0];
            state[0] = switch (key) {
                case QUIT -> s;
                case PAUSE -> new DashboardState(new DashboardState.Header(s.header().logTime(), s.header().catchingUp(),
                        !s.header().paused()), s.rates(), s.window(), s.alerts(), s.files(), s.selectedFile(), s.sort(), s.helpShown());
                case SORT -> new DashboardState(s.header(), s.rates(), s.window(), s.alerts(), s.files(), s.selectedFile(),
                        s.sort().next(), s.helpShown());
                case HELP -> new DashboardState(s.header(), s.rates(), s.window(), s.alerts(), s.files(), s.selectedFile(),
                        s.sort(), !s.helpShown());
                case NEXT_FILE -> new DashboardState(s.header(), s.rates(), s.window(), s.alerts(), s.files(),
                        s.selectedFile().isEmpty() ? java.util.Optional.of(s.files().get(0).path()) : java.util.Optional.empty(),
                        s.sort(), s.helpShown());
            };
            if (key == DashboardKey.QUIT) {
                quit.countDown();
            } else {
                screen[0].show(state[0]);
            }
        };
        try (DashboardScreen s = DashboardScreen.open(keys, System::getenv)) {
            screen[0] = s;
            s.show(state[0]);
            if (args.length > 0) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), Long.toString(ProcessHandle.current().pid()));
            }
            quit.await();
        }
        System.out.println("demo ended");
    }
}
