package io.ngxtime.generator;

/** Lines that are not access-log lines of the format; a parser must reject every one. */
enum MalformedKind {
    /** A valid line cut short before its format's last literal (a crash or a full disk). */
    TRUNCATED("truncated"),
    /** Bytes that are no log line at all (a corrupted block). */
    JUNK("junk"),
    /** A line of nginx's error log, written to the access log by a misconfiguration. */
    ERROR_LOG("errorLog"),
    /** A line whose timestamp no nginx writes (capitalised month, hour 24, missing offset, wrong syntax). */
    BROKEN_TIMESTAMP("brokenTimestamp");

    private final String key;

    MalformedKind(String key) {
        this.key = key;
    }

    /** The name in the ground truth's JSON. */
    String key() {
        return key;
    }
}
