package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges a tail's alert rules at each frame and remembers which fire, so that each change is told once
 * ({@link AlertTransition}): a command runs when an alert fires and when it ends, not every frame.
 *
 * <p>A rule fires at the first frame its rule holds and clears at the first frame it does not: there is no
 * {@code for} delay, the window (a minute by default) already smooths a single slow request or a short gap.
 * A rule whose figure the frame does not give ({@link UnknownAlert.Reason}: no upstream timing in the log
 * format, no request in the window for a percentile or a share, a rate while catching up on a backlog or
 * before the window covers an interval) is neither firing nor clear: it is unknown, never compared as 0. A
 * firing alert whose figure becomes unknown ends with {@link AlertTransition.Kind#UNKNOWN}, not as cleared.
 *
 * <p>The surge rule ({@link AlertRule#SURGE}) is always judged, after the rules given; giving {@code surge}
 * (with a severity) puts it where it is given instead.
 *
 * <p>Single-threaded: one evaluator per tail, called from the thread that makes the frames.
 */
public final class AlertEvaluator {
    private final List<AlertRule> rules;
    /** Per rule, by index: the time of the frame it fired at, or null while it does not fire. */
    private final OffsetDateTime[] firingSince;

    /**
     * @param rules the rules given ({@code --alert}), in order
     * @throws IllegalArgumentException when two rules are the same rule ({@link AlertRule#sameAs}), naming both
     */
    public AlertEvaluator(List<AlertRule> rules) {
        List<AlertRule> all = new ArrayList<>();
        for (AlertRule r : rules) {
            for (AlertRule before : all) {
                if (before.sameAs(r) || (before.figure() == AlertFigure.SURGE && r.figure() == AlertFigure.SURGE)) {
                    throw new IllegalArgumentException("alert rule '" + r.text() + "' is given twice (as '"
                            + before.text() + "')");
                }
            }
            all.add(r);
        }
        if (all.stream().noneMatch(r -> r.figure() == AlertFigure.SURGE)) {
            all.add(AlertRule.SURGE);
        }
        this.rules = List.copyOf(all);
        this.firingSince = new OffsetDateTime[this.rules.size()];
    }

    /** The rules judged, in order: those given, then the surge rule unless given. */
    public List<AlertRule> rules() {
        return rules;
    }

    /** Judges every rule at this frame, and tells what changed since the frame before. */
    public AlertEvaluation evaluate(AlertInput input) {
        List<Alert> firing = new ArrayList<>();
        List<AlertTransition> transitions = new ArrayList<>();
        List<UnknownAlert> unknown = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AlertRule rule = rules.get(i);
            Reading reading = measure(rule, input);
            OffsetDateTime since = firingSince[i];
            if (reading.unknown != null) {
                unknown.add(new UnknownAlert(rule.text(), rule.scope().text(), reading.unknown));
                if (since != null) {
                    transitions.add(new AlertTransition(AlertTransition.Kind.UNKNOWN,
                            alert(rule, "unknown: " + reading.unknown.text(), since), input.time()));
                    firingSince[i] = null;
                }
            } else if (reading.holds) {
                if (since == null) {
                    since = input.time();
                    firingSince[i] = since;
                    firing.add(alert(rule, reading.valueText, since));
                    transitions.add(new AlertTransition(AlertTransition.Kind.FIRED, firing.get(firing.size() - 1),
                            input.time()));
                } else {
                    firing.add(alert(rule, reading.valueText, since));
                }
            } else if (since != null) {
                transitions.add(new AlertTransition(AlertTransition.Kind.CLEARED, alert(rule, reading.valueText, since),
                        input.time()));
                firingSince[i] = null;
            }
        }
        return new AlertEvaluation(firing, transitions, unknown);
    }

    private static Alert alert(AlertRule rule, String value, OffsetDateTime since) {
        return new Alert(rule.text(), value, rule.thresholdText(), rule.scope().text(), since, rule.severity());
    }

    /** A rule's figure at a frame: whether the rule holds and the value as text, or why it is not known. */
    private static final class Reading {
        final boolean holds;
        final String valueText;
        final UnknownAlert.Reason unknown;

        private Reading(boolean holds, String valueText, UnknownAlert.Reason unknown) {
            this.holds = holds;
            this.valueText = valueText;
            this.unknown = unknown;
        }

        static Reading of(AlertRule rule, double base) {
            return new Reading(rule.operator().holds(base, rule.thresholdBase()), number(rule.inUnit(base)) + rule.unit(),
                    null);
        }

        static Reading unknown(UnknownAlert.Reason reason) {
            return new Reading(false, null, reason);
        }
    }

    private static Reading measure(AlertRule rule, AlertInput in) {
        AlertFigure figure = rule.figure();
        switch (figure.kind()) {
            case SURGE:
                if (in.catchingUp()) {
                    return Reading.unknown(UnknownAlert.Reason.CATCHING_UP);
                }
                return in.surge().map(s -> new Reading(true, number(s.factor()) + "x", null))
                        .orElse(new Reading(false, "below " + rule.thresholdText(), null));
            case RATE:
                if (in.catchingUp()) {
                    return Reading.unknown(UnknownAlert.Reason.CATCHING_UP);
                }
                OptionalDouble rps = in.requestsPerSecond();
                return rps.isPresent() ? Reading.of(rule, rps.getAsDouble()) : Reading.unknown(UnknownAlert.Reason.NOT_COVERED);
            case AGE:
                return in.millisSinceLastLine().isPresent() ? Reading.of(rule, in.millisSinceLastLine().getAsLong())
                        : Reading.unknown(UnknownAlert.Reason.NO_LINE);
            default:
                break;
        }
        if (in.window().summary().requests() == 0) {
            // asked first: an empty window cannot tell what the format logs either
            return Reading.unknown(UnknownAlert.Reason.NO_REQUESTS);
        }
        if (figure.kind() == AlertFigure.Kind.TIME) {
            return percentile(rule, in.window());
        }
        return figure == AlertFigure.FAILED ? failedShare(rule, in.window()) : statusShare(rule, in.window().summary());
    }

    private static Reading statusShare(AlertRule rule, Summary summary) {
        int from = rule.figure().statusFrom();
        OptionalDouble share = summary.statusShare(from, from + 99);
        return share.isPresent() ? Reading.of(rule, share.getAsDouble()) : Reading.unknown(UnknownAlert.Reason.NOT_LOGGED);
    }

    private static Reading percentile(AlertRule rule, Report window) {
        AlertScope scope = rule.scope();
        TimingReport timing = window.timing();
        if (scope instanceof AlertScope.Tier) {
            String tier = ((AlertScope.Tier) scope).tier();
            if (timing.unknownTiers().contains(tier)) {
                return Reading.unknown(UnknownAlert.Reason.NOT_LOGGED);
            }
            Optional<TierReport> t = timing.tier(tier);
            if (t.isEmpty() || t.get().requests() == 0) {
                return Reading.unknown(UnknownAlert.Reason.NO_REQUESTS);
            }
            return latency(rule, t.get().requestTime(), UnknownAlert.Reason.NO_VALUES);
        }
        if (scope instanceof AlertScope.Upstream) {
            Optional<UpstreamReport> u = upstream(window, ((AlertScope.Upstream) scope).address());
            if (u.isEmpty()) {
                return Reading.unknown(upstreamAbsent(window));
            }
            return latency(rule, u.get().response(), UnknownAlert.Reason.NO_VALUES);
        }
        return latency(rule, timing.requestTime(), UnknownAlert.Reason.NO_VALUES);
    }

    private static Reading latency(AlertRule rule, Latency latency, UnknownAlert.Reason noValues) {
        if (!latency.isLogged()) {
            return Reading.unknown(UnknownAlert.Reason.NOT_LOGGED);
        }
        return latency.measured().map(p -> Reading.of(rule, rule.figure().of(p))).orElse(Reading.unknown(noValues));
    }

    private static Reading failedShare(AlertRule rule, Report window) {
        Optional<UpstreamReport> u = upstream(window, ((AlertScope.Upstream) rule.scope()).address());
        if (u.isEmpty()) {
            return Reading.unknown(upstreamAbsent(window));
        }
        if (u.get().failed().isEmpty()) {
            return Reading.unknown(UnknownAlert.Reason.NOT_LOGGED);
        }
        if (u.get().attempts() == 0) {
            return Reading.unknown(UnknownAlert.Reason.NO_ATTEMPTS);
        }
        return Reading.of(rule, (double) u.get().failed().getAsLong() / u.get().attempts());
    }

    private static Optional<UpstreamReport> upstream(Report window, String address) {
        return window.upstreams().stream()
                .filter(u -> u.kind() != UpstreamReport.Kind.NOT_LOGGED && u.address().equals(address)).findFirst();
    }

    /** Why an upstream has no row: the format logs no upstream address, or it had no attempt in the window. */
    private static UnknownAlert.Reason upstreamAbsent(Report window) {
        boolean addressLogged = window.upstreamTotals().isPresent()
                && window.upstreams().stream().noneMatch(u -> u.kind() == UpstreamReport.Kind.NOT_LOGGED);
        return addressLogged ? UnknownAlert.Reason.NO_ATTEMPTS : UnknownAlert.Reason.NOT_LOGGED;
    }

    /** A measured value for people: one decimal from 100 up, two below, no trailing zeros ({@code 912.5}, {@code 3.41}, {@code 75}). */
    static String number(double v) {
        int decimals = Math.abs(v) >= 100 ? 1 : 2;
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
