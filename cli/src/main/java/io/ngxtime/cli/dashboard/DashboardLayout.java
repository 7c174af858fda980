package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.charts.Figures;
import io.ngxtime.cli.render.TerminalText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The dashboard's screen as lines, from a {@link DashboardState} and the terminal's size. Pure: no terminal,
 * no clock; the same state and size give the same lines.
 *
 * <p>Laid out by priority. Always kept, in this order of need when the screen is small: the header, the
 * req/s line with its sparkline, the status line of the files (at the bottom), the tiers (requests, p50,
 * p99), the alerts, the window line. The room left goes to the sections that follow, in this order, each
 * shown only when it fits whole or cut to the rows that fit with a last line "… N more" (then no later
 * section is shown): upstreams, routes, status mix, slowest routes, rejected lines.
 *
 * <p>Contract: at most {@code height} lines, none wider than {@code width} columns (display width: CJK and
 * emoji take two); every text from a log goes through {@link TerminalText#safe} first, so no control byte or
 * escape sequence from a log reaches the terminal.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class DashboardLayout {
    /** Rows of the upstream and route tables at most, however tall the terminal. */
    static final int MAX_TABLE_ROWS = 10;
    private static final int MAX_STATUS_ROWS = 8;
    private static final int MAX_SLOWEST_ROWS = 5;
    private static final int MAX_REASONS = 3;
    private static final int MIN_SPARKLINE = 8;
    /** The width a table column needs at least, for two of them side by side. */
    static final int MIN_COLUMN_WIDTH = 80;
    private final Styles styles;

    public DashboardLayout(Colouring colouring) {
        this.styles = new Styles(colouring);
    }

    /**
     * The lines of one screen.
     *
     * @throws IllegalArgumentException when the size is not positive
     */
    public List<AttributedString> lines(DashboardState state, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the screen must be at least 1x1, was " + width + "x" + height);
        }
        AttributedString header = header(state);
        AttributedString rate = rateLine(state, width);
        AttributedString window = windowLine(state);
        Section files = files(state, width);
        List<Section> required;
        if (state.helpShown()) {
            required = List.of(help(state));
        } else {
            required = List.of(tiers(state), alerts(state));
        }

        // Room for what is always kept: first each at its smallest, in order of need, then whole.
        int room = height;
        int[] lines = new int[required.size()];
        int headerLines = take(1, room);
        room -= headerLines;
        int rateLines = take(1, room);
        room -= rateLines;
        int fileLines = take(Math.min(files.minimum(), 1), room);
        room -= fileLines;
        for (int i = 0; i < required.size(); i++) {
            lines[i] = take(required.get(i).minimum(), room);
            room -= lines[i];
        }
        int windowLines = take(1, room);
        room -= windowLines;
        int more = take(files.size() - fileLines, Math.max(0, room - requiredGrowth(required, lines)));
        fileLines += more;
        room -= more;
        for (int i = 0; i < required.size(); i++) {
            int grow = take(required.get(i).size() - lines[i], room);
            lines[i] += grow;
            room -= grow;
        }
        more = take(files.size() - fileLines, room);
        fileLines += more;
        room -= more;

        List<AttributedString> out = new ArrayList<>(height);
        out.addAll(List.of(header).subList(0, headerLines));
        out.addAll(List.of(rate).subList(0, rateLines));
        out.addAll(List.of(window).subList(0, windowLines));
        for (int i = 0; i < required.size(); i++) {
            if (room > 0 && lines[i] > 0) {
                out.add(AttributedString.EMPTY);
                room--;
            }
            out.addAll(required.get(i).lines(lines[i]));
        }
        if (!state.helpShown()) {
            for (Block optional : optional(state, width)) {
                if (room < 1 + optional.minimum()) {
                    break; // a section that does not fit, and so none after it (they matter less)
                }
                out.add(AttributedString.EMPTY);
                List<AttributedString> shown = optional.lines(room - 1);
                out.addAll(shown);
                room -= 1 + shown.size();
                if (shown.size() < optional.size()) {
                    break;
                }
            }
        }
        List<AttributedString> bottom = files.lines(fileLines);
        while (out.size() + bottom.size() < height && !bottom.isEmpty()) {
            out.add(AttributedString.EMPTY); // the file status stays on the last lines
        }
        out.addAll(bottom);
        List<AttributedString> fitted = new ArrayList<>(out.size());
        for (AttributedString l : out.subList(0, Math.min(out.size(), height))) {
            fitted.add(Cells.fit(l, width));
        }
        return fitted;
    }

    private static int take(int wanted, int room) {
        return Math.max(0, Math.min(wanted, room));
    }

    /** Lines the required sections still want beyond their minimum (they come before more file lines). */
    private static int requiredGrowth(List<Section> required, int[] lines) {
        int n = 0;
        for (int i = 0; i < required.size(); i++) {
            n += required.get(i).size() - lines[i];
        }
        return n;
    }

    private AttributedString header(DashboardState s) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(styles.title(), "ngxtime tail");
        b.append("  ");
        String time = s.header().logTime();
        b.append(time.isEmpty() ? "no timed line yet" : TerminalText.safe(time));
        if (s.header().paused()) {
            b.append("  ");
            b.styled(styles.marked(), " PAUSED ");
        }
        if (!s.header().catchingUp().isEmpty()) {
            b.append("  ");
            b.styled(styles.warn(), TerminalText.safe(s.header().catchingUp()));
        }
        b.append("  ");
        b.append(s.selectedFile().map(f -> "[file " + TerminalText.safe(f) + "]")
                .orElse(s.files().size() == 1 ? "[" + TerminalText.safe(s.files().get(0).path()) + "]"
                        : "[all " + s.files().size() + " files]"));
        b.styled(styles.dim(), "  ? keys");
        return b.toAttributedString();
    }

    /** The last interval's rate, then the sparkline of the newest values that fit and the span they cover. */
    private AttributedString rateLine(DashboardState s, int width) {
        DashboardState.Rates r = s.rates();
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("  ");
        b.styled(styles.title(), rate(r.lastIntervalPerSecond()));
        b.styled(styles.dim(), " last " + Figures.span(r.intervalSeconds()));
        double[] series = r.sparklinePerSecond();
        int room = width - TerminalColumns.width(b) - 2 - 1 - 8; // two spaces, one before the span, the span ("15 min")
        int columns = Math.min(series.length, room);
        if (columns >= MIN_SPARKLINE) {
            b.append("  ");
            b.append(Sparkline.of(series, columns));
            b.styled(styles.dim(), " " + Figures.span(columns * r.sparklineStepSeconds()));
        }
        return b.toAttributedString();
    }

    /** A rate, or "- req/s" while its span was not covered (not known, so not 0). */
    private static String rate(java.util.OptionalDouble perSecond) {
        return perSecond.isPresent() ? Figures.perSecond(perSecond.getAsDouble()) : "- req/s";
    }

    private AttributedString windowLine(DashboardState s) {
        DashboardState.Rates r = s.rates();
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append("  window ");
        if (s.window().isEmpty()) {
            b.styled(styles.dim(), "waiting for the first interval");
        } else {
            Summary sum = s.window().get().summary();
            b.append(rate(r.windowPerSecond()) + " over " + Figures.span(r.windowCoveredSeconds()));
            b.append(" · " + Figures.count(sum.requests(), "request"));
            OptionalDouble share5xx = sum.statusShare(500, 599);
            b.append(" · ");
            b.styled(share5xx.orElse(0) > 0 ? styles.error() : styles.plain(), "5xx " + Figures.percent(share5xx));
        }
        b.append(" · total " + Figures.count(r.requestsTotal()));
        return b.toAttributedString();
    }

    private Section tiers(DashboardState s) {
        List<AttributedString> head = new ArrayList<>();
        head.add(new AttributedString("Tiers", styles.title()));
        if (s.window().isEmpty()) {
            return new Section(head, List.of(new AttributedString("  waiting for the first interval", styles.dim())),
                    "", styles.dim());
        }
        head.add(new AttributedString(String.format(java.util.Locale.US, "  %-14s %12s %7s %9s %9s", "tier", "requests",
                "share", "p50", "p99"), styles.dim()));
        List<AttributedString> rows = new ArrayList<>();
        for (TierReport t : s.window().get().timing().tiers()) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append("  ");
            b.styled(styles.tier(t.tier()), TerminalColumns.cell(t.tier().replace('_', ' '), 14));
            b.append(String.format(java.util.Locale.US, " %12s %7s %9s %9s", Figures.count(t.requests()),
                    Figures.percent(t.share()), Figures.duration(t.requestTime(), Percentiles::p50),
                    Figures.duration(t.requestTime(), Percentiles::p99)));
            rows.add(b.toAttributedString());
        }
        if (rows.isEmpty()) {
            rows.add(new AttributedString("  no request in the window", styles.dim()));
        }
        return new Section(head, rows, "tiers", styles.dim());
    }

    private Section alerts(DashboardState s) {
        if (s.alerts().isEmpty()) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.styled(styles.title(), "Alerts");
            b.styled(styles.dim(), "  none");
            return new Section(List.of(b.toAttributedString()), List.of(), "", styles.dim());
        }
        List<AttributedString> rows = new ArrayList<>();
        for (DashboardState.Alert a : s.alerts()) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append("  ");
            b.styled(styles.alert(a.severity()), (a.severity() == DashboardState.Severity.SURGE ? "SURGE  " : "ALERT  ")
                    + TerminalText.safe(a.text()));
            rows.add(b.toAttributedString());
        }
        return new Section(List.of(new AttributedString("Alerts (" + s.alerts().size() + ")", styles.title())), rows,
                "alerts", styles.alert(DashboardState.Severity.FIRING));
    }

    private Section files(DashboardState s, int width) {
        List<AttributedString> rows = new ArrayList<>();
        int pathColumns = Math.max(16, width / 3);
        for (DashboardState.FileStatus f : s.files()) {
            boolean selected = s.selectedFile().map(f.path()::equals).orElse(false);
            AttributedStringBuilder b = new AttributedStringBuilder();
            String path = TerminalColumns.clipStart(TerminalText.safe(f.path()), pathColumns);
            if (selected) {
                b.styled(styles.marked(), "▸ " + path);
            } else {
                b.append("  ").append(path);
            }
            if (f.waiting()) {
                b.styled(styles.warn(), "  waiting for " + path);
            } else {
                b.styled(styles.dim(), "  rotations " + Figures.count(f.rotations()) + " · truncations "
                        + Figures.count(f.truncations()) + " · last line "
                        + f.lastLineAge().map(DashboardLayout::age).orElse("none yet"));
            }
            if (!f.formatHint().isEmpty()) {
                b.append("  ");
                b.styled(styles.warn(), TerminalText.safe(f.formatHint()));
            }
            rows.add(b.toAttributedString());
        }
        return new Section(List.of(), rows, "files", styles.dim());
    }

    /** How long ago, in the largest whole unit. */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        return s < 86_400 ? s / 3600 + " h ago" : s / 86_400 + " d ago";
    }

    private Section help(DashboardState s) {
        List<AttributedString> rows = new ArrayList<>();
        String[][] keys = {
            {"q, Ctrl-C", "quit"},
            {"p", "pause or resume the display (the log is still read)"},
            {"s", "sort upstreams and routes: requests, p99, errors (now " + s.sort().label() + ")"},
            {"f, Tab", "next file: all files, then each one"},
            {"?", "hide this help"},
        };
        for (String[] k : keys) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append("  ");
            b.styled(styles.title(), TerminalColumns.cell(k[0], 11));
            b.append(k[1]);
            rows.add(b.toAttributedString());
        }
        return new Section(List.of(new AttributedString("Keys", styles.title())), rows, "keys", styles.dim());
    }

    /**
     * The sections shown when there is room, most important first; on a terminal wide enough for two
     * tables side by side, in pairs (upstreams and routes, status mix and slowest routes, rejected lines).
     */
    private List<Block> optional(DashboardState s, int width) {
        if (s.window().isEmpty()) {
            return List.of();
        }
        boolean twoColumns = width >= 2 * MIN_COLUMN_WIDTH + SideBySide.GAP.length();
        int columns = twoColumns ? (width - SideBySide.GAP.length()) / 2 : width;
        Report r = s.window().get();
        List<Block> sections = new ArrayList<>();
        if (!r.upstreams().isEmpty()) {
            sections.add(upstreams(r.upstreams(), s.sort(), columns));
        }
        if (!r.routes().routes().isEmpty()) {
            sections.add(routes(r.routes().routes(), s.sort(), columns));
        }
        sections.add(statusMix(r.summary()));
        Section slowest = slowest(r.routes().routes(), columns);
        if (slowest != null) {
            sections.add(slowest);
        }
        sections.add(rejects(r, columns));
        if (!twoColumns) {
            return sections;
        }
        List<Block> pairs = new ArrayList<>();
        for (int i = 0; i < sections.size(); i += 2) {
            pairs.add(i + 1 < sections.size() ? new SideBySide(sections.get(i), sections.get(i + 1), columns) : sections.get(i));
        }
        return pairs;
    }

    /** The name column's width: what the other columns leave, within bounds. */
    private static int nameColumns(int width, int otherColumns, int max) {
        return Math.max(12, Math.min(max, width - 2 - otherColumns));
    }

    private Section upstreams(List<UpstreamReport> ups, TableSort sort, int width) {
        Comparator<UpstreamReport> order = switch (sort) {
            case REQUESTS -> Comparator.comparingLong(UpstreamReport::attempts).reversed();
            case P99 -> descending(u -> p99(u.response()));
            case ERRORS -> descending(u -> u.failed().isPresent() && u.attempts() > 0
                    ? OptionalDouble.of((double) u.failed().getAsLong() / u.attempts()) : OptionalDouble.empty());
        };
        List<UpstreamReport> sorted = new ArrayList<>(ups);
        sorted.sort(order.thenComparing(UpstreamReport::address));
        int name = nameColumns(width, 10 + 8 + 9 + 9 + 4, 60);
        String format = "  %s %10s %8s %9s %9s";
        List<AttributedString> head = List.of(title("Upstreams", "by " + (sort == TableSort.REQUESTS ? "attempts" : sort.label()), true),
                new AttributedString(String.format(java.util.Locale.US, format, TerminalColumns.cell("address", name), "attempts",
                        "failed", "p50", "p99"), styles.dim()));
        List<AttributedString> rows = new ArrayList<>();
        for (UpstreamReport u : sorted.subList(0, Math.min(MAX_TABLE_ROWS, sorted.size()))) {
            String address = switch (u.kind()) {
                case ADDRESS -> TerminalText.safe(u.address());
                case GROUP -> "group " + TerminalText.safe(u.address());
                case NOT_LOGGED -> UpstreamReport.NOT_LOGGED_KEY;
            };
            boolean failing = u.failed().orElse(0) > 0;
            String failed = u.failed().isPresent() ? Figures.percent(u.failed().getAsLong(), u.attempts()) : Figures.NOT_AVAILABLE;
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(String.format(java.util.Locale.US, "  %s %10s ", TerminalColumns.cell(address, name), Figures.count(u.attempts())));
            b.styled(failing ? styles.error() : styles.plain(), String.format(java.util.Locale.US, "%8s", failed));
            b.append(String.format(java.util.Locale.US, " %9s %9s", Figures.duration(u.response(), Percentiles::p50),
                    Figures.duration(u.response(), Percentiles::p99)));
            rows.add(b.toAttributedString());
        }
        return new Section(head, rows, "upstreams", styles.dim()).withHidden(ups.size() - rows.size());
    }

    private Section routes(List<RouteReport> routes, TableSort sort, int width) {
        Comparator<RouteReport> order = switch (sort) {
            case REQUESTS -> Comparator.comparingLong(RouteReport::requests).reversed();
            case P99 -> descending(rt -> asDouble(rt.p99Micros()));
            case ERRORS -> descending(RouteReport::errorRate);
        };
        List<RouteReport> sorted = new ArrayList<>(routes);
        sorted.sort(order.thenComparing(RouteReport::route));
        int name = nameColumns(width, 12 + 9 + 9 + 7 + 4, 80);
        List<AttributedString> head = List.of(title("Routes", "by " + sort.label(), true),
                new AttributedString(String.format(java.util.Locale.US, "  %s %12s %9s %9s %7s", TerminalColumns.cell("route", name),
                        "requests", "p50", "p99", "5xx"), styles.dim()));
        List<AttributedString> rows = new ArrayList<>();
        for (RouteReport rt : sorted.subList(0, Math.min(MAX_TABLE_ROWS, sorted.size()))) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(String.format(java.util.Locale.US, "  %s %12s %9s %9s ", TerminalColumns.cell(TerminalText.safe(rt.route()), name),
                    Figures.count(rt.requests()), Figures.duration(rt.p50Micros()), Figures.duration(rt.p99Micros())));
            b.styled(rt.errors5xx() > 0 ? styles.error() : styles.plain(),
                    String.format(java.util.Locale.US, "%7s", Figures.percent(rt.errorRate())));
            rows.add(b.toAttributedString());
        }
        return new Section(head, rows, "routes", styles.dim()).withHidden(routes.size() - rows.size());
    }

    private Section statusMix(Summary s) {
        AttributedStringBuilder t = new AttributedStringBuilder();
        t.styled(styles.title(), "Status");
        if (!s.statusLogged()) {
            t.styled(styles.dim(), "  n/a: the log format has no $status");
            return new Section(List.of(t.toAttributedString()), List.of(), "", styles.dim());
        }
        for (int c = 1; c <= 5; c++) {
            OptionalDouble share = s.statusShare(c * 100, c * 100 + 99);
            if (c == 1 && share.orElse(0) == 0) {
                continue; // 1xx is rare in access logs: said only when there is some
            }
            t.append("  ");
            t.styled(c == 5 && share.orElse(0) > 0 ? styles.error() : styles.plain(), c + "xx " + Figures.percent(share));
        }
        long logged = s.requests() - s.withoutStatus();
        List<Map.Entry<Integer, Long>> codes = new ArrayList<>(s.status().entrySet());
        codes.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<AttributedString> rows = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : codes.subList(0, Math.min(MAX_STATUS_ROWS, codes.size()))) {
            boolean error = e.getKey() >= 500 && e.getKey() <= 599;
            rows.add(new AttributedString(String.format(java.util.Locale.US, "  %-6s %12s %8s",
                    e.getKey() < 0 ? "other" : e.getKey(), Figures.count(e.getValue()), Figures.percent(e.getValue(), logged)),
                    error ? styles.error() : styles.plain()));
        }
        return new Section(List.of(t.toAttributedString()), rows, "statuses", styles.dim()).withHidden(codes.size() - rows.size());
    }

    /** The routes with the highest p99 (the report keeps no single request: its slowest are its routes'). */
    private Section slowest(List<RouteReport> routes, int width) {
        List<RouteReport> timed = new ArrayList<>();
        for (RouteReport rt : routes) {
            if (rt.p99Micros().isPresent()) {
                timed.add(rt);
            }
        }
        if (timed.isEmpty()) {
            return null;
        }
        timed.sort(Comparator.comparingLong((RouteReport rt) -> rt.p99Micros().getAsLong()).reversed()
                .thenComparing(RouteReport::route));
        int name = nameColumns(width, 9 + 9 + 12 + 3, 80);
        List<AttributedString> head = List.of(title("Slowest routes", "by p99", false),
                new AttributedString(String.format(java.util.Locale.US, "  %s %9s %9s %12s", TerminalColumns.cell("route", name),
                        "p99", "p50", "requests"), styles.dim()));
        List<AttributedString> rows = new ArrayList<>();
        for (RouteReport rt : timed.subList(0, Math.min(MAX_SLOWEST_ROWS, timed.size()))) {
            rows.add(new AttributedString(String.format(java.util.Locale.US, "  %s %9s %9s %12s",
                    TerminalColumns.cell(TerminalText.safe(rt.route()), name), Figures.duration(rt.p99Micros()),
                    Figures.duration(rt.p50Micros()), Figures.count(rt.requests()))));
        }
        return new Section(head, rows, "routes", styles.dim());
    }

    private Section rejects(Report r, int width) {
        AttributedStringBuilder t = new AttributedStringBuilder();
        t.styled(styles.title(), "Rejected lines");
        long total = r.rejects().total();
        if (total == 0) {
            t.styled(styles.dim(), "  none");
            return new Section(List.of(t.toAttributedString()), List.of(), "", styles.dim());
        }
        t.append("  " + Figures.count(total) + (r.lines() > 0 ? " (" + Figures.percent(total, r.lines()) + " of lines)" : ""));
        List<AttributedString> rows = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> e : r.rejects().byReason().entrySet()) {
            if (++n > MAX_REASONS) {
                break;
            }
            rows.add(new AttributedString(String.format(java.util.Locale.US, "  %10s  %s", Figures.count(e.getValue()),
                    TerminalText.safe(e.getKey()))));
        }
        if (!r.rejects().samples().isEmpty()) {
            LineSample first = r.rejects().samples().get(0);
            rows.add(new AttributedString("  first: " + TerminalText.safe(first.source()) + ":" + first.line() + ": "
                    + TerminalText.safe(first.message()), styles.dim()));
            rows.add(new AttributedString("    " + TerminalColumns.clip(TerminalText.safe(first.text()), Math.max(1, width - 4))));
        }
        return new Section(List.of(t.toAttributedString()), rows, "", styles.dim());
    }

    private AttributedString title(String name, String sortedBy, boolean sortable) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(styles.title(), name);
        b.styled(styles.dim(), "  " + sortedBy + (sortable ? " (s: sort)" : ""));
        return b.toAttributedString();
    }

    private static OptionalDouble p99(Latency l) {
        return l.measured().map(p -> OptionalDouble.of(p.p99())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble asDouble(OptionalLong v) {
        return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
    }

    /** Highest value first, rows without a value last. */
    private static <T> Comparator<T> descending(java.util.function.Function<T, OptionalDouble> value) {
        return (a, b) -> {
            OptionalDouble x = value.apply(a);
            OptionalDouble y = value.apply(b);
            if (x.isPresent() != y.isPresent()) {
                return x.isPresent() ? -1 : 1;
            }
            return x.isPresent() ? Double.compare(y.getAsDouble(), x.getAsDouble()) : 0;
        };
    }
}
