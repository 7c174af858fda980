package io.ngxtime.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Whether to colour output: only when writing to a real terminal and NO_COLOR is unset. */
final class Terminal {
    private Terminal() {
    }

    static boolean colours(CommandSpec spec) {
        return System.console() != null && System.getenv("NO_COLOR") == null
                && spec.commandLine().getOut() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
