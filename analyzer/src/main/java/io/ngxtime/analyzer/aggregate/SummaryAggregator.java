package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Summary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Requests, requests by status, and the first and last time, each kept in the zone it was logged in. */
public final class SummaryAggregator implements Aggregator<SummaryAggregator>, java.io.Serializable {
    private long requests;
    private final long[] byStatus = new long[1000];
    private long otherStatus;
    private long firstMillis = Long.MAX_VALUE;
    private int firstOffset;
    private long lastMillis = Long.MIN_VALUE;
    private int lastOffset;
    private long withoutTime;
    private long withoutStatus;

    @Override
    public void add(Request r) {
        requests++;
        int s = r.status();
        if (!r.logs(Logged.STATUS) || s < 0) {
            withoutStatus++;
        } else if (s < byStatus.length) {
            byStatus[s]++;
        } else {
            otherStatus++;
        }
        long t = r.timeMillis();
        if (t < 0) {
            withoutTime++;
            return;
        }
        if (t < firstMillis) {
            firstMillis = t;
            firstOffset = r.offsetSeconds();
        }
        if (t > lastMillis) {
            lastMillis = t;
            lastOffset = r.offsetSeconds();
        }
    }

    @Override
    public void merge(SummaryAggregator o) {
        requests += o.requests;
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] += o.byStatus[i];
        }
        otherStatus += o.otherStatus;
        withoutTime += o.withoutTime;
        withoutStatus += o.withoutStatus;
        if (o.firstMillis < firstMillis) {
            firstMillis = o.firstMillis;
            firstOffset = o.firstOffset;
        }
        if (o.lastMillis > lastMillis) {
            lastMillis = o.lastMillis;
            lastOffset = o.lastOffset;
        }
    }

    public long requests() {
        return requests;
    }

    /** Epoch milliseconds of the earliest request, or -1. */
    public long firstMillis() {
        return requests - withoutTime > 0 ? firstMillis : -1;
    }

    /** Epoch milliseconds of the latest request, or -1. */
    public long lastMillis() {
        return requests - withoutTime > 0 ? lastMillis : -1;
    }

    /** The zone offset of the latest request, seconds east of UTC. */
    public int lastOffsetSeconds() {
        return lastOffset;
    }

    /** The zone offset of the earliest request. */
    public int firstOffsetSeconds() {
        return firstOffset;
    }

    /** The immutable summary. */
    public Summary summary() {
        Map<Integer, Long> status = new TreeMap<>();
        for (int i = 0; i < byStatus.length; i++) {
            if (byStatus[i] > 0) {
                status.put(i, byStatus[i]);
            }
        }
        if (otherStatus > 0) {
            status.put(-1, otherStatus);
        }
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        if (requests - withoutTime > 0) {
            first = Instant.ofEpochMilli(firstMillis).atOffset(ZoneOffset.ofTotalSeconds(firstOffset));
            last = Instant.ofEpochMilli(lastMillis).atOffset(ZoneOffset.ofTotalSeconds(lastOffset));
        }
        return new Summary(requests, status, first, last, withoutTime, withoutStatus);
    }
}
