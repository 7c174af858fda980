package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code --baseline} on the shipped samples (issue 10, item 5): the incident hour of the week sample
 * compared with the hour before it names the route the flash crowd hit first, and a baseline before the
 * log says it has nothing to compare with. The route's counts are counted here from the raw log with a
 * regular expression, independently of ngxtime's parser.
 */
class SampleComparisonTest {
    private static final DateTimeFormatter NGINX_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final Pattern PROMO = Pattern.compile(
            "^\\S+ - \\S+ \\[(\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4})\\] \"[A-Z]+ /promo/\\d+[ ?]");

    /** Requests to {@code /promo/<digits>} in {@code [from, to)}, read straight from the gzipped log. */
    static long promoRequests(String sample, OffsetDateTime from, OffsetDateTime to) throws Exception {
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SampleGoldenTest.samples().resolve(sample))), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                Matcher m = PROMO.matcher(line);
                if (m.find()) {
                    OffsetDateTime t = OffsetDateTime.parse(m.group(1), NGINX_TIME);
                    if (!t.isBefore(from) && t.isBefore(to)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void weekSample_incidentHour_thePromoRouteLeadsTheRouteChanges() throws Exception {
        OffsetDateTime from = OffsetDateTime.parse("2026-10-09T15:00:00-07:00");
        OffsetDateTime to = from.plusHours(1);
        long before = promoRequests("timing-week.log.gz", from.minusHours(1), from);
        long after = promoRequests("timing-week.log.gz", from, to);
        assertThat(new long[] {before, after}).as("the issue's figures").containsExactly(2, 248);

        ReportCommandTest.Run run = ReportCommandTest.run("report",
                SampleGoldenTest.samples().resolve("timing-week.log.gz").toString(), "--json", "--peaks", "0",
                "--from", from.toString(), "--to", to.toString(), "--baseline");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode c = run.json().get("comparison");
        assertThat(c.get("baseline_empty").asBoolean()).isFalse();
        assertThat(c.get("baseline_seconds").asLong()).isEqualTo(3600);
        assertThat(c.get("window_seconds").asLong()).isEqualTo(3600);
        JsonNode first = c.get("routes").get(0);
        assertThat(first.get("subject").asText()).as(c.get("routes").toString()).isEqualTo("/promo/:id");
        JsonNode promo = null;
        for (JsonNode ch : c.get("routes")) {
            if (ch.get("subject").asText().equals("/promo/:id") && ch.get("metric").asText().equals("requests")) {
                promo = ch;
            }
        }
        assertThat(promo).isNotNull();
        assertThat(promo.get("before").asLong()).isEqualTo(before);
        assertThat(promo.get("after").asLong()).isEqualTo(after);
        assertThat(promo.get("excess_requests").asDouble()).isEqualTo(after - before);
        assertThat(promo.get("before_per_second").asDouble()).isEqualTo(before / 3600.0);
        // every route change ranked above the promo count concerns the promo route too
        for (JsonNode ch : c.get("routes")) {
            if (ch == promo) {
                break;
            }
            assertThat(ch.get("subject").asText()).isEqualTo("/promo/:id");
        }
    }

    @Test
    void baselineBeforeTheLog_saysItHasNoRequests_insteadOfListingChangesFromZero() throws Exception {
        String sample = SampleGoldenTest.samples().resolve("timing-small.log").toString();
        String[] window = {"--from", "2026-10-07T14:00:00-07:00", "--to", "2026-10-07T15:00:00-07:00", "--baseline"};
        ReportCommandTest.Run json = ReportCommandTest.run(concat(new String[] {"report", sample, "--json"}, window));
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode c = json.json().get("comparison");
        assertThat(c.get("baseline_requests").asLong()).isZero();
        assertThat(c.get("baseline_empty").asBoolean()).isTrue();
        assertThat(c.get("changes")).isEmpty();
        assertThat(c.get("upstreams")).isEmpty();
        assertThat(c.get("routes")).isEmpty();

        ReportCommandTest.Run text = ReportCommandTest.run(concat(new String[] {"report", sample}, window));
        String section = text.out().substring(text.out().indexOf("Compared with the baseline"));
        assertThat(section).contains("the baseline has no requests").doesNotContain(" -> ");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
