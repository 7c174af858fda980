package io.ngxtime.charts.html;

import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.story.StoryItem;
import io.ngxtime.analyzer.report.story.StoryTeller;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.StoryText;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The page's "What happened" section: the incident story ({@link StoryText}) per peak, each with the table
 * its load sentences read (requests by tier and attempts by backend, before and during the surge), then for
 * the comparison. Sentences and addresses are escaped: they carry log text.
 */
final class StoryHtmlRenderer {
    private StoryHtmlRenderer() {
    }

    static void write(Report r, StringBuilder h) {
        List<StoryItem> items = StoryTeller.tell(r);
        h.append("<h2 id=\"story\">What happened</h2>\n");
        if (items.isEmpty()) {
            h.append("<p class=\"missing\">No peak and no comparison with a baseline: nothing to tell.</p>\n");
            return;
        }
        for (StoryText.Paragraph p : StoryText.paragraphs(items)) {
            h.append("<h3>").append(Html.text(p.heading())).append("</h3>\n<p>");
            h.append(Html.text(String.join(" ", p.sentences()))).append("</p>\n");
            if (!p.about().equals(StoryItem.COMPARISON)) {
                PeakReport peak = r.peaks().get(Integer.parseInt(p.about().substring(p.about().lastIndexOf('/') + 1)));
                peak.measures().ifPresent(m -> load(m.load(), h));
            }
        }
    }

    private static void load(PeakLoad load, StringBuilder h) {
        if (load.tiers().isEmpty()) {
            return;
        }
        h.append("<table>\n<tr><th>tier or backend</th><th class=\"n\">before</th><th class=\"n\">during</th>"
                + "<th class=\"n\">share before → during</th><th class=\"n\">excess</th>"
                + "<th class=\"n\">p99 before → during</th><th class=\"n\">5xx or failed before → during</th></tr>\n");
        for (PeakLoad.TierShift t : load.tiers()) {
            row(h, t.tier(), t.requestsBefore(), t.requestsDuring(),
                    Figures.percent(t.shareBefore()) + " → " + Figures.percent(t.shareDuring()), t.excessRequests(),
                    Figures.duration(t.p99BeforeMicros()) + " → " + Figures.duration(t.p99DuringMicros()),
                    Figures.percent(t.errorRateBefore()) + " → " + Figures.percent(t.errorRateDuring()));
        }
        for (PeakLoad.BackendShift u : load.upstreams()) {
            row(h, u.address() + " (attempts)", u.attemptsBefore(), u.attemptsDuring(), "", u.excessAttempts(),
                    Figures.duration(u.responseP99BeforeMicros()) + " → " + Figures.duration(u.responseP99DuringMicros()),
                    Figures.percent(u.failedRateBefore()) + " → " + Figures.percent(u.failedRateDuring()));
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String subject, long before, long during, String shares, OptionalDouble excess,
                            String p99, String errors) {
        h.append("<tr><td class=\"t\">").append(Html.text(subject)).append("</td>")
                .append(n(Figures.count(before))).append(n(Figures.count(during))).append(n(shares))
                .append(n(excess.isPresent() ? Figures.signedCount(Math.round(excess.getAsDouble())) : Figures.NOT_AVAILABLE))
                .append(n(p99)).append(n(errors)).append("</tr>\n");
    }

    private static String n(String text) {
        return "<td class=\"n\">" + Html.text(text) + "</td>";
    }
}
