package io.ngxtime.analyzer.live;

/**
 * Which requests an {@link AlertRule} looks at: the whole window, one tier's requests, or one upstream's
 * attempts.
 */
public sealed interface AlertScope permits AlertScope.Window, AlertScope.Tier, AlertScope.Upstream {
    /** The whole window (a rule written without a scope). */
    Window WINDOW = new Window();

    /** The scope as a rule writes it ({@code tier:cache}, {@code upstream:10.0.1.3:8080}); empty for the whole window. */
    String text();

    /** Every request of the window. */
    record Window() implements AlertScope {
        @Override
        public String text() {
            return "";
        }
    }

    /**
     * The requests of one tier, by its report key ({@code nginx}, {@code cache}, {@code upstream},
     * {@code nginx_or_cache}, {@code unknown}).
     */
    record Tier(String tier) implements AlertScope {
        @Override
        public String text() {
            return "tier:" + tier;
        }
    }

    /** The attempts to one entry of {@code $upstream_addr} (a server's address or a group's name). */
    record Upstream(String address) implements AlertScope {
        @Override
        public String text() {
            return "upstream:" + address;
        }
    }
}
