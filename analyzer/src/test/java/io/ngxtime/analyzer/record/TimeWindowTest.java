package io.ngxtime.analyzer.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private static final long FROM = 1_791_187_200_000L;
    private static final long TO = FROM + 3_600_000L;

    @Test
    void between_holdsItsStart_notItsEnd() {
        TimeWindow w = TimeWindow.between(FROM, TO);
        assertThat(w.contains(FROM)).isTrue();
        assertThat(w.contains(TO - 1)).isTrue();
        assertThat(w.contains(FROM - 1)).isFalse();
        assertThat(w.contains(TO)).isFalse();
        assertThat(w.hasStart()).isTrue();
        assertThat(w.hasEnd()).isTrue();
        assertThat(w.isBounded()).isTrue();
    }

    @Test
    void all_holdsEveryTime_andKeepsNothingOut() {
        assertThat(TimeWindow.ALL.contains(Long.MIN_VALUE)).isTrue();
        assertThat(TimeWindow.ALL.contains(0)).isTrue();
        assertThat(TimeWindow.ALL.contains(Long.MAX_VALUE - 1)).isTrue();
        assertThat(TimeWindow.ALL.hasStart()).isFalse();
        assertThat(TimeWindow.ALL.hasEnd()).isFalse();
        assertThat(TimeWindow.ALL.isBounded()).isFalse();
    }

    @Test
    void since_isOpenTowardsTheFuture_only() {
        TimeWindow w = TimeWindow.since(FROM);
        assertThat(w.hasStart()).isTrue();
        assertThat(w.hasEnd()).isFalse();
        assertThat(w.isBounded()).isTrue();
        assertThat(w.contains(FROM - 1)).isFalse();
        assertThat(w.contains(Long.MAX_VALUE - 1)).isTrue();
        assertThat(TimeWindow.between(Long.MIN_VALUE, TO).hasStart()).isFalse();
    }

    @Test
    void overlaps_aRangeWithBothEndsIncluded() {
        TimeWindow w = TimeWindow.between(FROM, TO);
        assertThat(w.overlaps(FROM - 10, FROM)).as("last time at the start").isTrue();
        assertThat(w.overlaps(FROM - 10, FROM - 1)).as("all before").isFalse();
        assertThat(w.overlaps(TO - 1, TO + 10)).as("first time just before the end").isTrue();
        assertThat(w.overlaps(TO, TO + 10)).as("all at or after the end").isFalse();
        assertThat(TimeWindow.ALL.overlaps(Long.MIN_VALUE, Long.MIN_VALUE)).isTrue();
    }
}
