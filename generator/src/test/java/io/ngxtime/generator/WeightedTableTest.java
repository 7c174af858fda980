package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedTableTest {

    @Test
    void pick_followsTheWeights() {
        WeightedTable<String> t = WeightedTable.<String>builder().add("a", 1).add("b", 3).add("none", 0).add("c", 6)
                .build();
        SeededRandom r = new SeededRandom(9);
        Map<String, Integer> n = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            n.merge(t.pick(r), 1, Integer::sum);
        }
        assertThat(n).doesNotContainKey("none");
        assertThat(n.get("a") / 100_000.0).isCloseTo(0.1, within(0.01));
        assertThat(n.get("b") / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(n.get("c") / 100_000.0).isCloseTo(0.6, within(0.01));
    }

    @Test
    void pick_singleValue_alwaysThatValue() {
        WeightedTable<String> t = WeightedTable.<String>builder().add("only", 0.5).build();
        SeededRandom r = new SeededRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(t.pick(r)).isEqualTo("only");
        }
    }

    @Test
    void build_withoutPositiveWeight_fails() {
        assertThatThrownBy(() -> WeightedTable.<String>builder().add("x", 0).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WeightedTable.<String>builder().add("x", -1))
                .hasMessageContaining("weight of x");
    }
}
