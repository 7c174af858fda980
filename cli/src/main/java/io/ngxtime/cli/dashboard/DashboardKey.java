package io.ngxtime.cli.dashboard;

/** What a key typed on the dashboard asks for; {@link DashboardScreen} reports them to its listener. */
public enum DashboardKey {
    /** {@code q} or Ctrl-C. */
    QUIT,
    /** {@code p}: pause or resume the display. */
    PAUSE,
    /** {@code s}: the next {@link TableSort}. */
    SORT,
    /** {@code ?}: show or hide the key help. */
    HELP,
    /** {@code f} or Tab: the next file (all files, then each file, then all again). */
    NEXT_FILE;

    /** The key a typed character stands for, or null for any other character (ignored). */
    static DashboardKey of(int c) {
        return switch (c) {
            case 'q', 'Q', 3 -> QUIT;
            case 'p', 'P' -> PAUSE;
            case 's', 'S' -> SORT;
            case '?', 'h', 'H' -> HELP;
            case 'f', 'F', '\t' -> NEXT_FILE;
            default -> null;
        };
    }
}
