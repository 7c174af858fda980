package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * angle-grinder's k8s-ingress-nginx alias test, as the folder's SOURCE.txt quotes its expected record
 * (the expected tomls themselves were not copied).
 *
 * <p>Convention: the alias's parse template has one token per field, so {@code upstream_response_time}
 * is a single value, which is our {@code upstreamTimeMicros()} (a sum of one). agrind DISPLAYS floats
 * with two decimals ({@code 0.247} and {@code 0.248} both as {@code 0.25}): our values are compared after
 * the same rounding. An empty {@code []} alternative upstream is the empty string.
 */
class AngleGrinderPeerTest {

    @Test
    void k8sIngressAlias_matchesOurValues_roundedToTwoDecimals() {
        Path root = PeerLogs.requireRoot();
        compare(root).assertAll(3);

        PeerLine line = PeerFolder.ANGLE_GRINDER.lines(root).get(0);
        LogRecord r = PeerChecks.parse(line.format().format(), line.text());
        assertThat(r.requestTimeMicros()).isEqualTo(247_000);
        assertThat(r.upstreamTimeMicros()).isEqualTo(248_000);
    }

    static PeerChecks compare(Path root) {
        String source = PeerLogs.text(root.resolve(PeerFolder.ANGLE_GRINDER.dir()).resolve("SOURCE.txt"));
        assertThat(source).contains("request_time \"0.247\" and upstream_response_time \"0.248\" are DISPLAYED as 0.25")
                .contains("proxy_alternative_upstream_name= (empty string)");
        PeerLine line = PeerFolder.ANGLE_GRINDER.lines(root).get(0);
        LogRecord r = PeerChecks.parse(line.format().format(), line.text());
        PeerChecks checks = new PeerChecks("angle-grinder");

        checks.equal(line.where(), "request_time as displayed", new BigDecimal("0.25"), twoDecimals(r.requestTimeMicros()));
        checks.equal(line.where(), "upstream_response_time as displayed", new BigDecimal("0.25"),
                twoDecimals(r.upstreamTimeMicros()));
        checks.equal(line.where(), "proxy_alternative_upstream_name", "", r.variable("proxy_alternative_upstream_name"));

        return checks;
    }

    private static BigDecimal twoDecimals(long micros) {
        return BigDecimal.valueOf(micros, 6).setScale(2, RoundingMode.HALF_UP);
    }
}
