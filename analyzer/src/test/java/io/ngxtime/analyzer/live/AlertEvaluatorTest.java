package io.ngxtime.analyzer.live;

import static io.ngxtime.analyzer.live.WindowReports.combined;
import static io.ngxtime.analyzer.live.WindowReports.timing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.live.AlertTransition.Kind;
import io.ngxtime.analyzer.live.UnknownAlert.Reason;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {
    private static final LogFormat TIMING = Preset.TIMING.format();
    private static final LogFormat COMBINED = Preset.COMBINED.format();
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-10T10:00:00+02:00");

    private static String ok() {
        return timing(200, "0.012", "10.0.1.2:8080", "200", "0.010", "-");
    }

    private static String error() {
        return timing(502, "0.012", "10.0.1.2:8080", "502", "0.010", "-");
    }

    /** {@code n} lines: {@code errors} 5xx, the rest 200. */
    private static Report withErrors(int errors, int n) throws Exception {
        List<String> lines = new ArrayList<>(Collections.nCopies(n - errors, ok()));
        lines.addAll(Collections.nCopies(errors, error()));
        return WindowReports.of(TIMING, lines);
    }

    private static AlertInput frame(int n, Report window) {
        return new AlertInput(T0.plusSeconds(2L * n), window, OptionalDouble.of(100), OptionalLong.of(0), Optional.empty(),
                false);
    }

    private static AlertEvaluator evaluator(String... rules) {
        return new AlertEvaluator(Arrays.stream(rules).map(AlertRule::parse).toList());
    }

    private static Optional<Reason> unknownReason(AlertEvaluation e, String rule) {
        return e.unknown().stream().filter(u -> u.rule().equals(rule)).map(UnknownAlert::reason).findFirst();
    }

    @Test
    void share_firesOnceWhenItHolds_staysFiringWithoutNewTransition_thenClearsOnce() throws Exception {
        AlertEvaluator alerts = evaluator("5xx>2%");

        AlertEvaluation first = alerts.evaluate(frame(1, withErrors(1, 10)));
        AlertEvaluation second = alerts.evaluate(frame(2, withErrors(2, 20)));
        AlertEvaluation third = alerts.evaluate(frame(3, withErrors(0, 10)));
        AlertEvaluation fourth = alerts.evaluate(frame(4, withErrors(0, 10)));

        Alert fired = new Alert("5xx>2%", "10%", "2%", "", T0.plusSeconds(2), AlertSeverity.CRITICAL);
        assertThat(first.firing()).containsExactly(fired);
        assertThat(first.transitions()).containsExactly(new AlertTransition(Kind.FIRED, fired, T0.plusSeconds(2)));
        assertThat(second.firing()).containsExactly(fired);
        assertThat(second.transitions()).isEmpty();
        assertThat(third.firing()).isEmpty();
        assertThat(third.transitions()).containsExactly(new AlertTransition(Kind.CLEARED,
                new Alert("5xx>2%", "0%", "2%", "", T0.plusSeconds(2), AlertSeverity.CRITICAL), T0.plusSeconds(6)));
        assertThat(fourth.firing()).isEmpty();
        assertThat(fourth.transitions()).isEmpty();
        assertThat(fourth.unknown()).isEmpty();
    }

    @Test
    void share_exactlyAtTheThreshold_holdsForGreaterOrEqualOnly() throws Exception {
        AlertEvaluator alerts = evaluator("5xx>2%", "5xx>=2%", "2xx<=98%");

        AlertEvaluation e = alerts.evaluate(frame(1, withErrors(1, 50)));

        assertThat(e.firing()).extracting(Alert::rule).containsExactly("5xx>=2%", "2xx<=98%");
    }

    @Test
    void percentileAndShare_overAnEmptyWindow_areUnknown_neverComparedAsZero() throws Exception {
        AlertEvaluator alerts = evaluator("p99<800ms", "5xx<1%", "tier:upstream p50<1s", "upstream:10.0.1.2:8080 failed<1%");

        AlertEvaluation e = alerts.evaluate(frame(1, WindowReports.of(TIMING, List.of())));

        assertThat(e.firing()).isEmpty();
        assertThat(e.transitions()).isEmpty();
        assertThat(e.unknown()).extracting(UnknownAlert::rule, UnknownAlert::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p99<800ms", Reason.NO_REQUESTS),
                org.assertj.core.groups.Tuple.tuple("5xx<1%", Reason.NO_REQUESTS),
                org.assertj.core.groups.Tuple.tuple("tier:upstream p50<1s", Reason.NO_REQUESTS),
                org.assertj.core.groups.Tuple.tuple("upstream:10.0.1.2:8080 failed<1%", Reason.NO_REQUESTS));
    }

    @Test
    void upstreamFigures_ofAFormatWithoutUpstreamVariables_areUnknownAsNotLogged() throws Exception {
        AlertEvaluator alerts = evaluator("tier:upstream p99<1s", "tier:cache p99<1s", "upstream:10.0.1.3:8080 p99<1s",
                "upstream:10.0.1.3:8080 failed<5%", "p99<1s", "5xx<50%");

        AlertEvaluation e = alerts.evaluate(frame(1, WindowReports.of(COMBINED, List.of(combined(200), combined(200)))));

        assertThat(e.unknown()).extracting(UnknownAlert::rule, UnknownAlert::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tier:upstream p99<1s", Reason.NOT_LOGGED),
                org.assertj.core.groups.Tuple.tuple("tier:cache p99<1s", Reason.NOT_LOGGED),
                org.assertj.core.groups.Tuple.tuple("upstream:10.0.1.3:8080 p99<1s", Reason.NOT_LOGGED),
                org.assertj.core.groups.Tuple.tuple("upstream:10.0.1.3:8080 failed<5%", Reason.NOT_LOGGED),
                org.assertj.core.groups.Tuple.tuple("p99<1s", Reason.NOT_LOGGED));
        // the status is logged: a share of 0% is a measured 0, and it holds
        assertThat(e.firing()).extracting(Alert::rule, Alert::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5xx<50%", "0%"));
    }

    @Test
    void firingAlert_whoseFigureBecomesUnknown_endsAsUnknown_notAsCleared() throws Exception {
        AlertEvaluator alerts = evaluator("p99>100ms");
        Report slow = WindowReports.of(TIMING, List.of(timing(200, "0.900", "10.0.1.2:8080", "200", "0.890", "-")));

        AlertEvaluation fired = alerts.evaluate(frame(1, slow));
        AlertEvaluation empty = alerts.evaluate(frame(2, WindowReports.of(TIMING, List.of())));
        AlertEvaluation again = alerts.evaluate(frame(3, slow));

        assertThat(fired.transitions()).extracting(AlertTransition::kind).containsExactly(Kind.FIRED);
        assertThat(empty.firing()).isEmpty();
        assertThat(empty.transitions()).containsExactly(new AlertTransition(Kind.UNKNOWN,
                new Alert("p99>100ms", "unknown: no request in the window", "100ms", "", T0.plusSeconds(2),
                        AlertSeverity.CRITICAL), T0.plusSeconds(4)));
        assertThat(again.transitions()).extracting(AlertTransition::kind).containsExactly(Kind.FIRED);
        assertThat(again.firing()).extracting(Alert::since).containsExactly(T0.plusSeconds(6));
    }

    @Test
    void rpsBelow_isNotJudgedWhileCatchingUp_norBeforeTheWindowCoversAnInterval() throws Exception {
        AlertEvaluator alerts = evaluator("rps<10");
        Report window = WindowReports.of(TIMING, List.of());

        AlertEvaluation starting = alerts.evaluate(new AlertInput(T0, window, OptionalDouble.empty(), OptionalLong.of(0),
                Optional.empty(), false));
        AlertEvaluation catchingUp = alerts.evaluate(new AlertInput(T0.plusSeconds(2), window, OptionalDouble.of(0),
                OptionalLong.of(0), Optional.empty(), true));
        AlertEvaluation live = alerts.evaluate(new AlertInput(T0.plusSeconds(4), window, OptionalDouble.of(2.5),
                OptionalLong.of(0), Optional.empty(), false));

        assertThat(starting.firing()).isEmpty();
        assertThat(unknownReason(starting, "rps<10")).contains(Reason.NOT_COVERED);
        assertThat(catchingUp.firing()).isEmpty();
        assertThat(unknownReason(catchingUp, "rps<10")).contains(Reason.CATCHING_UP);
        assertThat(live.transitions()).containsExactly(new AlertTransition(Kind.FIRED,
                new Alert("rps<10", "2.5", "10", "", T0.plusSeconds(4), AlertSeverity.CRITICAL), T0.plusSeconds(4)));
    }

    @Test
    void stale_firesPastItsThreshold_inTheRulesUnit_andIsUnknownWithoutALine() throws Exception {
        AlertEvaluator alerts = evaluator("stale>1m");
        Report window = WindowReports.of(TIMING, List.of());

        AlertEvaluation none = alerts.evaluate(new AlertInput(T0, window, OptionalDouble.of(0), OptionalLong.empty(),
                Optional.empty(), false));
        AlertEvaluation fresh = alerts.evaluate(new AlertInput(T0.plusSeconds(2), window, OptionalDouble.of(0),
                OptionalLong.of(60_000), Optional.empty(), false));
        AlertEvaluation stale = alerts.evaluate(new AlertInput(T0.plusSeconds(4), window, OptionalDouble.of(0),
                OptionalLong.of(90_000), Optional.empty(), false));

        assertThat(unknownReason(none, "stale>1m")).contains(Reason.NO_LINE);
        assertThat(fresh.firing()).isEmpty();
        assertThat(fresh.unknown()).isEmpty();
        assertThat(stale.firing()).extracting(Alert::value, Alert::threshold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.5m", "1m"));
    }

    @Test
    void tierScope_judgesThatTiersRequestTime() throws Exception {
        Report window = WindowReports.of(TIMING, List.of(
                timing(200, "0.001", "-", "-", "-", "HIT"),
                timing(200, "0.002", "-", "-", "-", "HIT"),
                timing(200, "0.950", "10.0.1.2:8080", "200", "0.940", "MISS")));
        AlertEvaluator alerts = evaluator("tier:cache p99>50ms", "tier:upstream p99>800ms", "tier:nginx p99>1ms");

        AlertEvaluation e = alerts.evaluate(frame(1, window));

        long upstreamP99 = window.timing().tier("upstream").orElseThrow().requestTime().measured().orElseThrow().p99();
        assertThat(e.firing()).extracting(Alert::rule, Alert::value, Alert::scope).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tier:upstream p99>800ms", AlertEvaluator.number(upstreamP99 / 1000.0) + "ms",
                        "tier:upstream"));
        assertThat(unknownReason(e, "tier:nginx p99>1ms")).contains(Reason.NO_REQUESTS);
        assertThat(unknownReason(e, "tier:cache p99>50ms")).isEmpty();
    }

    @Test
    void upstreamScope_judgesThatUpstreamsAttempts_responseTimeAndFailedShare() throws Exception {
        Report window = WindowReports.of(TIMING, List.of(
                // a retry: the first attempt failed slowly at .3, the second answered fast at .2
                timing(200, "0.920", "10.0.1.3:8080, 10.0.1.2:8080", "502, 200", "0.900, 0.010", "-"),
                timing(200, "0.700", "10.0.1.3:8080", "200", "0.690", "-"),
                timing(200, "0.011", "10.0.1.2:8080", "200", "0.010", "-")));
        AlertEvaluator alerts = evaluator("upstream:10.0.1.3:8080 p99>500ms", "upstream:10.0.1.2:8080 p99>500ms",
                "upstream:10.0.1.3:8080 failed>5%", "upstream:10.0.1.2:8080 failed>5%", "upstream:10.0.1.9:8080 p99>1ms");

        AlertEvaluation e = alerts.evaluate(frame(1, window));

        UpstreamReport slow = window.upstreams().stream().filter(u -> u.address().equals("10.0.1.3:8080")).findFirst()
                .orElseThrow();
        assertThat(e.firing()).extracting(Alert::rule, Alert::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("upstream:10.0.1.3:8080 p99>500ms",
                        AlertEvaluator.number(slow.response().measured().orElseThrow().p99() / 1000.0) + "ms"),
                org.assertj.core.groups.Tuple.tuple("upstream:10.0.1.3:8080 failed>5%", "50%"));
        assertThat(e.firing()).extracting(Alert::scope).containsOnly("upstream:10.0.1.3:8080");
        assertThat(unknownReason(e, "upstream:10.0.1.9:8080 p99>1ms")).contains(Reason.NO_ATTEMPTS);
        assertThat(e.unknown()).hasSize(1);
    }

    @Test
    void surge_isAlwaysOn_aWarningThatFiresAndClears_andIsNotJudgedWhileCatchingUp() throws Exception {
        AlertEvaluator alerts = evaluator();
        Report window = withErrors(0, 10);

        AlertEvaluation surging = alerts.evaluate(new AlertInput(T0, window, OptionalDouble.of(40), OptionalLong.of(0),
                Optional.of(new Surge(40, 10)), false));
        AlertEvaluation calm = alerts.evaluate(new AlertInput(T0.plusSeconds(2), window, OptionalDouble.of(10),
                OptionalLong.of(0), Optional.empty(), false));
        AlertEvaluation backlog = alerts.evaluate(new AlertInput(T0.plusSeconds(4), window, OptionalDouble.of(900),
                OptionalLong.of(0), Optional.of(new Surge(900, 10)), true));

        assertThat(alerts.rules()).extracting(AlertRule::text).containsExactly("surge");
        Alert surge = new Alert("surge", "4x", "3x", "", T0, AlertSeverity.WARNING);
        assertThat(surging.transitions()).containsExactly(new AlertTransition(Kind.FIRED, surge, T0));
        assertThat(calm.transitions()).containsExactly(new AlertTransition(Kind.CLEARED,
                new Alert("surge", "below 3x", "3x", "", T0, AlertSeverity.WARNING), T0.plusSeconds(2)));
        assertThat(backlog.firing()).isEmpty();
        assertThat(unknownReason(backlog, "surge")).contains(Reason.CATCHING_UP);
    }

    @Test
    void surgeGiven_takesItsPlaceAndSeverity_insteadOfTheDefault() {
        AlertEvaluator alerts = evaluator("surge critical", "5xx>2%");

        assertThat(alerts.rules()).extracting(AlertRule::text, AlertRule::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("surge critical", AlertSeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("5xx>2%", AlertSeverity.CRITICAL));
    }

    @Test
    void sameRuleTwice_isRefused_namingBoth() {
        assertThatThrownBy(() -> evaluator("p99>800ms", "p99 > 0.8s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert rule 'p99 > 0.8s' is given twice (as 'p99>800ms')");
        assertThatThrownBy(() -> evaluator("surge", "surge critical"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert rule 'surge critical' is given twice (as 'surge')");
    }
}
