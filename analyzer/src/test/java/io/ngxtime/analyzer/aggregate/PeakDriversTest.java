package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.PeakDriver;
import io.ngxtime.analyzer.report.PeakWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What drove a peak (issue 10, items 6 and 7): a listed value needs a minimum excess, and the named driver
 * is the cause (a single user agent, then the referrer, then the route) when it explains at least half as
 * much as the biggest value.
 */
class PeakDriversTest {
    static final long T0 = 1_791_662_400L;

    private static AttributionItem item(String value, double excess) {
        return new AttributionItem(value, (long) excess, 0.5, 0.0, excess);
    }

    private static Map<String, List<AttributionItem>> attribution(Object... dimensionAndItems) {
        Map<String, List<AttributionItem>> m = new LinkedHashMap<>();
        for (int i = 0; i < dimensionAndItems.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<AttributionItem> items = (List<AttributionItem>) dimensionAndItems[i + 1];
            m.put((String) dimensionAndItems[i], items);
        }
        return m;
    }

    @Test
    void theReferrerThatSentACrowd_isNamed_overTheNetworkItCameFrom() {
        // the week sample's crowd of 11 Oct: the network carries the crowd and its page loads (+406), the
        // partner's link the landings (+283: 70% of 406)
        PeakDriver d = PeakDrivers.choose(attribution(
                "referrer", List.of(item("https://partner.example/deal", 283), item("https://shop.example.com/promo/4409", 123)),
                "route", List.of(item("/promo/:id", 280)),
                "client_network", List.of(item("91.254.164.0/24", 406)),
                "user_agent", List.of(item("Android", 98)),
                "upstream", List.of(item("10.0.1.3:8080", 48))));
        assertThat(d.dimension()).isEqualTo("referrer");
        assertThat(d.item().value()).isEqualTo("https://partner.example/deal");
    }

    @Test
    void aScript_isNamedByItsUserAgent_evenWhenItSendsAReferrer() {
        // the week sample's spike: one program, one network, one route, no referrer
        PeakDriver spike = PeakDrivers.choose(attribution(
                "referrer", List.of(item("-", 45)),
                "route", List.of(item("/api/catalog", 64)),
                "client_network", List.of(item("121.169.186.0/24", 70)),
                "user_agent", List.of(item("python-requests/2.32.3", 70))));
        assertThat(spike.dimension()).isEqualTo("user_agent");
        assertThat(spike.item().value()).isEqualTo("python-requests/2.32.3");
        // a bot that sets a referrer header: the program is the cause, the header its choice
        PeakDriver bot = PeakDrivers.choose(attribution(
                "referrer", List.of(item("https://news.example/", 197)),
                "user_agent", List.of(item("BadBot/1.0", 200))));
        assertThat(bot.item().value()).isEqualTo("BadBot/1.0");
    }

    @Test
    void absentValues_nameNoCause_soTheRouteIsNamed() {
        PeakDriver d = PeakDrivers.choose(attribution(
                "referrer", List.of(item("-", 45)),
                "route", List.of(item("/api/catalog", 64)),
                "client_network", List.of(item("121.169.186.0/24", 70)),
                "user_agent", List.of(item("-", 70))));
        assertThat(d.dimension()).isEqualTo("route");
        assertThat(d.item().value()).isEqualTo("/api/catalog");
    }

    @Test
    void causesExplainingLessThanHalf_leaveTheBiggestValueNamed() {
        // traffic from one network to many routes with many browsers: the network it is
        PeakDriver d = PeakDrivers.choose(attribution(
                "referrer", List.of(item("https://a.example/", 150)),
                "route", List.of(item("/x", 199)),
                "user_agent", List.of(item("Firefox", 120)),
                "client_network", List.of(item("203.0.113.0/24", 400))));
        assertThat(d.dimension()).isEqualTo("client_network");
        assertThat(PeakDrivers.choose(attribution("route", List.of(item("/x", 200)), "client_network",
                List.of(item("203.0.113.0/24", 400)))).dimension()).as("exactly half").isEqualTo("route");
        assertThat(PeakDrivers.choose(attribution("referrer", List.of(), "route", List.of()))).isNull();
    }

    @Test
    void overRepresented_needsFiveExcessRequests_andTwoPointsMoreShare() {
        // baseline: an hour at 60/min, 1% from ref-a, 10% from ref-b, 0.1% from ref-c; surge: one minute of 300
        List<Request> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 3600; i++) {
            String ref = i % 100 == 0 ? "ref-a" : i % 10 == 1 ? "ref-b" : i % 1000 == 2 ? "ref-c" : "other";
            requests.add(request(T0 + i, ref));
        }
        // surge, 300 requests: ref-a 3% (9, +6, +2 points), ref-b 11.67% (35, +5, +1.67 points),
        // ref-c 0.33% (1, +0.7), ref-d 2% (6, +6, +2 points): the rest "other"
        long s = T0 + 3600;
        String[] refs = new String[300];
        java.util.Arrays.fill(refs, "other");
        for (int i = 0; i < 9; i++) {
            refs[i] = "ref-a";
        }
        for (int i = 9; i < 44; i++) {
            refs[i] = "ref-b";
        }
        refs[44] = "ref-c";
        for (int i = 45; i < 51; i++) {
            refs[i] = "ref-d";
        }
        for (int i = 0; i < 300; i++) {
            requests.add(request(s + i / 5, refs[i]));
        }
        PeakWindow w = new PeakWindow(s, 5, s, 300, s, s + 60, T0, s, 60, 300);
        PeakAttribution a = new PeakAttribution(List.of(w));
        requests.forEach(a::add);
        assertThat(a.requestsDuring(0)).isEqualTo(300);
        assertThat(a.requestsBefore(0)).isEqualTo(3600);
        List<AttributionItem> listed = a.overRepresented(0, PeakAttribution.Dimension.REFERRER, 10);
        assertThat(listed).extracting(AttributionItem::value).containsExactlyInAnyOrder("ref-a", "ref-d");
        AttributionItem refA = listed.stream().filter(it -> it.value().equals("ref-a")).findFirst().orElseThrow();
        assertThat(refA.excessRequests()).as("9 - 1% x 300").isCloseTo(6, within(1e-9));
        assertThat(refA.duringShare() - refA.beforeShare()).isCloseTo(0.02, within(1e-9));
    }

    private static Request request(long second, String referer) {
        Request r = new Request();
        r.time(second * 1000, 0);
        r.request("GET", "/", "HTTP/1.1", null);
        r.client("192.0.2.1", referer, "agent", null);
        r.status(200);
        r.requestTimeMicros(1000);
        return r;
    }
}
