package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traffic over time: requests per second at one-second resolution (allocated an hour at a time, for at
 * most {@link #MAX_HOURS} distinct hours), and {@link TimeBucket}s per minute. When there would be more
 * than {@link #MAX_BUCKETS} buckets, their width doubles (two minutes, four, ...), so memory stays
 * bounded whatever the range. Mergeable.
 */
public final class TrafficAggregator implements Aggregator<TrafficAggregator>, java.io.Serializable {
    /** Hours with per-second counts: 120 days' worth. */
    public static final int MAX_HOURS = 24 * 120;
    /** Time buckets: two weeks of minutes. */
    public static final int MAX_BUCKETS = 20_160;

    private final Map<Long, int[]> secondsByHour = new HashMap<>();
    private long outsideSecondRange;
    private long withoutTime;
    private int bucketSeconds = 60;
    private Map<Long, TimeBucket> buckets = new HashMap<>();
    /** Requests come mostly in time order: the last hour and bucket are kept at hand. */
    private long lastHour = Long.MIN_VALUE;
    private int[] lastHourCounts;
    private long lastBucketKey = Long.MIN_VALUE;
    private TimeBucket lastBucket;

    @Override
    public void add(Request r) {
        long t = r.timeMillis();
        if (t < 0) {
            withoutTime++;
            return;
        }
        long second = Math.floorDiv(t, 1000);
        long hour = Math.floorDiv(second, 3600);
        int[] counts;
        if (hour == lastHour) {
            counts = lastHourCounts;
        } else {
            counts = secondsByHour.get(hour);
            if (counts == null && secondsByHour.size() < MAX_HOURS) {
                counts = new int[3600];
                secondsByHour.put(hour, counts);
            }
            if (counts != null) {
                lastHour = hour;
                lastHourCounts = counts;
            }
        }
        if (counts != null) {
            counts[(int) (second - hour * 3600)]++;
        } else {
            outsideSecondRange++;
        }
        long key = Math.floorDiv(second, bucketSeconds);
        if (key != lastBucketKey) {
            lastBucket = bucket(key);
            lastBucketKey = Math.floorDiv(second, bucketSeconds); // the width may have doubled
        }
        lastBucket.add(r);
    }

    private TimeBucket bucket(long key) {
        TimeBucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                coarsen(bucketSeconds * 2);
                return bucket(Math.floorDiv(key * (bucketSeconds / 2), bucketSeconds));
            }
            b = new TimeBucket();
            buckets.put(key, b);
        }
        return b;
    }

    /** Widens the buckets to {@code width} seconds (a multiple of the current width). */
    private void coarsen(int width) {
        if (width == bucketSeconds) {
            return;
        }
        Map<Long, TimeBucket> wider = new HashMap<>();
        for (Map.Entry<Long, TimeBucket> e : buckets.entrySet()) {
            long key = Math.floorDiv(e.getKey() * bucketSeconds, width);
            TimeBucket w = wider.get(key);
            if (w == null) {
                wider.put(key, e.getValue());
            } else {
                w.merge(e.getValue());
            }
        }
        buckets = wider;
        bucketSeconds = width;
        lastBucketKey = Long.MIN_VALUE;
        lastBucket = null;
    }

    @Override
    public void merge(TrafficAggregator o) {
        for (Map.Entry<Long, int[]> e : o.secondsByHour.entrySet()) {
            int[] mine = secondsByHour.get(e.getKey());
            if (mine == null) {
                if (secondsByHour.size() >= MAX_HOURS) {
                    for (int c : e.getValue()) {
                        outsideSecondRange += c;
                    }
                    continue;
                }
                mine = new int[3600];
                secondsByHour.put(e.getKey(), mine);
            }
            int[] theirs = e.getValue();
            for (int i = 0; i < 3600; i++) {
                mine[i] += theirs[i];
            }
        }
        outsideSecondRange += o.outsideSecondRange;
        withoutTime += o.withoutTime;
        lastHour = Long.MIN_VALUE;
        lastHourCounts = null;
        int width = Math.max(bucketSeconds, o.bucketSeconds);
        coarsen(width);
        Map<Long, TimeBucket> theirs = o.buckets;
        int theirWidth = o.bucketSeconds;
        for (Map.Entry<Long, TimeBucket> e : theirs.entrySet()) {
            long key = Math.floorDiv(e.getKey() * theirWidth, bucketSeconds);
            TimeBucket mine = buckets.get(key);
            if (mine == null) {
                mine = new TimeBucket();
                buckets.put(key, mine);
            }
            mine.merge(e.getValue());
        }
        while (buckets.size() > MAX_BUCKETS) {
            coarsen(bucketSeconds * 2);
        }
    }

    /** Requests in the given epoch second. */
    public int requestsAt(long epochSecond) {
        int[] c = secondsByHour.get(Math.floorDiv(epochSecond, 3600));
        return c == null ? 0 : c[(int) (epochSecond - Math.floorDiv(epochSecond, 3600) * 3600)];
    }

    /** Requests whose second could not be kept (beyond {@link #MAX_HOURS} distinct hours). */
    public long outsideSecondRange() {
        return outsideSecondRange;
    }

    /** Every second with at least one request: {epochSecond, count}, ascending. */
    public List<long[]> busySeconds() {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, int[]> e : new TreeMap<>(secondsByHour).entrySet()) {
            int[] c = e.getValue();
            long base = e.getKey() * 3600;
            for (int i = 0; i < 3600; i++) {
                if (c[i] > 0) {
                    out.add(new long[] {base + i, c[i]});
                }
            }
        }
        return out;
    }

    /**
     * The busiest kept second of each time bucket that has one, by the bucket's start (epoch second):
     * read from the kept hours only, so it costs the kept seconds, whatever the range.
     */
    public Map<Long, Integer> busiestSecondByBucket() {
        Map<Long, Integer> out = new HashMap<>();
        for (Map.Entry<Long, int[]> e : secondsByHour.entrySet()) {
            int[] c = e.getValue();
            long base = e.getKey() * 3600;
            for (int i = 0; i < 3600; i++) {
                if (c[i] > 0) {
                    out.merge(Math.floorDiv(base + i, bucketSeconds) * bucketSeconds, c[i], Math::max);
                }
            }
        }
        return out;
    }

    /** Per-second counts from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive). */
    public int[] seconds(long fromSecond, long toSecond) {
        int n = (int) Math.max(0, toSecond - fromSecond);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = requestsAt(fromSecond + i);
        }
        return out;
    }

    /** The width of a time bucket in seconds (60 unless the range was too long). */
    public int bucketSeconds() {
        return bucketSeconds;
    }

    /** Time buckets by their start (epoch second), ascending. */
    public TreeMap<Long, TimeBucket> buckets() {
        TreeMap<Long, TimeBucket> out = new TreeMap<>();
        buckets.forEach((k, v) -> out.put(k * bucketSeconds, v));
        return out;
    }
}
