package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.charts.Palette;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jline.utils.AttributedCharSequence.ForceMode;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Colors;
import org.junit.jupiter.api.Test;

class DashboardLayoutTest {
    private static final DashboardLayout COLOUR = new DashboardLayout(Colouring.COLOUR);
    private static final DashboardLayout MONOCHROME = new DashboardLayout(Colouring.MONOCHROME);
    private static final Pattern SPARKLINE = Pattern.compile("[▁▂▃▄▅▆▇█ ]{8,}");
    /** Select Graphic Rendition: the only escape sequence a screen line may hold (its colours and bold). */
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    private static String text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).collect(Collectors.joining("\n"));
    }

    private static String line(List<AttributedString> lines, String containing) {
        return lines.stream().map(AttributedString::toString).filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in\n" + text(lines)));
    }

    private static void assertFits(List<AttributedString> lines, int width, int height) {
        assertThat(lines).hasSizeLessThanOrEqualTo(height);
        for (AttributedString l : lines) {
            assertThat(TerminalColumns.width(l)).as("display width of '%s'", l).isLessThanOrEqualTo(width);
            assertThat(l.columnLength()).as("JLine's width of '%s'", l).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void at80x24_keepsHeaderRateLineWithSparklineTiersAlertsAndFileStatus() {
        List<AttributedString> lines = COLOUR.lines(SampleStates.ordinary(), 80, 24);
        assertFits(lines, 80, 24);
        assertThat(lines.get(0).toString()).startsWith("ngxtime tail").contains("2026-10-09T15:58:19-07:00", "[all 2 files]");
        String rate = lines.get(1).toString();
        assertThat(rate).contains("2,432 req/s", "last 2 s");
        assertThat(SPARKLINE.matcher(rate).find()).as("a sparkline in '%s'", rate).isTrue();
        assertThat(line(lines, "window")).contains("2,017 req/s over 1 min", "112,350 requests", "5xx 3.4%", "total 1,234,567");
        assertThat(line(lines, "upstream ")).contains("70,000", "12.0 ms", "340 ms");
        assertThat(line(lines, "cache ")).contains("30,000", "0.40 ms", "2.00 ms");
        assertThat(line(lines, "nginx ")).contains("12,350", "0.10 ms", "1.00 ms");
        assertThat(text(lines)).contains("Alerts (3)", "ALERT  5xx>2%: 3.4% over the last 60 s",
                "SURGE  ×2.50 the recent median");
        assertThat(lines.get(lines.size() - 1).toString()).contains("waiting for /var/log/nginx/api.log");
        assertThat(lines.get(lines.size() - 2).toString()).contains("/var/log/nginx/access.log", "rotations 1",
                "truncations 0", "last line 2 s ago");
    }

    @Test
    void at80x24_aSectionCutWithMore_leavesOutTheSectionsAfterIt() {
        String text = text(COLOUR.lines(SampleStates.ordinary(), 80, 24));
        assertThat(text).contains("Upstreams", "… 8 more upstreams");
        assertThat(text).doesNotContain("Routes", "Slowest routes", "Rejected lines");
    }

    @Test
    void at200x60_addsUpstreamsRoutesStatusMixSlowestAndRejects() {
        List<AttributedString> lines = COLOUR.lines(SampleStates.ordinary(), 200, 60);
        assertFits(lines, 200, 60);
        String text = text(lines);
        assertThat(text).contains("ngxtime tail", "2,432 req/s", "Tiers", "Alerts (3)", "waiting for /var/log/nginx/api.log");
        assertThat(line(lines, "10.0.1.3:8080  ")).contains("9,000", "4.4%", "812 ms");
        assertThat(text).contains("Upstreams  by attempts", "10.0.2.9:8080", "… 2 more upstreams");
        assertThat(text).contains("Routes  by requests", "/api/orders/{id}", "/api/v9/items/{id}", "… 2 more routes");
        assertThat(text).contains("Status  2xx 89.7%  3xx 4.8%  4xx 2.1%  5xx 3.4%");
        assertThat(line(lines, "  503 ")).contains("2,500", "2.2%");
        assertThat(text).contains("Slowest routes  by p99");
        assertThat(text).contains("Rejected lines  17", "no closing quote", "first: /var/log/nginx/access.log:1234");
    }

    @Test
    void everySize_keepsWithinTheScreen() {
        for (int width = 1; width <= 220; width += 7) {
            for (int height = 1; height <= 64; height += 3) {
                for (DashboardState s : List.of(SampleStates.ordinary(), hostile(), help())) {
                    assertFits(COLOUR.lines(s, width, height), width, height);
                }
            }
        }
    }

    @Test
    void aSmallScreen_keepsTheHeaderRateAndStatusFirst() {
        List<AttributedString> lines = COLOUR.lines(SampleStates.ordinary(), 80, 3);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).toString()).startsWith("ngxtime tail");
        assertThat(lines.get(1).toString()).contains("2,432 req/s");
        assertThat(lines.get(2).toString()).contains("/var/log/nginx/access.log");
    }

    private static DashboardState hostile() {
        String esc = "\u001b[2J\u001b[31mred\u001b]52;c;SGVsbG8=\u0007\u009b31m\u202egnp.exe\u0085\u009d0;title\u009c";
        String longName = "10.0.1.3:8080" + esc + "服务器🙂".repeat(200) + esc;
        return SampleStates.state(new SampleStates.LogText(longName, "/api/" + esc + "/x" + "路由".repeat(100),
                "reason " + esc, "sample " + esc + "\t\r\n", "/var/log/" + esc + "/access.log", "upstream:" + esc + " p99>500ms"),
                Optional.of("/var/log/" + esc + "/access.log"), TableSort.REQUESTS, false);
    }

    @Test
    void hostileLogText_reachesTheScreenOnlyEscaped() {
        for (int[] size : new int[][] {{80, 24}, {200, 60}, {400, 80}}) {
            for (DashboardLayout layout : List.of(COLOUR, MONOCHROME)) {
                List<AttributedString> lines = layout.lines(hostile(), size[0], size[1]);
                assertFits(lines, size[0], size[1]);
                for (AttributedString l : lines) {
                    String s = l.toString();
                    s.chars().forEach(c -> assertThat(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                            || Character.getType(c) == Character.FORMAT).as("char %04x in '%s'", c, s).isFalse());
                    String ansi = l.toAnsi(256, ForceMode.None);
                    assertThat(SGR.matcher(ansi).replaceAll("")).as("escape sequences other than colours in '%s'", ansi)
                            .doesNotContain("\u001b");
                }
                String text = text(lines);
                assertThat(text).contains("\\x1B[2J", "\\x1B]52;c;SGVsbG8=\\x07", "\\x9B31m", "\\u202E");
            }
        }
    }

    @Test
    void cjkAndEmoji_areMeasuredInDisplayColumns() {
        DashboardState wide = SampleStates.state(new SampleStates.LogText("10.0.1.3:8080" + "服务器🙂".repeat(200),
                "/api/" + "路由".repeat(100), "reason", "sample", "/var/log/服务器/access.log", "alert"),
                Optional.empty(), TableSort.REQUESTS, false);
        List<AttributedString> lines = COLOUR.lines(wide, 200, 60);
        assertFits(lines, 200, 60);
        String upstream = line(lines, "10.0.1.3:8080服务器");
        assertThat(upstream).contains("…", "9,000", "812 ms");
        // the table's columns line up after a name of double-width characters
        String other = line(lines, "10.0.2.1:8080");
        assertThat(TerminalColumns.width(upstream.substring(0, upstream.indexOf("9,000") + 5)))
                .isEqualTo(TerminalColumns.width(other.substring(0, other.indexOf("5,700") + 5)));
    }

    @Test
    void colour_tiersInTheChartsColours_5xxAndAlertsRedAndBold() {
        List<AttributedString> lines = COLOUR.lines(SampleStates.ordinary(), 200, 60);
        for (String tier : List.of("upstream", "cache", "nginx")) {
            AttributedString row = lines.stream().filter(l -> l.toString().startsWith("  " + tier + " ")).findFirst().orElseThrow();
            Color c = Palette.tier(tier);
            assertThat(row.styleAt(2)).isEqualTo(AttributedStyle.DEFAULT.foregroundRgb(c.getRGB() & 0xFFFFFF));
            int nearest = Colors.roundRgbColor(c.getRed(), c.getGreen(), c.getBlue(), 256);
            assertThat(row.toAnsi(256, ForceMode.None)).as("on a 256-colour terminal").contains("\u001b[38;5;" + nearest + "m");
        }
        AttributedString alert = lines.stream().filter(l -> l.toString().contains("ALERT  5xx>2%")).findFirst().orElseThrow();
        assertThat(alert.styleAt(2)).isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.RED));
        AttributedString window = lines.stream().filter(l -> l.toString().contains("window")).findFirst().orElseThrow();
        assertThat(window.styleAt(window.toString().indexOf("5xx 3.4%"))).isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.RED));
        AttributedString status503 = lines.stream().filter(l -> l.toString().startsWith("  503 ")).findFirst().orElseThrow();
        assertThat(status503.styleAt(2)).isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    @Test
    void monochrome_hasNoColour_butAlertsAnd5xxStillStandOut() {
        List<AttributedString> lines = MONOCHROME.lines(SampleStates.ordinary(), 200, 60);
        for (AttributedString l : lines) {
            String ansi = l.toAnsi(256, ForceMode.None);
            assertThat(ansi).as("no colour in '%s'", ansi).doesNotContainPattern("\u001b\\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7])[;m]");
        }
        AttributedString alert = lines.stream().filter(l -> l.toString().contains("ALERT  5xx>2%")).findFirst().orElseThrow();
        assertThat(alert.toAnsi(256, ForceMode.None)).contains("1m");
        AttributedString status503 = lines.stream().filter(l -> l.toString().startsWith("  503 ")).findFirst().orElseThrow();
        assertThat(status503.styleAt(2)).isEqualTo(AttributedStyle.BOLD);
    }

    @Test
    void colouring_followsNoColorAndTheTerminal() throws Exception {
        try (var xterm = new org.jline.terminal.impl.ExternalTerminal("t", "xterm-256color", java.io.InputStream.nullInputStream(),
                java.io.OutputStream.nullOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
             var dumb = new org.jline.terminal.impl.ExternalTerminal("t", "dumb", java.io.InputStream.nullInputStream(),
                     java.io.OutputStream.nullOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            assertThat(Colouring.of(xterm, k -> null)).isEqualTo(Colouring.COLOUR);
            assertThat(Colouring.of(xterm, k -> k.equals("NO_COLOR") ? "" : null)).as("NO_COLOR empty: ignored").isEqualTo(Colouring.COLOUR);
            assertThat(Colouring.of(xterm, k -> k.equals("NO_COLOR") ? "1" : null)).isEqualTo(Colouring.MONOCHROME);
            assertThat(Colouring.of(dumb, k -> null)).isEqualTo(Colouring.MONOCHROME);
        }
    }

    private static DashboardState help() {
        return SampleStates.state(SampleStates.LogText.ordinary(), Optional.empty(), TableSort.P99, true);
    }

    @Test
    void help_listsTheKeys_overTheBody() {
        List<AttributedString> lines = COLOUR.lines(help(), 80, 24);
        String text = text(lines);
        assertThat(text).contains("Keys", "q, Ctrl-C", "quit", "p ", "pause", "s ", "(now p99)", "f, Tab", "next file", "?");
        assertThat(text).doesNotContain("Tiers", "Upstreams");
        assertThat(text).contains("ngxtime tail", "waiting for /var/log/nginx/api.log");
    }

    @Test
    void beforeTheFirstInterval_theScreenSaysItWaits() {
        DashboardState s = SampleStates.ordinary();
        DashboardState first = new DashboardState(s.header(), s.rates(), Optional.empty(), List.of(), s.files(),
                Optional.empty(), TableSort.REQUESTS, false);
        String text = text(COLOUR.lines(first, 80, 24));
        assertThat(text).contains("ngxtime tail", "window waiting for the first interval", "Alerts  none");
        assertThat(text).doesNotContain("Upstreams");
    }

    @Test
    void theSort_ordersTheUpstreamAndRouteTables() {
        assertThat(TableSort.REQUESTS.next()).isEqualTo(TableSort.P99);
        assertThat(TableSort.P99.next()).isEqualTo(TableSort.ERRORS);
        assertThat(TableSort.ERRORS.next()).isEqualTo(TableSort.REQUESTS);
        DashboardState byP99 = SampleStates.state(SampleStates.LogText.ordinary(), Optional.empty(), TableSort.P99, false);
        List<String> p99Rows = rowsAfter(COLOUR.lines(byP99, 200, 60), "Upstreams");
        assertThat(p99Rows.get(0)).contains("10.0.1.3:8080", "812 ms");
        assertThat(p99Rows.get(1)).contains("10.0.2.11:8080", "320 ms");
        DashboardState byErrors = SampleStates.state(SampleStates.LogText.ordinary(), Optional.empty(), TableSort.ERRORS, false);
        List<String> errorRows = rowsAfter(COLOUR.lines(byErrors, 200, 60), "Routes");
        assertThat(errorRows.get(0)).contains("/api/orders/{id}", "2.1%");
        assertThat(errorRows.get(1)).contains("/api/v11/items/{id}", "1.1%");
    }

    /** The table rows after the title starting with {@code title} (its column headers skipped), in its column. */
    private static List<String> rowsAfter(List<AttributedString> lines, String title) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).toString();
            int at = l.indexOf(title + "  by ");
            if (at >= 0) {
                int column = at;
                return lines.subList(i + 2, lines.size()).stream().map(AttributedString::toString)
                        .map(s -> s.length() > column ? s.substring(column) : "").toList();
            }
        }
        throw new AssertionError("no table " + title);
    }

    @Test
    void theSelectedFile_isNamedInTheHeaderAndMarked() {
        DashboardState one = SampleStates.state(SampleStates.LogText.ordinary(), Optional.of("/var/log/nginx/access.log"),
                TableSort.REQUESTS, false);
        List<AttributedString> lines = COLOUR.lines(one, 80, 24);
        assertThat(lines.get(0).toString()).contains("[file /var/log/nginx/access.log]");
        assertThat(line(lines, "rotations 1")).startsWith("▸ /var/log/nginx/access.log");
        assertThat(line(lines, "waiting for")).startsWith("  /var/log/nginx/api.log");
    }

    @Test
    void aPausedView_isMarked_andABacklogIsSaid() {
        DashboardState s = SampleStates.ordinary();
        DashboardState paused = new DashboardState(new DashboardState.Header(s.header().logTime(), "catching up: 3 min behind", true),
                s.rates(), s.window(), s.alerts(), s.files(), s.selectedFile(), s.sort(), false);
        assertThat(COLOUR.lines(paused, 120, 24).get(0).toString()).contains(" PAUSED ", "catching up: 3 min behind");
    }

    @Test
    void sparkline_scalesToTheLargestValue_andShowsNoRequestAsAGap() {
        assertThat(Sparkline.of(new double[] {0, 1, 2, 4, 8}, 10)).isEqualTo(" ▁▂▄█");
        assertThat(Sparkline.of(new double[] {5, 0, 8, 8}, 3)).as("the newest values that fit").isEqualTo(" ██");
        assertThat(Sparkline.of(new double[] {0, 0}, 2)).isEqualTo("  ");
    }

    @Test
    void aScreenOfNoSize_isRefused() {
        assertThatThrownBy(() -> COLOUR.lines(SampleStates.ordinary(), 0, 24)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x24");
    }
}
