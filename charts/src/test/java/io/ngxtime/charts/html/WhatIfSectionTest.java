package io.ngxtime.charts.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.HtmlFixtures;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WhatIfSectionTest {
    private static final String HOSTILE = "/<script>alert('x')</script>";

    private static String section(Report r) {
        StringBuilder h = new StringBuilder();
        WhatIfSection.write(r, h);
        return h.toString();
    }

    @Test
    void cacheWhatIf_routeFromALogLine_isEscaped_andTheFiguresAreThere() {
        CacheWhatIf w = new CacheWhatIf(60, List.of(new CacheWhatIf.Candidate(HOSTILE, 60, 50, OptionalLong.of(1_000_000))),
                OptionalLong.of(60), OptionalLong.of(1_200_000), 50, OptionalLong.of(1_000_000), Optional.empty(), 0, 0);
        String html = section(HtmlFixtures.hostile().withCacheWhatIf(w, Optional.empty()));
        assertThat(html).contains("<h2 id=\"what-if\">What if</h2>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script")
                .contains("Would have saved 50 of 60 upstream requests (83.3%)");
    }

    @Test
    void withoutCacheTtl_andWithoutRequests_thereIsNoSection() {
        Report r = HtmlFixtures.hostile();
        Report none = new Report(r.inputs(), r.format(), 0, r.filter(), r.summary(), r.rejects(), r.timing(), r.upstreams(),
                r.traffic(), r.peaks(), r.routes(), r.findings(), r.comparison(), r.upstreamTotals(), r.notes());
        assertThat(section(none)).isEmpty();
    }
}
