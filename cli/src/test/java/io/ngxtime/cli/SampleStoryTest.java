package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.analyzer.aggregate.Routes;
import io.ngxtime.charts.Figures;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incident story ({@code story} in {@code report --json}, "What happened" in the terminal) on the committed
 * samples. No sentence states a figure the tables do not show: every fact equals the value at its {@code ref}
 * in the same JSON, and every number in the terminal's sentences is one of its facts, formatted. The week's
 * flash crowds are told as the generator made them: driven by the partner's referrer, taken by the tier that
 * served most of the crowd's requests, the cache said to absorb one only when the cache served most of it.
 */
class SampleStoryTest {
    /** The week's first crowd, with the same length before it as the baseline. */
    private static final String[] WEEK_WINDOW = {"--from", "2026-10-06T18:58:00-07:00", "--to", "2026-10-06T19:09:00-07:00",
        "--baseline"};
    private static final Map<String, ReportCommandTest.Run> RUNS = new ConcurrentHashMap<>();

    private static ReportCommandTest.Run run(String sample, String... more) {
        List<String> args = new ArrayList<>(List.of("report", SampleGoldenTest.samples().resolve(sample).toString()));
        args.addAll(List.of(more));
        return RUNS.computeIfAbsent(String.join(" ", args), k -> {
            ReportCommandTest.Run r = ReportCommandTest.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            return r;
        });
    }

