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
}
