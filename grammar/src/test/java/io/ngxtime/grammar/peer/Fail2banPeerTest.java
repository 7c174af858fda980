package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fail2ban's nginx-bad-request and nginx-botsearch filter tests: for each access-log line the failJSON
 * comment before it gives the {@code host} the filter bans and the {@code time} it reads.
 *
 * <p>Convention: {@code host} is the client address, our {@code $remote_addr}. {@code time} is LOCAL wall
 * time without an offset, in the zone fail2ban's tests run in ({@code TZ=CET-01CEST-02}, see the folder's
 * SOURCE.txt): it is turned into an instant in {@code CET} (with its summer rule) and compared with ours.
 * {@code match: true} is fail2ban's verdict (the line is a failure to ban for), not a logged value: not
 * compared; every line must parse, which the conformance table checks.
 */
class Fail2banPeerTest {
    private static final ZoneId FAIL2BAN_TEST_ZONE = ZoneId.of("CET");

    static PeerChecks compare(Path root) {
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.FAIL2BAN.dir()).resolve("expected.json"));
        PeerChecks checks = new PeerChecks("fail2ban");
        for (PeerLine line : PeerFolder.FAIL2BAN.lines(root)) {
            JsonNode fail = expected.path(line.file()).path(Integer.toString(line.number())).get("failJSON");
            if (fail == null) {
                throw new AssertionError(line.where() + " has no failJSON in expected.json");
            }
            String where = line.where();
            String host = fail.get("host").asText();
            String time = fail.get("time").asText();
            LogRecord r = PeerChecks.parseOrNull(line);
            if (r == null) {
                checks.rejected(where, "host", host);
                checks.rejected(where, "time", time);
                continue;
            }
            checks.equal(where, "host", host, r.remoteAddr());
            checks.instant(where, "time (CET wall time)",
                    LocalDateTime.parse(time).atZone(FAIL2BAN_TEST_ZONE).toInstant(), r.timeMillis());
            checks.notCompared(); // match
        }
        return checks;
    }

    @Test
    void failJson_hostAndTime_matchOurs_timeAsAnInstantInCet() {
        Path root = PeerLogs.requireRoot();
        List<PeerLine> lines = PeerFolder.FAIL2BAN.lines(root);

        compare(root).assertAll(2 * lines.size());
        assertThat(lines).hasSize(16);
    }

    @Test
    void cetWallTime_isTheLoggedTime_atPlusOneHour() {
        // failJSON "2015-01-20T19:53:28" for [20/Jan/2015:19:53:28 +0100]: the same instant, 18:53:28Z
        PeerLine first = PeerFolder.FAIL2BAN.lines(PeerLogs.requireRoot()).get(0);
        LogRecord r = PeerChecks.parseOrNull(first);

        assertThat(first.text()).contains("[20/Jan/2015:19:53:28 +0100]");
        assertThat(r).isNotNull();
        assertThat(r.time().toInstant()).hasToString("2015-01-20T18:53:28Z");
        assertThat(r.zoneOffsetSeconds()).isEqualTo(3600);
    }
}
