package io.ngxtime.cli.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The format hints of the files followed ({@link LiveOutput#hint}) for the outputs that say them on stderr: a
 * hint is said once, when it first applies (its counts change every frame), and kept while it holds.
 * Thread-safe.
 */
final class FormatHints {
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final Consumer<String> stderr;

    FormatHints(Consumer<String> stderr) {
        this.stderr = stderr;
    }

    /** Records {@code hint} for {@code file} ({@code ""}: none any more), saying it when it first applies. */
    void hint(String file, String hint) {
        String before = hint.isEmpty() ? current.remove(file) : current.put(file, hint);
        if (!hint.isEmpty() && before == null) {
            stderr.accept(hint);
        }
    }

    /** The hint that holds for {@code file}, or {@code ""}. */
    String of(String file) {
        return current.getOrDefault(file, "");
    }
}
