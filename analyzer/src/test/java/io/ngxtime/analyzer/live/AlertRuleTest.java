package io.ngxtime.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.live.AlertRule.Operator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // rule                             | scope                  | figure    | op               | threshold | unit | base
            "5xx>2%                             |                        | STATUS_5XX | GREATER          | 2   | %  | 0.02",
            "4xx>10%                            |                        | STATUS_4XX | GREATER          | 10  | %  | 0.1",
            "p99>800ms                          |                        | P99        | GREATER          | 800 | ms | 800000",
            "p50>200ms                          |                        | P50        | GREATER          | 200 | ms | 200000",
            "p999>2s                            |                        | P999       | GREATER          | 2   | s  | 2000000",
            "p90>=250us                         |                        | P90        | GREATER_OR_EQUAL | 250 | us | 250",
            "rps<10                             |                        | RPS        | LESS             | 10  |    | 10",
            "rps>5000                           |                        | RPS        | GREATER          | 5000 |   | 5000",
            "rps<=0.5                           |                        | RPS        | LESS_OR_EQUAL    | 0.5 |    | 0.5",
            "stale>60s                          |                        | STALE      | GREATER          | 60  | s  | 60000",
            "stale>2m                           |                        | STALE      | GREATER          | 2   | m  | 120000",
            "stale>1h                           |                        | STALE      | GREATER          | 1   | h  | 3600000",
            "tier:cache p99>50ms                | tier:cache             | P99        | GREATER          | 50  | ms | 50000",
            "tier:upstream p99>800ms            | tier:upstream          | P99        | GREATER          | 800 | ms | 800000",
            "upstream:10.0.1.3:8080 p99>500ms   | upstream:10.0.1.3:8080 | P99        | GREATER          | 500 | ms | 500000",
            "upstream:10.0.1.3:8080 failed>5%   | upstream:10.0.1.3:8080 | FAILED     | GREATER          | 5   | %  | 0.05",
            "upstream:unix:/run/app.sock p95>1s | upstream:unix:/run/app.sock | P95   | GREATER          | 1   | s  | 1000000",
            "upstream:backend failed>=50%       | upstream:backend       | FAILED     | GREATER_OR_EQUAL | 50  | %  | 0.5",
    })
    void parse_acceptedRules_readScopeFigureOperatorAndThresholdInBaseUnits(String text, String scope, AlertFigure figure,
                                                                            Operator op, String threshold, String unit,
                                                                            double base) {
        AlertRule rule = AlertRule.parse(text);

        assertThat(rule.text()).isEqualTo(text);
        assertThat(rule.scope().text()).isEqualTo(scope == null ? "" : scope);
        assertThat(rule.figure()).isEqualTo(figure);
        assertThat(rule.operator()).isEqualTo(op);
        assertThat(rule.threshold()).isEqualByComparingTo(new BigDecimal(threshold));
        assertThat(rule.unit()).isEqualTo(unit == null ? "" : unit);
        assertThat(rule.thresholdText()).isEqualTo(threshold + (unit == null ? "" : unit));
        assertThat(rule.thresholdBase()).isEqualTo(base);
        assertThat(rule.severity()).isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void parse_spacesAndCase_areTolerated_andTheTextKeepsTheRuleAsWritten() {
        AlertRule rule = AlertRule.parse("  Tier:CACHE   P99 >= 50MS  ");

        assertThat(rule.text()).isEqualTo("Tier:CACHE P99 >= 50MS");
        assertThat(rule.scope()).isEqualTo(new AlertScope.Tier("cache"));
        assertThat(rule.figure()).isEqualTo(AlertFigure.P99);
        assertThat(rule.operator()).isEqualTo(Operator.GREATER_OR_EQUAL);
        assertThat(rule.thresholdText()).isEqualTo("50ms");
    }

    @Test
    void parse_upstreamAddress_keepsItsCase() {
        assertThat(AlertRule.parse("upstream:Backend-A p99>1s").scope()).isEqualTo(new AlertScope.Upstream("Backend-A"));
    }

    @Test
    void parse_severitySuffix_setsTheSeverity() {
        assertThat(AlertRule.parse("5xx>2% warning").severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(AlertRule.parse("5xx>2% warning").thresholdText()).isEqualTo("2%");
        assertThat(AlertRule.parse("upstream:10.0.1.3:8080 failed>5% critical").severity()).isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void parse_surge_isTheSurgeRule_aWarningUnlessSaidOtherwise() {
        AlertRule surge = AlertRule.parse("surge");

        assertThat(surge.figure()).isEqualTo(AlertFigure.SURGE);
        assertThat(surge.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(surge.thresholdText()).isEqualTo("3x");
        assertThat(surge.sameAs(AlertRule.SURGE)).isTrue();
        assertThat(AlertRule.parse("surge critical").severity()).isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void sameAs_comparesMeaning_notWriting() {
        assertThat(AlertRule.parse("p99>0.8s").sameAs(AlertRule.parse("p99 > 800ms"))).isTrue();
        assertThat(AlertRule.parse("p99>800ms").sameAs(AlertRule.parse("p99>=800ms"))).isFalse();
        assertThat(AlertRule.parse("p99>800ms").sameAs(AlertRule.parse("tier:upstream p99>800ms"))).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '~', value = {
            "'' ~ empty alert rule: expected [tier:NAME | upstream:ADDR] FIGURE OP VALUE",
            "p99 ~ alert rule 'p99': expected [tier:NAME | upstream:ADDR] FIGURE OP VALUE [warning], such as 5xx>2%",
            "p99>800 ~ alert rule 'p99>800': p99 is a time: give it in us, ms or s, as in p99>800ms",
            "p99>800m ~ alert rule 'p99>800m': p99 is a time: give it in us, ms or s",
            "5xx>2 ~ alert rule '5xx>2': 5xx is a share: give it in %, as in 5xx>2%",
            "5xx>150% ~ alert rule '5xx>150%': a share is 0% to 100%, not 150%",
            "rps<10/s ~ alert rule 'rps<10/s': rps is requests per second: a plain number, as in rps<10",
            "stale>60 ~ alert rule 'stale>60': stale is a time since the last line: give it in s, m or h",
            "stale>60ms ~ alert rule 'stale>60ms': stale is a time since the last line: give it in s, m or h",
            "p98>1s ~ alert rule 'p98>1s': unknown figure 'p98'; figures are 1xx, 2xx, 3xx, 4xx, 5xx, p50, p90, p95, p99, p999, rps, stale, failed, surge",
            "latency>1s ~ alert rule 'latency>1s': unknown figure 'latency'; figures are",
            "p99=800ms ~ alert rule 'p99=800ms': expected [tier:NAME | upstream:ADDR] FIGURE OP VALUE",
            "p99>-5ms ~ alert rule 'p99>-5ms': expected [tier:NAME | upstream:ADDR] FIGURE OP VALUE",
            "tier:disk p99>1s ~ alert rule 'tier:disk p99>1s': unknown tier 'disk'; tiers are nginx, cache, upstream, nginx_or_cache, unknown",
            "tier:cache 5xx>1% ~ alert rule 'tier:cache 5xx>1%': a tier scope takes p50, p90, p95, p99 or p999",
            "tier:cache rps<1 ~ alert rule 'tier:cache rps<1': a tier scope takes p50, p90, p95, p99 or p999",
            "host:a p99>1s ~ alert rule 'host:a p99>1s': unknown scope 'host:'; a scope is tier:NAME or upstream:ADDR",
            "upstream: p99>1s ~ alert rule 'upstream: p99>1s': upstream:ADDR needs an address",
            "upstream:10.0.1.3:8080 ~ alert rule 'upstream:10.0.1.3:8080': a scope needs a figure after it, as in upstream:10.0.1.3:8080 p99>500ms",
            "upstream:10.0.1.3:8080 5xx>1% ~ alert rule 'upstream:10.0.1.3:8080 5xx>1%': the log gives no status mix per upstream: an upstream scope takes failed",
            "upstream:10.0.1.3:8080 stale>1m ~ alert rule 'upstream:10.0.1.3:8080 stale>1m': an upstream scope takes failed or p50",
            "failed>5% ~ alert rule 'failed>5%': failed is the share of one upstream's failed attempts: write upstream:ADDR failed>5%",
            "surge>2x ~ alert rule 'surge>2x': surge takes no threshold (it fires above 3x the median rate): write surge",
            "tier:cache surge ~ alert rule 'tier:cache surge': surge is over the whole window and takes no scope",
    })
    void parse_badRule_failsWithOneLineSayingWhatIsAccepted(String text, String message) {
        assertThatThrownBy(() -> AlertRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void parse_controlCharacter_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> AlertRule.parse("p99>1s\u001b[2J"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an alert rule holds a control character: expected")
                .hasMessageNotContaining("\u001b");
    }
}
