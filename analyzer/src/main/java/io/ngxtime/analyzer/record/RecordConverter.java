package io.ngxtime.analyzer.record;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;

/** Copies a parsed {@link LogRecord} into a {@link Request} (allocates the strings). */
public final class RecordConverter {
    /** The last format converted from, with what it logs (formats change rarely: once per input at most). */
    private static volatile FormatFields last;

    private record FormatFields(LogFormat format, int logged) {
    }

    private RecordConverter() {
    }

    /** The {@link Logged} set of {@code format}, remembered for the next call. */
    static int logged(LogFormat format) {
        FormatFields f = last;
        if (f == null || f.format() != format) {
            f = new FormatFields(format, Logged.of(format));
            last = f;
        }
        return f.logged();
    }

    /** Fills {@code out} from {@code r} and returns it. */
    public static Request convert(LogRecord r, Request out) {
        out.clear();
        out.logged(logged(r.format()));
        out.upstreamListsInconsistent(!r.upstreamListsConsistent());
        out.time(r.timeMillis(), r.zoneOffsetSeconds());
        out.status(r.status());
        if (r.hasRequestParts()) {
            out.request(r.method(), r.path(), r.protocol(), null);
        } else {
            out.request(null, null, null, r.request());
        }
        out.client(r.remoteAddr(), r.referer(), r.userAgent(), r.host());
        out.bytesSent(r.bodyBytesSent() >= 0 ? r.bodyBytesSent() : r.bytesSent());
        out.requestTimeMicros(r.requestTimeMicros());
        out.cacheStatus(r.cacheStatus());
        int n = r.attemptCount();
        for (int i = 0; i < n; i++) {
            out.addAttempt(r.attemptAddress(i), r.attemptStatus(i), r.attemptConnectMicros(i),
                    r.attemptHeaderMicros(i), r.attemptResponseMicros(i), r.attemptGroup(i));
        }
        return out;
    }
}
