package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slow_backend finding: an upstream well above its peers, not one with a different profile. */
class SlowBackendFindingTest {
    private final Request r = new Request();

    /** 100 attempts at {@code address}: 98 taking {@code medianMs}, 2 taking {@code tailMs}. */
    private void attempts(Aggregation a, String address, long medianMs, long tailMs) {
        for (int i = 0; i < 100; i++) {
            long responseMicros = (i < 98 ? medianMs : tailMs) * 1000;
            TestRequests.get(r, 1_791_187_200_000L + i * 1000L, "/api").addAttempt(address, 200, 1000, responseMicros / 2, responseMicros, 0);
            r.status(200).requestTimeMicros(responseMicros + 1000);
            a.add(r);
        }
    }

    private static List<String> slow(Aggregation a) {
        return a.report(List.of("access.log"), "timing", 0).findings().stream()
                .filter(f -> f.kind() == io.ngxtime.analyzer.report.Finding.Kind.SLOW_BACKEND)
                .flatMap(f -> f.items().stream()).map(io.ngxtime.analyzer.report.Finding.Item::subject).toList();
    }

    @Test
    void aBackendSlowerAtTheMedianAndNotFasterAtTheTail_isFlagged_oneWithAnotherProfileIsNot() {
        Aggregation a = new Aggregation();
        attempts(a, "10.0.1.1:8080", 30, 300);
        attempts(a, "10.0.1.2:8080", 32, 320);
        attempts(a, "10.0.1.3:8080", 31, 310);
        attempts(a, "10.0.1.4:8080", 100, 900); // slower everywhere
        attempts(a, "10.0.2.1:8080", 60, 120); // slower median, far faster tail: another group's profile
        assertThat(slow(a)).containsExactly("10.0.1.4:8080");
    }

    @Test
    void aBackendWithOnlyASlowTail_isFlagged() {
        Aggregation a = new Aggregation();
        attempts(a, "10.0.1.1:8080", 30, 300);
        attempts(a, "10.0.1.2:8080", 32, 320);
        attempts(a, "10.0.1.3:8080", 31, 2000);
        assertThat(slow(a)).containsExactly("10.0.1.3:8080");
    }
}
