package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.record.Tier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One alert rule, as {@code tail --alert} takes it: {@code [SCOPE ]FIGURE OP VALUE[ SEVERITY]}, such as
 * {@code 5xx>2%}, {@code p99>800ms}, {@code rps<10}, {@code stale>60s}, {@code tier:cache p99>50ms},
 * {@code upstream:10.0.1.3:8080 failed>5% warning}, or {@code surge} (the surge rule, which is always on).
 *
 * <ul>
 *   <li>SCOPE: {@code tier:NAME} (nginx, cache, upstream, nginx_or_cache, unknown) or {@code upstream:ADDR}
 *       (an entry of {@code $upstream_addr}: {@code IP:port}, {@code unix:path} or a group's name).</li>
 *   <li>FIGURE: {@code 1xx}..{@code 5xx} (share of requests, %), {@code p50 p90 p95 p99 p999} (request time;
 *       per attempt response time with an upstream scope; {@code us}, {@code ms} or {@code s}), {@code rps}
 *       (requests per second, a plain number), {@code stale} (time since the last line, {@code s}, {@code m}
 *       or {@code h}), {@code failed} (share of an upstream's attempts that failed, %; upstream scope only).
 *       A tier scope takes percentiles; an upstream scope takes percentiles and {@code failed}.</li>
 *   <li>OP: {@code >}, {@code <}, {@code >=}, {@code <=}.</li>
 *   <li>SEVERITY: {@code critical} (the default) or {@code warning}.</li>
 * </ul>
 *
 * <p>Immutable. Two rules are the same rule ({@link #sameAs}) when they compare the same figure in the same
 * scope with the same operator and threshold, however they are written.
 *
 * @param text           the rule as written (trimmed)
 * @param scope          whose figure it is
 * @param figure         what it measures
 * @param operator       how the measured value is compared with the threshold
 * @param threshold      the threshold's number as written, in {@code unit}
 * @param unit           the threshold's unit as written ({@code ms}, {@code %}, {@code m}; empty for rps;
 *                       {@code x}, times the median rate, for the surge rule)
 * @param severity       how loudly it is shown
 */
public record AlertRule(String text, AlertScope scope, AlertFigure figure, Operator operator, BigDecimal threshold,
                        String unit, AlertSeverity severity) {

    /** What a rule looks like, for the messages of {@link #parse}. */
    static final String SYNTAX = "expected [tier:NAME | upstream:ADDR] FIGURE OP VALUE [warning], such as 5xx>2%,"
            + " p99>800ms, rps<10, stale>60s, tier:cache p99>50ms, upstream:10.0.1.3:8080 failed>5%, or surge";

    private static final Pattern COMPARISON = Pattern.compile("([a-z0-9]+)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S*)");
    private static final int MAX_ADDRESS_CHARS = 256;

    /** Units per kind of figure, and what one of each is in the evaluator's base unit (µs, ms, a fraction, req/s). */
    private static final Map<AlertFigure.Kind, Map<String, BigDecimal>> UNITS = Map.of(
            AlertFigure.Kind.TIME, Map.of("us", BigDecimal.ONE, "µs", BigDecimal.ONE, "ms", BigDecimal.valueOf(1_000),
                    "s", BigDecimal.valueOf(1_000_000)),
            AlertFigure.Kind.AGE, Map.of("s", BigDecimal.valueOf(1_000), "m", BigDecimal.valueOf(60_000),
                    "h", BigDecimal.valueOf(3_600_000)),
            AlertFigure.Kind.SHARE, Map.of("%", new BigDecimal("0.01")),
            AlertFigure.Kind.RATE, Map.of("", BigDecimal.ONE),
            AlertFigure.Kind.SURGE, Map.of("x", BigDecimal.ONE));

    /** How a measured value is compared with the threshold. */
    public enum Operator {
        GREATER(">"),
        LESS("<"),
        GREATER_OR_EQUAL(">="),
        LESS_OR_EQUAL("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code value OP threshold} holds. */
        public boolean holds(double value, double threshold) {
            switch (this) {
                case GREATER:
                    return value > threshold;
                case LESS:
                    return value < threshold;
                case GREATER_OR_EQUAL:
                    return value >= threshold;
                default:
                    return value <= threshold;
            }
        }

        static Operator bySymbol(String s) {
            return Arrays.stream(values()).filter(o -> o.symbol.equals(s)).findFirst().orElseThrow();
        }
    }

    /** The surge rule ({@link LiveWindow#surge}) as every tail has it: a warning. */
    public static final AlertRule SURGE = surge(AlertSeverity.WARNING);

    public AlertRule {
        if (text == null || scope == null || figure == null || operator == null || threshold == null || unit == null
                || severity == null) {
            throw new IllegalArgumentException("no part of an alert rule may be null");
        }
        if (!figure.allowedIn(scope)) {
            throw new IllegalArgumentException(figure.token() + " has no meaning in scope " + scope.text());
        }
        if (!UNITS.get(figure.kind()).containsKey(unit)) {
            throw new IllegalArgumentException(figure.token() + " takes no unit '" + unit + "'");
        }
    }

    private static AlertRule surge(AlertSeverity severity) {
        return new AlertRule(severity == AlertSeverity.WARNING ? "surge" : "surge " + severity.key(), AlertScope.WINDOW,
                AlertFigure.SURGE, Operator.GREATER, BigDecimal.valueOf(LiveWindow.SURGE_FACTOR).stripTrailingZeros(),
                "x", severity);
    }

    /**
     * Reads one rule.
     *
     * @throws IllegalArgumentException with a one-line message that quotes the rule (or says it holds a control
     *                                  character), says what is wrong and what is accepted
     */
    public static AlertRule parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("empty alert rule: " + SYNTAX);
        }
        if (rule.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new IllegalArgumentException("an alert rule holds a control character: " + SYNTAX);
        }
        String text = rule.strip().replaceAll("\\s+", " ");
        String rest = text;
        AlertSeverity severity = null; // not given: critical, or warning for the surge rule
        int lastSpace = rest.lastIndexOf(' ');
        if (lastSpace > 0) {
            String last = rest.substring(lastSpace + 1).toLowerCase(Locale.ROOT);
            for (AlertSeverity s : AlertSeverity.values()) {
                if (s.key().equals(last)) {
                    severity = s;
                    rest = rest.substring(0, lastSpace);
                }
            }
        }
        AlertScope scope = AlertScope.WINDOW;
        int firstSpace = rest.indexOf(' ');
        String first = firstSpace < 0 ? rest : rest.substring(0, firstSpace);
        int colon = first.indexOf(':');
        if (colon > 0 && first.substring(0, colon).chars().allMatch(Character::isLetter)) {
            scope = scope(text, first.substring(0, colon).toLowerCase(Locale.ROOT), first.substring(colon + 1));
            if (firstSpace < 0) {
                throw bad(text, "a scope needs a figure after it, as in " + scope.text() + " p99>500ms");
            }
            rest = rest.substring(firstSpace + 1);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals(AlertFigure.SURGE.token())) {
            if (scope != AlertScope.WINDOW) {
                throw bad(text, "surge is over the whole window and takes no scope");
            }
            return surge(severity == null ? AlertSeverity.WARNING : severity);
        }
        Matcher m = COMPARISON.matcher(lower);
        if (!m.matches()) {
            String figure = lower.split("[^a-z0-9]", 2)[0];
            if (!figure.isEmpty() && AlertFigure.byToken(figure).isEmpty()) {
                throw unknownFigure(text, figure);
            }
            throw bad(text, SYNTAX);
        }
        AlertFigure figure = AlertFigure.byToken(m.group(1)).orElseThrow(() -> unknownFigure(text, m.group(1)));
        if (figure == AlertFigure.SURGE) {
            throw bad(text, "surge takes no threshold (it fires above " + SURGE.thresholdText() + " the median rate): write surge");
        }
        if (!figure.allowedIn(scope)) {
            throw bad(text, notInScope(figure, scope));
        }
        String unit = m.group(4);
        if (!UNITS.get(figure.kind()).containsKey(unit)) {
            throw bad(text, unitsOf(figure));
        }
        BigDecimal threshold = new BigDecimal(m.group(3));
        if (figure.kind() == AlertFigure.Kind.SHARE && threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw bad(text, "a share is 0% to 100%, not " + m.group(3) + "%");
        }
        return new AlertRule(text, scope, figure, Operator.bySymbol(m.group(2)), threshold, unit,
                severity == null ? AlertSeverity.CRITICAL : severity);
    }

    private static AlertScope scope(String text, String kind, String name) {
        switch (kind) {
            case "tier":
                String tiers = Arrays.stream(Tier.values()).map(Tier::key).collect(Collectors.joining(", "));
                if (Arrays.stream(Tier.values()).noneMatch(t -> t.key().equals(name.toLowerCase(Locale.ROOT)))) {
                    throw bad(text, "unknown tier '" + name + "'; tiers are " + tiers);
                }
                return new AlertScope.Tier(name.toLowerCase(Locale.ROOT));
            case "upstream":
                if (name.isEmpty() || name.length() > MAX_ADDRESS_CHARS) {
                    throw bad(text, "upstream:ADDR needs an address as $upstream_addr logs it (10.0.1.3:8080,"
                            + " unix:/path or a group's name)");
                }
                return new AlertScope.Upstream(name);
            default:
                throw bad(text, "unknown scope '" + kind + ":'; a scope is tier:NAME or upstream:ADDR");
        }
    }

    private static String notInScope(AlertFigure figure, AlertScope scope) {
        if (figure == AlertFigure.FAILED) {
            return "failed is the share of one upstream's failed attempts: write upstream:ADDR failed>5%";
        }
        if (scope instanceof AlertScope.Tier) {
            return "a tier scope takes p50, p90, p95, p99 or p999 (the tier's request time)";
        }
        if (figure.isStatusClass()) {
            return "the log gives no status mix per upstream: an upstream scope takes failed (its share of failed"
                    + " attempts: a 5xx, no status or no connection) or p50, p90, p95, p99, p999 (response time per attempt)";
        }
        return "an upstream scope takes failed or p50, p90, p95, p99, p999 (response time per attempt)";
    }

    private static String unitsOf(AlertFigure figure) {
        switch (figure.kind()) {
            case TIME:
                return figure.token() + " is a time: give it in us, ms or s, as in " + figure.token() + ">800ms";
            case AGE:
                return "stale is a time since the last line: give it in s, m or h, as in stale>60s";
            case SHARE:
                return figure.token() + " is a share: give it in %, as in " + figure.token() + ">2%";
            default:
                return "rps is requests per second: a plain number, as in rps<10";
        }
    }

    private static IllegalArgumentException unknownFigure(String text, String figure) {
        return bad(text, "unknown figure '" + figure + "'; figures are " + Arrays.stream(AlertFigure.values())
                .map(AlertFigure::token).collect(Collectors.joining(", ")));
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("alert rule '" + text + "': " + why);
    }

    /** The threshold as written, with its unit: {@code 800ms}, {@code 2%}, {@code 10}, {@code 3x}. */
    public String thresholdText() {
        return threshold.toPlainString() + unit;
    }

    /** The threshold in the evaluator's base unit: µs for times, ms for stale, a fraction for shares, req/s for rps. */
    double thresholdBase() {
        return threshold.multiply(UNITS.get(figure.kind()).get(unit)).doubleValue();
    }

    /** A value in the base unit, in this rule's unit. */
    double inUnit(double base) {
        return base / UNITS.get(figure.kind()).get(unit).doubleValue();
    }

    /** Whether {@code other} compares the same figure in the same scope the same way, however it is written. */
    public boolean sameAs(AlertRule other) {
        return scope.equals(other.scope) && figure == other.figure && operator == other.operator
                && thresholdBase() == other.thresholdBase();
    }
}
