package io.ngxtime.analyzer.testutil;

import io.ngxtime.analyzer.record.Request;

/** Requests built in code for aggregation tests: a GET of a path by one client, at a time in UTC. */
public final class TestRequests {
    private TestRequests() {
    }

    /** Clears {@code r} and makes it a GET of {@code path} at {@code timeMillis}; set status and times after. */
    public static Request get(Request r, long timeMillis, String path) {
        r.clear();
        r.time(timeMillis, 0);
        r.request("GET", path, "HTTP/1.1", null);
        r.client("192.0.2.1", "-", "t", null);
        return r;
    }
}
