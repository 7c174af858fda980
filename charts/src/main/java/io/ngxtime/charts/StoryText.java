package io.ngxtime.charts;

import io.ngxtime.analyzer.report.story.StoryItem;
import io.ngxtime.analyzer.report.story.StoryItem.Kind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The words for an incident story ({@code StoryTeller}'s items): one paragraph per peak and one for the
 * comparison, a sentence per item (the backends of one subject in one sentence), every figure written with
 * {@link Figures} from the item's facts and nothing else, so a sentence shows only what the tables show. A
 * fact an item lacks is left out of its sentence, never written as 0. Used by the terminal and the HTML
 * report. Labels come from log lines (a referrer, a route): callers escape them for their medium.
 */
public final class StoryText {
    private StoryText() {
    }

    /**
     * One subject's sentences.
     *
     * @param about   the items' subject ({@code /peaks/<i>} or {@code /comparison})
     * @param heading {@code Peak 2} or {@code Against the baseline}
     */
    public record Paragraph(String about, String heading, List<String> sentences) {
        public Paragraph {
            sentences = List.copyOf(sentences);
        }
    }

    /** The story as paragraphs, in the items' order. */
    public static List<Paragraph> paragraphs(List<StoryItem> items) {
        Map<String, List<StoryItem>> bySubject = new LinkedHashMap<>();
        for (StoryItem it : items) {
            bySubject.computeIfAbsent(it.about(), k -> new ArrayList<>()).add(it);
        }
        List<Paragraph> out = new ArrayList<>();
        bySubject.forEach((about, its) -> out.add(new Paragraph(about, heading(about), sentences(its))));
        return out;
    }

    private static String heading(String about) {
        if (about.equals(StoryItem.COMPARISON)) {
            return "Against the baseline";
        }
        return "Peak " + (Integer.parseInt(about.substring(about.lastIndexOf('/') + 1)) + 1);
    }

    private static List<String> sentences(List<StoryItem> items) {
        List<String> out = new ArrayList<>();
        List<StoryItem> backends = new ArrayList<>();
        for (StoryItem it : items) {
            if (it.kind() == Kind.BACKEND_LOAD) {
                backends.add(it);
                continue;
            }
            if (!backends.isEmpty()) {
                out.add(backends(backends));
                backends.clear();
            }
            out.add(sentence(it));
        }
        if (!backends.isEmpty()) {
            out.add(backends(backends));
        }
        return out;
    }

    /** The sentence for one item (a {@link Kind#BACKEND_LOAD} alone). */
    public static String sentence(StoryItem it) {
        boolean window = it.aboutComparison();
        return switch (it.kind()) {
            case SURGE -> window ? windowSurge(it) : peakSurge(it);
            case DRIVER -> window ? "Most of the change came from route " + label(it, "value") + ": " + rates(it) + "."
                    : driver(it);
            case TIER_LOAD -> tierLoad(it);
            case BACKEND_LOAD -> backends(List.of(it));
            case LATENCY -> latency(it);
            case CACHE_ABSORBED, CACHE_NOT_ABSORBED -> cache(it);
        };
    }

    private static String peakSurge(StoryItem it) {
        OffsetDateTime start = it.moment("start").orElseThrow();
        OffsetDateTime end = it.moment("end").orElseThrow();
        return "A surge from " + Figures.instant(start) + " to "
                + Figures.clock(end.toEpochSecond(), end.getOffset().getTotalSeconds()) + ": "
                + Figures.count(count(it, "surge_requests"), "request") + " where the baseline rate gives "
                + Figures.count(count(it, "expected_requests")) + ".";
    }

    private static String windowSurge(StoryItem it) {
        String when = it.moment("first").map(f -> "The window (first request " + Figures.instant(f) + ", last "
                + Figures.instant(it.moment("last").orElseThrow()) + ")").orElse("The window");
        return when + " had " + Figures.count(count(it, "requests_during"), "request") + " against "
                + Figures.count(count(it, "requests_before")) + " in the baseline ("
                + Figures.perSecond(figure(it, "after_per_second")) + " against "
                + Figures.perSecond(figure(it, "before_per_second")) + "): " + excess(it) + ".";
    }

    private static String driver(StoryItem it) {
        StringBuilder s = new StringBuilder("Driven by ").append(label(it, "dimension").replace('_', ' ')).append(' ')
                .append(label(it, "value"));
        it.figure("share_during").ifPresent(d -> {
            s.append(": ").append(Figures.percent(d)).append(" of the surge's requests");
            it.figure("share_before").ifPresent(b -> s.append(" against ").append(Figures.percent(b)).append(" before"));
        });
        return s.append(" (").append(Figures.signedCount(count(it, "excess_requests"))).append(" excess requests).")
                .toString();
    }

    private static String tierLoad(StoryItem it) {
        StringBuilder s = new StringBuilder("The ").append(label(it, "tier")).append(" tier took most of the excess: ");
        if (it.aboutComparison()) {
            s.append(rates(it));
        } else {
            s.append(Figures.signedCount(count(it, "excess_requests"))).append(" requests over what its share of the baseline gives, ")
                    .append(Figures.percent(figure(it, "share_during"))).append(" of the surge");
            it.figure("share_before").ifPresent(b -> s.append(" against ").append(Figures.percent(b)).append(" before"));
        }
        List<String> parts = new ArrayList<>();
        fromTo(it, "p99_ms", "p99 ", true).ifPresent(parts::add);
        fromTo(it, "error_rate", "5xx ", false).ifPresent(parts::add);
        if (!parts.isEmpty()) {
            s.append("; its ").append(String.join(", ", parts));
        }
        return s.append('.').toString();
    }

    private static String backends(List<StoryItem> items) {
        List<String> each = new ArrayList<>();
        for (StoryItem it : items) {
            StringBuilder s = new StringBuilder(label(it, "address")).append(" (")
                    .append(Figures.signedCount(count(it, "excess_attempts"))).append(" attempts");
            fromTo(it, "response_p99_ms", "response p99 ", true).ifPresent(p -> s.append(", ").append(p));
            fromTo(it, "failed_rate", "failed ", false).ifPresent(p -> s.append(", ").append(p));
            each.add(s.append(')').toString());
        }
        return (items.size() == 1 ? "The backend that took more: " : "The backends that took more: ")
                + String.join("; ", each) + ".";
    }

    private static String latency(StoryItem it) {
        List<String> parts = new ArrayList<>();
        fromTo(it, "p99_ms", "request p99 ", true).ifPresent(parts::add);
        fromTo(it, "error_rate", "5xx rate ", false).ifPresent(parts::add);
        if (parts.isEmpty()) {
            // only one side known (no baseline): say what the window had
            it.figure("p99_ms_during").ifPresent(d -> parts.add("request p99 " + Figures.durationMs(d)));
            it.figure("error_rate_during").ifPresent(d -> parts.add("5xx rate " + Figures.percent(d)));
        }
        String s = String.join(", ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    private static String cache(StoryItem it) {
        boolean absorbed = it.kind() == Kind.CACHE_ABSORBED;
        String verdict = absorbed ? "The cache absorbed it: " : "The cache did not absorb it: ";
        if (it.aboutComparison()) {
            return verdict + "it answered " + Figures.count(count(it, "cache_during")) + " of "
                    + Figures.count(count(it, "all_during"), "request") + " against " + Figures.count(count(it, "cache_before"))
                    + " of " + Figures.count(count(it, "all_before")) + " in the baseline, upstream "
                    + Figures.count(count(it, "upstream_during")) + " against " + Figures.count(count(it, "upstream_before"))
                    + ".";
        }
        return verdict + "its share of the requests went from " + Figures.percent(figure(it, "cache_share_before")) + " to "
                + Figures.percent(figure(it, "cache_share_during")) + ", upstream's from "
                + Figures.percent(figure(it, "upstream_share_before")) + " to "
                + Figures.percent(figure(it, "upstream_share_during")) + ".";
    }

    /** {@code 0.10 req/s -> 0.50 req/s (+1,400 requests)} of a count change. */
    private static String rates(StoryItem it) {
        return Figures.perSecond(figure(it, "before_per_second")) + " -> " + Figures.perSecond(figure(it, "after_per_second"))
                + " (" + Figures.signedCount(count(it, "excess_requests")) + " requests)";
    }

    private static String excess(StoryItem it) {
        long n = count(it, "excess_requests");
        return n >= 0 ? Figures.count(n, "request") + " more than the baseline's rate gives"
                : Figures.count(-n, "request") + " fewer than the baseline's rate gives";
    }

    /** {@code <what>606 ms -> 5.11 s} from {@code <name>_before} and {@code <name>_during}, when both are stated. */
    private static java.util.Optional<String> fromTo(StoryItem it, String name, String what, boolean millis) {
        OptionalDouble before = it.figure(name + "_before");
        OptionalDouble during = it.figure(name + "_during");
        if (before.isEmpty() || during.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(what + format(before.getAsDouble(), millis) + " -> "
                + format(during.getAsDouble(), millis));
    }

    private static String format(double v, boolean millis) {
        return millis ? Figures.durationMs(v) : Figures.percent(v);
    }

    private static String label(StoryItem it, String name) {
        return it.label(name).orElseThrow(() -> new IllegalArgumentException("no label '" + name + "' in " + it));
    }

    private static double figure(StoryItem it, String name) {
        OptionalDouble v = it.figure(name);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no figure '" + name + "' in " + it.kind() + " " + it.about());
        }
        return v.getAsDouble();
    }

    private static long count(StoryItem it, String name) {
        return Math.round(figure(it, name));
    }

}
