package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.CdnOffload;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Static assets' shares against figures computed by hand. */
class CdnOffloadAggregatorTest {
    /** A minute's start, epoch ms. */
    private static final long T0 = 1_791_417_600_000L;

    private static Request req(Request r, long millis, String method, String target, long bytes, long upstreamMicros) {
        TestRequests.get(r, millis, target).status(200).bytesSent(bytes);
        r.request(method, target, "HTTP/1.1", null);
        if (upstreamMicros >= 0) {
            r.addAttempt("10.0.1.1:8080", 200, 1000, upstreamMicros, upstreamMicros, 0);
        }
        return r;
    }

    /** Eight requests over two minutes; the comments say which are static assets. */
    private static List<Request> requests() {
        return List.of(
                req(new Request(), T0, "GET", "/static/app.3f9a2c1b.js", 1000, -1),       // static js, nginx
                req(new Request(), T0 + 1000, "GET", "/css/site.CSS?v=3", 500, 20_000),   // static css (case, query), upstream 20 ms
                req(new Request(), T0 + 2000, "GET", "/api/items", 2000, 30_000),         // not static
                req(new Request(), T0 + 3000, "POST", "/upload/photo.png", 100, 40_000),  // POST: not a static asset
                req(new Request(), T0 + 4000, "HEAD", "/img/logo.png", 0, -1),            // static png, no body
                req(new Request(), T0 + 60_000, "GET", "/index.html", 3000, -1),          // not static (html is a page)
                req(new Request(), T0 + 61_000, "GET", "/img/a.png#top", 4000, 10_000),   // static png, upstream 10 ms
                req(new Request(), T0 + 62_000, "GET", "/app.js.php", 50, -1));           // not static: .php
    }

    @Test
    void shares_ofHandWrittenRequests_areExact() {
        CdnOffloadAggregator a = new CdnOffloadAggregator();
        requests().forEach(a::add);
        CdnOffload c = a.report();
        // static: app.js 1000, site.CSS 500, logo.png 0, a.png 4000: 4 of 8 requests, 5,500 of 10,650 bytes
        assertThat(c.requests()).isEqualTo(8);
        assertThat(c.staticRequests()).isEqualTo(4);
        assertThat(c.bytes()).hasValue(1000 + 500 + 2000 + 100 + 0 + 3000 + 4000 + 50);
        assertThat(c.staticBytes()).hasValue(5500);
        assertThat(c.shareOfRequests()).hasValue(0.5);
        assertThat(c.shareOfBytes()).hasValue(5500.0 / 10_650);
        // of them upstream: site.CSS (20 ms) and a.png (10 ms)
        assertThat(c.staticUpstreamRequests()).hasValue(2);
        assertThat(c.staticUpstreamTimeMicros()).hasValue(30_000);
        assertThat(c.extensions()).containsExactly(new CdnOffload.Extension("png", 2, OptionalLong.of(4000)),
                new CdnOffload.Extension("css", 1, OptionalLong.of(500)), new CdnOffload.Extension("js", 1, OptionalLong.of(1000)));
        // both minutes have 5 and 3 requests: the first is the busiest, with 3 static (1,500 of 3,600 bytes)
        assertThat(c.busiestMinute()).contains(new CdnOffload.Minute(T0 / 1000, 5, 3, OptionalLong.of(3600), OptionalLong.of(1500)));
        assertThat(c.minutesApproximate()).isFalse();
    }

    @Test
    void merge_ofTwoParts_equalsOnePass() {
        List<Request> all = requests();
        CdnOffloadAggregator whole = new CdnOffloadAggregator();
        all.forEach(whole::add);
        CdnOffloadAggregator first = new CdnOffloadAggregator();
        CdnOffloadAggregator second = new CdnOffloadAggregator();
        all.subList(0, 3).forEach(first::add);
        all.subList(3, all.size()).forEach(second::add);
        first.merge(second);
        assertThat(first.report()).isEqualTo(whole.report());
    }

    @Test
    void bytes_notLogged_areUnknown_notZero() {
        CdnOffloadAggregator a = new CdnOffloadAggregator();
        int withoutBytes = Logged.ALL & ~Logged.BYTES.bit();
        requests().forEach(r -> a.add(r.logged(withoutBytes)));
        CdnOffload c = a.report();
        assertThat(c.bytes()).isEmpty();
        assertThat(c.staticBytes()).isEmpty();
        assertThat(c.shareOfBytes()).isEmpty();
        assertThat(c.extensions().get(0).bytes()).isEmpty();
        assertThat(c.busiestMinute().orElseThrow().bytes()).isEmpty();
        assertThat(c.staticRequests()).isEqualTo(4);
    }

    @Test
    void upstream_notLogged_isUnknown_notZero() {
        CdnOffloadAggregator a = new CdnOffloadAggregator();
        int withoutUpstream = Logged.ALL & ~Logged.ANY_UPSTREAM;
        requests().stream().filter(r -> r.attemptCount() == 0).forEach(r -> a.add(r.logged(withoutUpstream)));
        CdnOffload c = a.report();
        assertThat(c.staticUpstreamRequests()).isEmpty();
        assertThat(c.staticUpstreamTimeMicros()).isEmpty();
    }

    @Test
    void nothingSeen_hasNoBusiestMinute() {
        assertThat(new CdnOffloadAggregator().report().busiestMinute()).isEqualTo(Optional.empty());
    }

    @Test
    void minutes_beyondTheBound_areLeftOut_andSaid() {
        MinuteCounters m = new MinuteCounters(1, 2);
        m.at(T0)[0] += 1;
        m.at(T0 + 60_000)[0] += 5;
        assertThat(m.at(T0 + 120_000)).isNull(); // a third minute: not kept
        assertThat(m.approximate()).isTrue();
        assertThat(m.busiest(0)).hasValue(T0 / 1000 + 60);
        MinuteCounters other = new MinuteCounters(1, 2);
        other.at(T0 + 180_000)[0] += 9;
        m.merge(other);
        assertThat(m.busiest(0)).hasValue(T0 / 1000 + 60); // the merged minute did not fit either
    }

    @Test
    void busiestMinute_ofEqualMinutes_isTheEarliest() {
        MinuteCounters m = new MinuteCounters(1);
        m.at(T0 + 60_000)[0] += 3;
        m.at(T0)[0] += 3;
        assertThat(m.busiest(0)).hasValue(T0 / 1000);
    }
}
