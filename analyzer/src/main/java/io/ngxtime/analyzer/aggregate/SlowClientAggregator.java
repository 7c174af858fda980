package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;

/**
 * Slow clients: requests whose nginx/client time (request time minus upstream time) is at least
 * {@link #SLOW_MICROS}, by client network.
 */
public final class SlowClientAggregator implements Aggregator<SlowClientAggregator>, java.io.Serializable {
    /** One second spent in nginx or sending to the client. */
    public static final long SLOW_MICROS = 1_000_000;
    private long timed;
    private long slow;
    private final TopK<Void> networks = TopK.counts(500);
    private final DerivedStrings clientNetworks = DerivedStrings.networks();

    @Override
    public void add(Request r) {
        long t = r.nginxTimeMicros();
        if (t < 0) {
            return;
        }
        timed++;
        if (t >= SLOW_MICROS) {
            slow++;
            int client = r.remoteAddrSymbol();
            if (client > 0) {
                networks.add(r.symbols(), client, clientNetworks);
            } else {
                networks.add(ClientNetworks.of(r.remoteAddr()));
            }
        }
    }

    @Override
    public void merge(SlowClientAggregator o) {
        timed += o.timed;
        slow += o.slow;
        networks.merge(o.networks);
    }

    public long timed() {
        return timed;
    }

    public long slow() {
        return slow;
    }

    public TopK<Void> networks() {
        return networks;
    }
}