    private static JsonNode json(String sample, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(more));
        args.add("--json");
        return run(sample, args.toArray(String[]::new)).json();
    }

    private static JsonNode truth(String sample) throws Exception {
        String base = sample.replace(".log.gz", "").replace(".log", "");
        return new ObjectMapper().readTree(SampleGoldenTest.samples().resolve(base + ".expected.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"timing-small.log", "combined-small.log", "main-small.log", "upstreaminfo-small.log",
        "timing-week.log.gz", "timing-week.log.gz window"})
    void everyStoryFact_equalsTheValueAtItsRef(String sample) throws Exception {
        boolean window = sample.endsWith(" window");
        JsonNode report = window ? json(sample.replace(" window", ""), WEEK_WINDOW) : json(sample);
        JsonNode story = report.get("story");
        assertThat(story).as("a story for every sample's peaks").isNotEmpty();
        if (window) {
            assertThat(story).anyMatch(i -> i.get("about").asText().equals("/comparison"));
        }
        for (JsonNode item : story) {
            assertThat(report.at(JsonPointer.compile(item.get("about").asText())).isMissingNode())
                    .as("what " + item + " is about").isFalse();
            for (JsonNode fact : item.get("facts")) {
                JsonNode shown = report.at(JsonPointer.compile(fact.get("ref").asText()));
                String what = item.get("kind").asText() + " " + fact;
                assertThat(shown.isMissingNode() || shown.isNull()).as(what + ": the table has no such value").isFalse();
                if (fact.get("value").isNumber()) {
                    assertThat(shown.isNumber()).as(what).isTrue();
                    assertThat(fact.get("value").asDouble()).as(what).isEqualTo(shown.asDouble());
                } else {
                    assertThat(fact.get("value").asText()).as(what).isEqualTo(shown.asText());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"combined-small.log", "main-small.log"})
    void logWithoutRequestTimeOrCacheStatus_isToldNoTimeAndNoCacheVerdict(String sample) throws Exception {
        JsonNode story = json(sample).get("story");
        assertThat(story).isNotEmpty();
        for (JsonNode item : story) {
            assertThat(item.get("kind").asText()).as(item.toString()).doesNotStartWith("cache_");
            for (JsonNode fact : item.get("facts")) {
                assertThat(fact.get("name").asText()).as(item.toString()).doesNotContain("p99");
            }
        }
    }

    @Test
    void weekCrowds_areToldDrivenByTheirReferrer_andTakenByTheTierThatServedThem() throws Exception {
        JsonNode truth = truth("timing-week.log.gz");
        JsonNode report = json("timing-week.log.gz");
        JsonNode peaks = report.get("peaks");
        for (JsonNode crowd : truth.get("peaks")) {
            long from = epoch(crowd.get("start"));
            long to = epoch(crowd.get("end"));
            int index = -1;
            for (int i = 0; i < peaks.size(); i++) {
                if (epoch(peaks.get(i).get("start")) < to && epoch(peaks.get(i).get("end")) > from) {
                    index = i;
                }
            }
            String name = "crowd from " + crowd.get("start").asText();
            assertThat(index).as(name + ": a peak").isNotNegative();
            Map<String, JsonNode> told = items(report.get("story"), "/peaks/" + index);
            JsonNode driver = told.get("driver");
            assertThat(driver).as(name + ": its driver is told").isNotNull();
            assertThat(fact(driver, "dimension").asText()).as(name).isEqualTo("referrer");
            assertThat(fact(driver, "value").asText()).as(name).isEqualTo(crowd.get("referer").asText());
            String tier = busiestTier(crowd.get("crowdTiers"));
            assertThat(fact(told.get("tier_load"), "tier").asText()).as(name + ": the tier that took it").isEqualTo(tier);
            assertThat(told).as(name + ": whether the cache absorbed it")
                    .containsKey(tier.equals("cache") ? "cache_absorbed" : "cache_not_absorbed");
        }
    }

    @Test
    void weekCrowdWindow_againstTheHourBefore_namesItsRoute_andTheTierThatServedIt() throws Exception {
        JsonNode crowd = truth("timing-week.log.gz").get("peaks").get(0);
        assertThat(epoch(crowd.get("start"))).isBetween(OffsetDateTime.parse(WEEK_WINDOW[1]).toEpochSecond(),
                OffsetDateTime.parse(WEEK_WINDOW[3]).toEpochSecond());
        Map<String, JsonNode> told = items(json("timing-week.log.gz", WEEK_WINDOW).get("story"), "/comparison");
        assertThat(fact(told.get("driver"), "value").asText()).isEqualTo(Routes.of(crowd.get("route").asText()));
        assertThat(fact(told.get("surge"), "excess_requests").asDouble()).isPositive();
        String tier = busiestTier(crowd.get("crowdTiers"));
        assertThat(fact(told.get("tier_load"), "tier").asText()).isEqualTo(tier);
        assertThat(told).containsKey(tier.equals("cache") ? "cache_absorbed" : "cache_not_absorbed");
    }

    /** A number in a sentence: not part of a word ({@code p99}, {@code 5xx}). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[+-]?\\d[\\d,]*(?:\\.\\d+)?(?![\\w])");

    @ParameterizedTest
    @ValueSource(strings = {"timing-week.log.gz", "timing-week.log.gz window", "upstreaminfo-small.log"})
    void terminalSentences_stateOnlyTheirFacts(String sample) throws Exception {
        boolean window = sample.endsWith(" window");
        String file = sample.replace(" window", "");
        JsonNode story = (window ? json(file, WEEK_WINDOW) : json(file)).get("story");
        String text = (window ? run(file, WEEK_WINDOW) : run(file)).out();
        List<List<String>> paragraphs = paragraphs(text);
        Map<String, List<JsonNode>> bySubject = new LinkedHashMap<>();
        for (JsonNode item : story) {
            bySubject.computeIfAbsent(item.get("about").asText(), k -> new ArrayList<>()).add(item);
        }
        assertThat(paragraphs).hasSameSizeAs(bySubject.keySet());
        int p = 0;
        for (List<JsonNode> items : bySubject.values()) {
            Set<String> allowed = new HashSet<>();
            List<String> words = new ArrayList<>();
            for (JsonNode item : items) {
                for (JsonNode fact : item.get("facts")) {
                    JsonNode v = fact.get("value");
                    if (v.isNumber()) {
                        double d = v.asDouble();
                        for (String s : List.of(Figures.count(Math.round(d)), Figures.signedCount(Math.round(d)),
                                Figures.count(-Math.round(d)), Figures.percent(d), Figures.durationMs(d),
                                Figures.perSecond(d))) {
                            Matcher m = NUMBER.matcher(s);
                            while (m.find()) {
                                allowed.add(m.group());
                            }
                        }
                    } else {
                        words.add(v.asText());
                        if (fact.get("ref").asText().endsWith("/end") || fact.get("ref").asText().endsWith("/start")) {
                            words.add(v.asText().substring(11, 19)); // the clock of a moment on a day already named
                        }
                    }
                }
            }
            words.sort((a, b) -> b.length() - a.length());
            for (String sentence : paragraphs.get(p++)) {
                String rest = sentence;
                for (String w : words) {
                    rest = rest.replace(w, " ");
                }
                Matcher m = NUMBER.matcher(rest);
                while (m.find()) {
                    assertThat(allowed).as("'" + m.group() + "' in: " + sentence).contains(m.group());
                }
            }
        }
    }

    /** The terminal's "What happened" paragraphs: the sentences under each heading. */
    private static List<List<String>> paragraphs(String text) {
        List<List<String>> out = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("What happened")) {
                in = true;
            } else if (in && !line.startsWith(" ")) {
                break;
            } else if (in && line.startsWith("  ") && !line.startsWith("   ")) {
                out.add(new ArrayList<>());
            } else if (in && line.startsWith("    ") && !line.startsWith("      ")) {
                out.get(out.size() - 1).add(line.strip());
            }
        }
        return out;
    }

    private static Map<String, JsonNode> items(JsonNode story, String about) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode item : story) {
            if (item.get("about").asText().equals(about)) {
                out.putIfAbsent(item.get("kind").asText(), item);
            }
        }
        return out;
    }

    private static JsonNode fact(JsonNode item, String name) {
        assertThat(item).as("an item with " + name).isNotNull();
        for (JsonNode f : item.get("facts")) {
            if (f.get("name").asText().equals(name)) {
                return f.get("value");
            }
        }
        throw new AssertionError("no fact " + name + " in " + item);
    }

    /** The tier that served most of a crowd's requests, by the generator's count. */
    private static String busiestTier(JsonNode crowdTiers) {
        String best = null;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) crowdTiers::fields) {
            if (best == null || e.getValue().asLong() > crowdTiers.get(best).asLong()) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static long epoch(JsonNode instant) {
        return OffsetDateTime.parse(instant.asText()).toEpochSecond();
    }
}
