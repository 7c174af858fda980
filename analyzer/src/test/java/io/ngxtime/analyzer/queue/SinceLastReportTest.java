package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.testutil.Lines;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports through a named reader: each run covers what the queue gained since that name's last run. */
class SinceLastReportTest {
    @TempDir
    Path dir;

    static long requestsSince(Path q, String name) throws Exception {
        try (RecordStore store = RecordStore.open(q)) {
            QueueReport.Unread u = unread(store, name);
            u.markRead(store);
            return u.report().summary().requests();
        }
    }

    static QueueReport.Unread unread(RecordStore store, String name) {
        return QueueReport.unread(store, TimeWindow.ALL, 10, RequestFilter.ALL, 5, null, name);
    }

    /** Regression: the position moved when the report was made, before it was written anywhere. */
    @Test
    void aReportNotMarkedRead_leavesThePosition_soARunThatFailsToDeliverLosesNothing() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Lines.write(log, 0, 3000);
        IngestScenarioTest.ingest(q, log);
        try (RecordStore store = RecordStore.open(q)) {
            assertThat(unread(store, "hourly").report().summary().requests()).isEqualTo(3000);
        }
        Lines.append(log, 3000, 3100);
        IngestScenarioTest.ingest(q, log);
        try (RecordStore store = RecordStore.open(q)) {
            QueueReport.Unread u = unread(store, "hourly");
            assertThat(u.report().summary().requests()).as("the undelivered period, and the new one").isEqualTo(3100);
            Lines.append(log, 3100, 3150);
            IngestScenarioTest.ingest(q, log);
            u.markRead(store);
        }
        assertThat(requestsSince(q, "hourly")).as("appended after the report: still unread").isEqualTo(50);
    }

    @Test
    void eachRunReportsWhatIsNew_theFirstReportsAll_namesAreIndependent_andPositionsSurviveReopening() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Lines.write(log, 0, 3000);
        IngestScenarioTest.ingest(q, log);
        assertThat(requestsSince(q, "hourly")).isEqualTo(3000);
        assertThat(requestsSince(q, "hourly")).isZero();

        Lines.append(log, 3000, 4500);
        IngestScenarioTest.ingest(q, log);
        assertThat(requestsSince(q, "hourly")).isEqualTo(1500);
        assertThat(requestsSince(q, "daily")).isEqualTo(4500);
        assertThat(requestsSince(q, "hourly")).isZero();
        try (RecordStore store = RecordStore.openForReading(q)) {
            // a report without a name still reads everything, and moves nothing
            assertThat(QueueReport.report(store, TimeWindow.ALL, 10).summary().requests()).isEqualTo(4500);
        }
        Lines.append(log, 4500, 4600);
        IngestScenarioTest.ingest(q, log);
        assertThat(requestsSince(q, "daily")).isEqualTo(100);
    }
}
