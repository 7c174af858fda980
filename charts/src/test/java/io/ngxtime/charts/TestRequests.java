package io.ngxtime.charts;

import io.ngxtime.analyzer.record.Request;

/** Requests built in code for chart tests: a GET of a path by one client, at a time and zone offset. */
public final class TestRequests {
    private TestRequests() {
    }

    /** Clears {@code r} and makes it a GET of {@code path}; set status and times after. */
    public static Request get(Request r, long timeMillis, int offsetSeconds, String path) {
        r.clear();
        r.time(timeMillis, offsetSeconds);
        r.request("GET", path, "HTTP/1.1", null);
        r.client("192.0.2.1", "-", "t", null);
        return r;
    }
}
