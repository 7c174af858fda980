package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogHistogramTest {
    @Test
    void quantiles_areWithinThreePointTwoPercentOfExactNearestRank() {
        SplittableRandom rnd = new SplittableRandom(3);
        long[] values = new long[50_000];
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(rnd.nextDouble(0, Math.log(60_000_000)));
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat((double) h.quantile(q)).as("q=%s", q).isCloseTo(exact, within(exact * 0.032 + 1));
        }
    }

    @Test
    void bucketBounds_areContiguousAndMonotonic() {
        for (int b = 0; b < LogHistogram.BUCKETS - 1; b++) {
            long lo = LogHistogram.lowerBound(b);
            long next = LogHistogram.lowerBound(b + 1);
            assertThat(next).isGreaterThan(lo);
            assertThat(LogHistogram.bucket(lo)).isEqualTo(b);
            assertThat(LogHistogram.bucket(next - 1)).isEqualTo(b);
        }
        assertThat(LogHistogram.bucket(LatencyHistogram.HIGHEST_MICROS * 10)).isEqualTo(LogHistogram.BUCKETS - 1);
        assertThat(LogHistogram.BUCKETS).isLessThan(600);
    }
}
