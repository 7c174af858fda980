package io.ngxtime.analyzer.live;

/**
 * A rule whose figure the frame does not give: neither firing nor clear.
 *
 * @param rule   the rule as written
 * @param scope  its scope as written (empty for the whole window)
 * @param reason why the figure is not known
 */
public record UnknownAlert(String rule, String scope, Reason reason) {
    /** Why a figure is not known. */
    public enum Reason {
        /** The log format does not log the variable (no {@code $status}, no upstream timing, no upstream status). */
        NOT_LOGGED("not in the log format"),
        /** The variable is logged, but no request (or attempt) in the window had a value for it. */
        NO_VALUES("no value in the window"),
        /** No request in the window (a share or a percentile of nothing). */
        NO_REQUESTS("no request in the window"),
        /** No attempt to this upstream in the window. */
        NO_ATTEMPTS("no attempt to this upstream in the window"),
        /** Tail is reading a backlog: its rate is the backlog's. */
        CATCHING_UP("catching up on a backlog"),
        /** The window does not cover a whole interval yet. */
        NOT_COVERED("the window does not cover an interval yet"),
        /** The time since the last line is not known. */
        NO_LINE("no line read yet");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** A few words for a renderer: {@code no request in the window}. */
        public String text() {
            return text;
        }
    }
}
