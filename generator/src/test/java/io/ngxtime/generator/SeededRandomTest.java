package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void nextLong_seedZero_isSplitMix64() {
        // the published first outputs of SplitMix64 from state 0: the samples depend on this sequence
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void stream_samePurpose_sameSequence_otherPurpose_otherSequence() {
        assertThat(SeededRandom.stream(5, 1).nextLong()).isEqualTo(SeededRandom.stream(5, 1).nextLong());
        assertThat(SeededRandom.stream(5, 1).nextLong()).isNotEqualTo(SeededRandom.stream(5, 2).nextLong());
        assertThat(SeededRandom.stream(5, 1).nextLong()).isNotEqualTo(SeededRandom.stream(6, 1).nextLong());
    }

    @Test
    void between_staysInsideBothBounds() {
        SeededRandom r = new SeededRandom(1);
        int[] seen = new int[5];
        for (int i = 0; i < 10_000; i++) {
            int v = r.between(3, 7);
            assertThat(v).isBetween(3, 7);
            seen[v - 3]++;
        }
        assertThat(Arrays.stream(seen).min().orElseThrow()).isGreaterThan(1_800);
    }

    @Test
    void zipf_favoursSmallRanksAndStaysInRange() {
        SeededRandom r = new SeededRandom(2);
        int ones = 0;
        for (int i = 0; i < 10_000; i++) {
            int k = r.zipf(400);
            assertThat(k).isBetween(1, 400);
            ones += k == 1 ? 1 : 0;
        }
        // P(1) = ln 2 / ln 401, about 11.6%
        assertThat(ones / 10_000.0).isCloseTo(0.116, within(0.015));
    }

    @Test
    void logNormal_hasTheAskedMedian() {
        SeededRandom r = new SeededRandom(3);
        double[] v = new double[20_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.logNormal(20, 0.55);
        }
        Arrays.sort(v);
        assertThat(v[v.length / 2]).isCloseTo(20, within(0.6));
    }

    @Test
    void exponential_hasMeanOne() {
        SeededRandom r = new SeededRandom(4);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            sum += r.exponential();
        }
        assertThat(sum / 100_000).isCloseTo(1.0, within(0.02));
    }
}
