package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.testutil.TestRequests;
import org.junit.jupiter.api.Test;

class TimeBucketTest {
    private static final long T = 1_791_187_200_000L;

    @Test
    void add_headerTimeLogged_splitsTheUpstreamResponseIntoConnectWaitAndTransfer() {
        TimeBucket b = new TimeBucket();
        b.add(TestRequests.get(new Request(), T, "/a").requestTimeMicros(100_000).addAttempt("10.0.0.1:80", 200, 2_000,
                30_000, 90_000, 0));

        assertThat(b.meanConnectMicros()).isEqualTo(2_000);
        assertThat(b.meanWaitMicros()).isEqualTo(28_000);
        assertThat(b.meanTransferMicros()).isEqualTo(60_000);
        assertThat(b.meanUnsplitMicros()).isZero();
        assertThat(b.meanNginxMicros()).isEqualTo(10_000);
    }

    @Test
    void add_headerTimeNotLogged_theResponseAfterConnectingIsUnsplit_notWaitForTheFirstByte() {
        TimeBucket b = new TimeBucket();
        b.add(TestRequests.get(new Request(), T, "/a").requestTimeMicros(100_000).addAttempt("10.0.0.1:80", 200, 2_000,
                -1, 90_000, 0));
        b.add(TestRequests.get(new Request(), T, "/b").requestTimeMicros(50_000).addAttempt("10.0.0.1:80", 200, -1,
                -1, 40_000, 0));

        assertThat(b.meanWaitMicros()).as("no header time: no claim about the first byte").isZero();
        assertThat(b.meanTransferMicros()).isZero();
        assertThat(b.meanConnectMicros()).isEqualTo(1_000);
        assertThat(b.meanUnsplitMicros()).isEqualTo((88_000 + 40_000) / 2.0);
        assertThat(b.meanConnectMicros() + b.meanUnsplitMicros() + b.meanNginxMicros())
                .as("the parts still add up to the mean request time").isEqualTo(b.meanRequestMicros());
    }

    @Test
    void merge_keepsTheUnsplitTime() {
        TimeBucket a = new TimeBucket();
        a.add(TestRequests.get(new Request(), T, "/a").requestTimeMicros(10_000).addAttempt("u", 200, -1, -1, 10_000, 0));
        TimeBucket b = new TimeBucket();
        b.add(TestRequests.get(new Request(), T, "/a").requestTimeMicros(30_000).addAttempt("u", 200, -1, -1, 30_000, 0));

        a.merge(b);

        assertThat(a.meanUnsplitMicros()).isEqualTo(20_000);
    }
}
