package io.ngxtime.analyzer.record;

/**
 * The distinct strings a reader has met, each under a small id that stays the same for the table's life:
 * a {@link Request} read back from the record queue carries the ids of its method, path, client address and
 * upstream addresses, so that an aggregator can key its tables by id and read a string only the first time
 * it meets its id. Id 0 means "no id" (the request then holds the string itself). Single-threaded, like the
 * reader that fills it.
 */
public interface SymbolTable {
    /** The string of symbol {@code id} (1 or more, below {@link #size()} + 1). */
    String symbol(int id);

    /** Symbols so far: the ids are 1 to this. */
    int size();
}
