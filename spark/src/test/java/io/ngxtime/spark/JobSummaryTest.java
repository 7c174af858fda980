package io.ngxtime.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the job says that one compressed file bounds the run. */
class JobSummaryTest {
    @Test
    void compressedFileWithMoreThanTwoTasksWorth_limitsTheRun() {
        assertThat(new SparkReport.JobSummary(3, 3, 4, "big.log.gz", 0.8).limitedByOneFile()).isTrue();
    }

    @Test
    void compressedFileWithItsFairShare_doesNot() {
        assertThat(new SparkReport.JobSummary(4, 4, 4, "day.log.gz", 0.25).limitedByOneFile()).isFalse();
    }

    @Test
    void oneTaskOrNoCompressedFile_doesNot() {
        assertThat(new SparkReport.JobSummary(1, 1, 1, "only.log.gz", 1.0).limitedByOneFile()).isFalse();
        assertThat(new SparkReport.JobSummary(2, 8, 8, null, 0).limitedByOneFile()).isFalse();
    }
}
