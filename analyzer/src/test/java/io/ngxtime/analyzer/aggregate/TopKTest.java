package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void exactUntilFull_thenBoundedAndApproximate() {
        TopK<Void> top = TopK.counts(100);
        for (int i = 0; i < 50; i++) {
            top.add("k" + i, i + 1);
        }
        assertThat(top.isApproximate()).isFalse();
        assertThat(top.count("k49")).isEqualTo(50);
        for (int i = 0; i < 1_000_000; i++) {
            top.add("noise" + i);
        }
        assertThat(top.size()).isEqualTo(100);
        assertThat(top.isApproximate()).isTrue();
        assertThat(top.total()).isEqualTo(1275 + 1_000_000);
    }

    @Test
    void heavyHitters_surviveAFloodOfDistinctKeys() {
        TopK<Void> top = TopK.counts(50);
        for (int i = 0; i < 200_000; i++) {
            top.add(i % 10 == 0 ? "heavy" : "rare" + i);
        }
        assertThat(top.sorted().get(0).key()).isEqualTo("heavy");
        assertThat(top.sorted().get(0).count() - top.sorted().get(0).error()).isLessThanOrEqualTo(20_000);
        assertThat(top.sorted().get(0).count()).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void aFloodOfOneOffKeys_doesNotChurnTheKeptSet() {
        TopK<Void> top = TopK.counts(100);
        for (int i = 0; i < 100; i++) {
            top.add("steady" + i, 50);
        }
        for (int i = 0; i < 500_000; i++) {
            top.add("once" + i);
        }
        assertThat(top.sorted()).allMatch(e -> e.key().startsWith("steady"));
        assertThat(top.isApproximate()).isTrue();
    }

    @Test
    void keysCountedAfterTheyWereKept_areNotEvictedBeforeLighterOnes() {
        TopK<Void> top = TopK.counts(3);
        top.add("a");
        top.add("b");
        top.add("c");
        top.add("a", 100); // a and b grow after insertion: the heap still has them at 1
        top.add("b", 100);
        for (int i = 0; i < 50 && top.count("new") == 0; i++) {
            top.add("new");
        }
        assertThat(top.count("new")).isPositive();
        assertThat(top.count("c")).isZero(); // the true lightest went, not a stale heap root
        assertThat(top.count("a")).isEqualTo(101);
        assertThat(top.count("b")).isEqualTo(101);
    }

    @Test
    void evictionMatchesSpaceSavingOnTheTrueCounts() {
        // against a naive reference that scans for the lightest key on every eviction
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        TopK<Void> top = TopK.counts(20);
        java.util.Map<String, Long> kept = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 200);
            long before = top.count(key);
            top.add(key);
            if (before > 0) {
                assertThat(top.count(key)).isEqualTo(before + 1);
            }
            if (top.count(key) > 0 && before == 0 && kept.size() == 20) {
                // it replaced a key: the one that left must have been a lightest one
                String gone = kept.keySet().stream().filter(k -> top.count(k) == 0).findFirst().orElseThrow();
                long goneCount = kept.get(gone);
                assertThat(kept.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(goneCount);
                kept.remove(gone);
            }
            if (top.count(key) > 0) {
                kept.put(key, top.count(key));
            }
        }
        assertThat(kept).hasSize(20);
    }
}
