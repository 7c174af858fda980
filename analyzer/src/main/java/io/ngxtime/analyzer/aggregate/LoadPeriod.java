package io.ngxtime.analyzer.aggregate;

/** One backend's attempts in one period (a minute, or longer over long logs), and their response times. Mergeable. */
final class LoadPeriod implements java.io.Serializable {
    /** Every attempt in the period, answered or not: the backend's load. */
    long attempts;
    /** Response times of the attempts that got one. */
    final QuarterOctaveHistogram responseTimes = new QuarterOctaveHistogram();

    void merge(LoadPeriod o) {
        attempts += o.attempts;
        responseTimes.merge(o.responseTimes);
    }
}
