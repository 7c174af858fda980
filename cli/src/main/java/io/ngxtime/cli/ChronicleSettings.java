package io.ngxtime.cli;

/**
 * Chronicle Queue must never phone home: its usage analytics and start-up announcement are switched
 * off before any Chronicle class loads, in every entry point (the launcher also passes the flags).
 */
public final class ChronicleSettings {
    private ChronicleSettings() {
    }

    public static void apply() {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("java.awt.headless", "true");
    }
}
