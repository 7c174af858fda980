package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogRecord;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * gonx's example access.log. gonx publishes no expected output for it; the figures checked here are the
 * ones the folder's SOURCE.txt computed (descriptive, not a peer assertion): 1,000 GET lines, 901 with
 * status 200 and 99 with 404, {@code $request_time} from 0.002 to 3.631, and 99 lines whose app-defined
 * fields are all {@code -}.
 */
class GonxPeerTest {

    @Test
    void accessLog_matchesTheFiguresInSourceTxt() {
        List<PeerLine> lines = PeerFolder.GONX.lines(PeerLogs.requireRoot());
        LineParser parser = PeerFormat.GONX.format().newParser();
        LogRecord r = PeerFormat.GONX.format().newRecord();
        TreeMap<Integer, Integer> byStatus = new TreeMap<>();
        LongSummaryStatistics requestTime = new LongSummaryStatistics();
        int gets = 0;
        int appFieldsDash = 0;
        for (PeerLine line : lines) {
            assertThat(parser.parse(line.bytes(), 0, line.bytes().length, r)).as(line.where()).isTrue();
            byStatus.merge(r.status(), 1, Integer::sum);
            requestTime.accept(r.requestTimeMicros());
            gets += "GET".equals(r.method()) ? 1 : 0;
            if (r.variable("t_size").equals("-") && r.variable("read_time").equals("-")
                    && r.variable("gen_time").equals("-")) {
                appFieldsDash++;
            }
        }
        assertThat(lines).hasSize(1000);
        assertThat(gets).isEqualTo(1000);
        assertThat(byStatus).containsExactly(java.util.Map.entry(200, 901), java.util.Map.entry(404, 99));
        assertThat(requestTime.getMin()).isEqualTo(2_000);
        assertThat(requestTime.getMax()).isEqualTo(3_631_000);
        assertThat(appFieldsDash).isEqualTo(99);
    }
}
