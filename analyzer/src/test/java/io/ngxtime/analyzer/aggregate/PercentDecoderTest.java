package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.testutil.TestRequests;
import org.junit.jupiter.api.Test;

/** Percent-decoded paths: one route for both spellings, and what does not decode is kept as written. */
class PercentDecoderTest {
    @Test
    void decode_utf8Escapes_becomeTheirCharacters_inEitherCase() {
        assertThat(PercentDecoder.decode("/static/caf%C3%A9.txt")).isEqualTo("/static/café.txt");
        assertThat(PercentDecoder.decode("/static/caf%c3%a9.txt")).isEqualTo("/static/café.txt");
        assertThat(PercentDecoder.decode("/search%20results")).isEqualTo("/search results");
        assertThat(PercentDecoder.decode("/%E2%82%AC/%F0%9F%98%80")).isEqualTo("/\u20ac/\uD83D\uDE00");
    }

    @Test
    void decode_withoutEscapes_returnsTheSameInstance() {
        String p = "/plain/path";
        assertThat(PercentDecoder.decode(p)).isSameAs(p);
    }

    @Test
    void decode_invalidSequences_areKeptAsWritten_byteByByte() {
        assertThat(PercentDecoder.decode("/a%C3")).as("truncated at the end").isEqualTo("/a%C3");
        assertThat(PercentDecoder.decode("/a%C3/b")).as("lead byte without continuation").isEqualTo("/a%C3/b");
        assertThat(PercentDecoder.decode("/a%FF%C3%A9")).as("a stray byte, then a good pair").isEqualTo("/a%FFé");
        assertThat(PercentDecoder.decode("/a%A9")).as("a continuation byte alone").isEqualTo("/a%A9");
        assertThat(PercentDecoder.decode("/a%C0%AF")).as("overlong slash").isEqualTo("/a%C0%AF");
        assertThat(PercentDecoder.decode("/a%E0%80%AF")).as("overlong, three bytes").isEqualTo("/a%E0%80%AF");
        assertThat(PercentDecoder.decode("/a%ED%A0%80")).as("a surrogate").isEqualTo("/a%ED%A0%80");
        assertThat(PercentDecoder.decode("/a%F4%90%80%80")).as("above U+10FFFF").isEqualTo("/a%F4%90%80%80");
        assertThat(PercentDecoder.decode("/a%zz%4")).as("not an escape").isEqualTo("/a%zz%4");
        assertThat(PercentDecoder.decode("%")).isEqualTo("%");
    }

    @Test
    void decode_keepsEscapesThatWouldChangeTheMeaningOrReadAsControl() {
        assertThat(PercentDecoder.decode("/a%2Fb%3Fc%23d")).isEqualTo("/a%2Fb%3Fc%23d");
        assertThat(PercentDecoder.decode("/a%2541")).as("%25 stays, so this never reads as /aA").isEqualTo("/a%2541");
        assertThat(PercentDecoder.decode("/a%0A%00%7F%C2%85")).isEqualTo("/a%0A%00%7F%C2%85");
        assertThat(PercentDecoder.decode("/%41%2f")).isEqualTo("/A%2f");
    }

    @Test
    void routes_ofBothSpellings_areOneRoute() {
        assertThat(Routes.of("/static/caf%C3%A9.txt")).isEqualTo(Routes.of("/static/café.txt")).isEqualTo("/static/café.txt");
        assertThat(Routes.of("/videos/%31%32%33?x=%C3%A9")).as("decoded digits are an id").isEqualTo("/videos/:id");
        assertThat(Routes.of("/a%2Fb/c")).as("an escaped slash is no separator").isEqualTo("/a%2Fb/c");

        RouteAggregator routes = new RouteAggregator();
        Request r = new Request();
        routes.add(TestRequests.get(r, 0, "/static/café.txt").status(200));
        routes.add(TestRequests.get(r, 1, "/static/caf%C3%A9.txt").status(200));
        routes.add(TestRequests.get(r, 2, "/static/caf%c3%a9.txt?v=2").status(200));
        assertThat(routes.routes().sorted()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("/static/café.txt");
            assertThat(e.count()).isEqualTo(3);
        });
    }

    @Test
    void pathFilter_matchesEitherSpelling_ofThePathAndOfTheFilter() {
        Request plain = TestRequests.get(new Request(), 0, "/static/café.txt");
        Request escaped = TestRequests.get(new Request(), 0, "/static/caf%C3%A9.txt");
        Request other = TestRequests.get(new Request(), 0, "/static/cafe.txt");
        for (String filter : new String[] {"/static/café", "/static/caf%C3%A9", "/static/caf?.txt", "*caf%c3%a9*"}) {
            RequestFilter f = RequestFilter.of(null, filter, null, null, null);
            assertThat(f.test(plain)).as(filter + " on the plain path").isTrue();
            assertThat(f.test(escaped)).as(filter + " on the escaped path").isTrue();
        }
        assertThat(RequestFilter.of(null, "/static/café", null, null, null).test(other)).isFalse();
        assertThat(RequestFilter.of(null, "/static/caf%2", null, null, null).test(TestRequests.get(new Request(), 0,
                "/static/caf%2Fx"))).as("as logged still matches").isTrue();
    }
}
