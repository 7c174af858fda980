package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting by symbol ({@link TopK#add(SymbolTable, int, DerivedStrings)}) counts exactly what counting by string does. */
class TopKSymbolTest {
    /** A table of {@code n} distinct strings, symbol i+1 for string i. */
    private static SymbolTable table(List<String> strings) {
        return new SymbolTable() {
            @Override
            public String symbol(int id) {
                return strings.get(id - 1);
            }

            @Override
            public int size() {
                return strings.size();
            }
        };
    }

    private static List<String> keys(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("/api/items/" + i + (i % 3 == 0 ? "/reviews" : ""));
        }
        return out;
    }

    @Test
    void bySymbol_equalsByString_whileExact_andThroughEvictions() {
        for (int distinct : new int[] {50, 5_000, 100_000}) {
            List<String> strings = keys(distinct);
            SymbolTable t = table(strings);
            TopK<Void> bySymbol = TopK.counts(100);
            TopK<Void> byString = TopK.counts(100);
            Random random = new Random(distinct);
            for (int i = 0; i < 300_000; i++) {
                // skewed: a few heavy keys, a long tail, symbols above the cache's bound too
                int k = random.nextInt(10) < 6 ? random.nextInt(Math.min(20, distinct)) : random.nextInt(distinct);
                bySymbol.add(t, k + 1, null);
                byString.add(strings.get(k));
            }
            assertThat(entries(bySymbol)).as("%d distinct", distinct).isEqualTo(entries(byString));
            assertThat(bySymbol.total()).isEqualTo(byString.total());
            assertThat(bySymbol.isApproximate()).isEqualTo(byString.isApproximate());
        }
    }

    @Test
    void aDerivedKey_countsEverySymbolThatDerivesIt() {
        List<String> strings = keys(3_000);
        SymbolTable t = table(strings);
        TopK<Void> routes = TopK.counts(10);
        DerivedStrings derive = DerivedStrings.routes();
        for (int id = 1; id <= strings.size(); id++) {
            routes.add(t, id, derive);
            routes.add(t, id, derive);
        }
        assertThat(routes.count("/api/items/:id")).isEqualTo(2 * 2_000);
        assertThat(routes.count("/api/items/:id/reviews")).isEqualTo(2 * 1_000);
        assertThat(routes.total()).isEqualTo(6_000);
    }

    @Test
    void anotherTable_isNotMistakenForTheFirst() {
        SymbolTable a = table(List.of("x", "y"));
        SymbolTable b = table(List.of("y", "x"));
        TopK<Void> top = TopK.counts(10);
        top.add(a, 1, null);
        top.add(b, 1, null);
        top.add(b, 1, null);
        assertThat(top.count("x")).isEqualTo(1);
        assertThat(top.count("y")).isEqualTo(2);
    }

    @Test
    void aKeyLetGoByAMerge_isLookedUpAgain() {
        List<String> strings = keys(5);
        SymbolTable t = table(strings);
        TopK<Void> top = TopK.counts(2);
        top.add(t, 5, null); // cached
        TopK<Void> other = TopK.counts(2);
        other.add(strings.get(0), 10);
        other.add(strings.get(1), 10);
        top.merge(other); // keeps the two heaviest: symbol 5's key is let go
        assertThat(top.count(strings.get(4))).isZero();
        top.add(t, 5, null);
        assertThat(entries(top)).containsKey(strings.get(0)).containsKey(strings.get(1));
        assertThat(top.total()).isEqualTo(22);
    }

    private static java.util.Map<String, Long> entries(TopK<Void> top) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        top.sorted().forEach(e -> out.put(e.key(), e.count()));
        return out;
    }
}
