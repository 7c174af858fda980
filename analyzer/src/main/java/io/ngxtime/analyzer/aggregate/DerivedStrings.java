package io.ngxtime.analyzer.aggregate;

import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * A string derived from a recent one, remembered: the route of a path, the client network of an
 * address. Values repeat, and deriving costs a split and a rebuild. Direct-mapped by the input's hash
 * ({@value #SLOTS} slots): a new input replaces only the one in its slot, so a flood of distinct
 * inputs never empties the cache of the frequent ones. Bounded; single-writer. Serialized as its derivation
 * alone: the cache (up to twice {@value #SLOTS} strings) is rebuilt where it is read back.
 */
final class DerivedStrings implements Serializable {
    static final int SLOTS = 1 << 14;
    private final Derivation derive;
    private final String ofNull;
    private final String[] inputs = new String[SLOTS];
    private final String[] derived = new String[SLOTS];

    /** @param ofNull what a null input gives (without calling {@code derive}) */
    DerivedStrings(Derivation derive, String ofNull) {
        this.derive = derive;
        this.ofNull = ofNull;
    }

    /** Routes of paths ({@link Routes#of}); a missing path is {@link Routes#INVALID}. */
    static DerivedStrings routes() {
        return new DerivedStrings(Routes::of, Routes.INVALID);
    }

    /** Client networks of addresses ({@link ClientNetworks#of}); a missing address is "-". */
    static DerivedStrings networks() {
        return new DerivedStrings(ClientNetworks::of, "-");
    }

    /** How a string is derived; serializable, so the aggregators holding a cache are. */
    interface Derivation extends UnaryOperator<String>, Serializable {
    }

    /** What is written in place of the cache: the derivation. */
    private record Form(Derivation derive, String ofNull) implements Serializable {
        private Object readResolve() {
            return new DerivedStrings(derive, ofNull);
        }
    }

    private Object writeReplace() {
        return new Form(derive, ofNull);
    }

    String of(String input) {
        if (input == null) {
            return ofNull;
        }
        int h = input.hashCode();
        int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
        String p = inputs[slot];
        if (p == input || (p != null && p.equals(input))) {
            return derived[slot];
        }
        String d = derive.apply(input);
        inputs[slot] = input;
        derived[slot] = d;
        return d;
    }
}
