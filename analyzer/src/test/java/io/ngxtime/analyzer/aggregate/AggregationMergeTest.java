package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Aggregating parts split at random points and merging them gives exactly what one pass gives. */
class AggregationMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String fingerprint(Report r) throws Exception {
        // records compare by value except arrays: serialise the whole model
        return JSON.writeValueAsString(JSON.valueToTree(new Object[] {r.summary().toString(), r.timing().toString(),
            r.upstreams().toString(), r.upstreamTotals().toString(), r.notes().toString(),
            r.traffic().firstSecond(), r.traffic().perSecond(), r.traffic().points().stream().map(p -> List.of(p.startSecond(),
                p.requests(), p.maxPerSecond().toString(), List.of(p.statusClasses()), p.bytes(), p.requestP50Micros().toString(),
                p.requestP99Micros().toString(), p.upstreamP99Micros().toString(),
                java.util.Arrays.stream(io.ngxtime.analyzer.record.Tier.values()).map(t -> p.tierP50Micros(t) + "/"
                        + p.tierP99Micros(t) + "/" + p.tierTimedRequests(t)).toList(),
                p.meanConnectMicros().toString(), p.meanWaitMicros().toString(), p.meanTransferMicros().toString(),
                p.meanNginxMicros().toString(), p.offsetSeconds(), p.meanUnsplitMicros().toString(), p.upstreamTimedRequests())).toList(),
            r.peaks().stream().map(p -> p.window()).toList(), r.routes().toString(), r.findings()}));
    }

    @RepeatedTest(5)
    void splitAggregateMerge_equalsOnePass(RepetitionInfo info) throws Exception {
        List<Request> requests = SyntheticRequests.make(20_000, 42 + info.getCurrentRepetition());
        Aggregation whole = new Aggregation();
        requests.forEach(whole::add);

        SplittableRandom rnd = new SplittableRandom(info.getCurrentRepetition());
        int parts = 2 + rnd.nextInt(5);
        int[] cuts = rnd.ints(parts - 1, 0, requests.size()).sorted().toArray();
        Aggregation merged = new Aggregation();
        int from = 0;
        for (int p = 0; p <= cuts.length; p++) {
            int to = p < cuts.length ? cuts[p] : requests.size();
            Aggregation part = new Aggregation();
            requests.subList(from, to).forEach(part::add);
            merged.merge(part);
            from = to;
        }
        assertThat(fingerprint(merged.report(List.of(), "f"))).isEqualTo(fingerprint(whole.report(List.of(), "f")));
    }

    /**
     * A distributed run ships each part's aggregation to the machine that merges: parts written with Java
     * serialization, read back and merged give what one pass gives (peaks' attribution, route and network
     * caches, filters, windows and rejected-line samples included).
     */
    @RepeatedTest(2)
    void splitSerializeDeserializeMerge_equalsOnePass(RepetitionInfo info) throws Exception {
        List<Request> requests = SyntheticRequests.make(20_000, 7 + info.getCurrentRepetition());
        RequestFilter filter = RequestFilter.of("200-599", null, null, null, null);
        Aggregation whole = new Aggregation(10, filter);
        whole.window(TimeWindow.between(0, Long.MAX_VALUE - 1));
        requests.forEach(whole::add);
        whole.addRejects(1, java.util.Map.of("junk", 1L), List.of(new io.ngxtime.analyzer.record.LineSample("a.log", 7, "junk", "x")));

        int cut = new SplittableRandom(info.getCurrentRepetition()).nextInt(requests.size());
        Aggregation first = new Aggregation(10, filter);
        first.window(TimeWindow.between(0, Long.MAX_VALUE - 1));
        first.addRejects(1, java.util.Map.of("junk", 1L), List.of(new io.ngxtime.analyzer.record.LineSample("a.log", 7, "junk", "x")));
        requests.subList(0, cut).forEach(first::add);
        Aggregation second = new Aggregation(10, filter);
        requests.subList(cut, requests.size()).forEach(second::add);
        Aggregation merged = roundTrip(first);
        merged.merge(roundTrip(second));
        // the merged aggregation keeps working after the trip: the caches it was shipped without are rebuilt
        merged.add(requests.get(0));
        whole.add(requests.get(0));

        Report one = whole.report(List.of("a.log"), "f", 3);
        Report two = merged.report(List.of("a.log"), "f", 3);
        assertThat(fingerprint(two)).isEqualTo(fingerprint(one));
        assertThat(two.rejects()).isEqualTo(one.rejects());
        assertThat(two.filter()).isEqualTo(one.filter());
        assertThat(one.peaks()).isNotEmpty();

        List<io.ngxtime.analyzer.report.PeakWindow> windows = one.peaks().stream().map(p -> p.window()).toList();
        PeakAttribution oneAttribution = new PeakAttribution(windows);
        requests.forEach(oneAttribution::add);
        PeakAttribution firstAttribution = new PeakAttribution(windows);
        requests.subList(0, cut).forEach(firstAttribution::add);
        PeakAttribution secondAttribution = new PeakAttribution(windows);
        requests.subList(cut, requests.size()).forEach(secondAttribution::add);
        PeakAttribution mergedAttribution = roundTrip(firstAttribution);
        mergedAttribution.merge(roundTrip(secondAttribution));
        assertThat(mergedAttribution.reports(0).toString()).isEqualTo(oneAttribution.reports(0).toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @org.junit.jupiter.api.Test
    void merge_keepsTheLinesLeftOutAndTheWindowsDescription() {
        RequestFilter fiveXx = RequestFilter.of("5xx", null, null, null, null);
        Aggregation part = new Aggregation(10, fiveXx);
        part.window(TimeWindow.between(1_791_187_200_000L, 1_791_190_800_000L));
        Request r = new Request();
        for (int i = 0; i < 10; i++) {
            io.ngxtime.analyzer.testutil.TestRequests.get(r, 1_791_187_200_000L + i * 1000L, "/a").status(i < 3 ? 502 : 200);
            r.time(1_791_187_200_000L + i * 1000L, 7200);
            part.add(r);
        }
        part.seenOutsideWindow(7200);
        Aggregation whole = new Aggregation(10, fiveXx);
        whole.merge(part);
        Report report = whole.report(List.of("a.log"), "combined", 0);
        assertThat(report.summary().requests()).isEqualTo(3);
        // the window's lines: its 10 requests, 7 of them left out by the filter; the one outside the window is not one
        assertThat(report.lines()).isEqualTo(10);
        assertThat(report.filter()).isEqualTo("from 2026-10-05T10:00:00+02:00; to 2026-10-05T11:00:00+02:00; status 500-599");
    }
}
