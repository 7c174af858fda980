package io.ngxtime.analyzer.record;

/**
 * Strings by small id, decoded only when asked for: a queue batch's dictionary. A {@link Request}
 * decoded from a batch keeps the ids of its rarely read text fields (referrer, user agent, host,
 * protocol, unsplit request line) and asks here when one is read, so a report that never reads them
 * never decodes them.
 */
public interface StringTable {
    /** The string with this id (1-based; valid until the table moves to its next batch). */
    String string(int id);
}
