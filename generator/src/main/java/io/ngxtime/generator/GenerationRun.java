package io.ngxtime.generator;

import io.ngxtime.grammar.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One run of the generator: walks the log second by second, draws Poisson arrivals at each second's
 * rate, makes, renders and counts each request, and slips the planned lines in at their times.
 *
 * <p>Independent random streams (derived from the seed) drive the plan, the arrival times, the requests,
 * the odd lines and the malformed lines, so that changing the number of malformed lines changes nothing
 * else.
 */
final class GenerationRun {
    private static final long STREAM_PLAN = 1;
    private static final long STREAM_ARRIVALS = 2;
    private static final long STREAM_REQUESTS = 3;
    private static final long STREAM_ODD = 4;
    private static final long STREAM_MALFORMED = 5;
    private static final int FLUSH_BYTES = 1 << 16;

    private final GeneratorConfig config;
    private final OutputStream out;
    private final LineListener listener;
    private final LineBuffer buffer = new LineBuffer(FLUSH_BYTES + 8192);
    private final GeneratedRequest request = new GeneratedRequest();
    private final RequestSampler sampler;
    private final LineRenderer renderer;
    private final MalformedLineWriter malformedWriter;
    private final TrafficPlan plan;
    private final GroundTruthRecorder recorder;
    private final SeededRandom arrivals;
    private final SeededRandom requests;
    private final SeededRandom odd;
    private final SeededRandom malformed;
    private final long startMillis;
    private final boolean quotesAllowed;
    private int nextPlanned;

    GenerationRun(GeneratorConfig config, OutputStream out, LineListener listener) {
        this.config = config;
        this.out = out;
        this.listener = listener;
        this.sampler = new RequestSampler(config.saturation());
        int offset = config.zoneOffset().getTotalSeconds();
        this.renderer = new LineRenderer(config.format(), offset);
        this.malformedWriter = new MalformedLineWriter(renderer, sampler, offset);
        this.plan = TrafficPlan.of(config, SeededRandom.stream(config.seed(), STREAM_PLAN),
                malformedWriter.applicableKinds());
        this.recorder = new GroundTruthRecorder(config.startMillis(), config.durationSeconds(),
                plan.model().crowds().size());
        this.arrivals = SeededRandom.stream(config.seed(), STREAM_ARRIVALS);
        this.requests = SeededRandom.stream(config.seed(), STREAM_REQUESTS);
        this.odd = SeededRandom.stream(config.seed(), STREAM_ODD);
        this.malformed = SeededRandom.stream(config.seed(), STREAM_MALFORMED);
        this.startMillis = config.startMillis();
        // with escape=none a quote inside a value would end the quoted field: keep them out
        this.quotesAllowed = config.format().escape() != Escape.NONE;
    }

    GroundTruth run() throws IOException {
        TrafficModel model = plan.model();
        int duration = config.durationSeconds();
        for (int s = 0; s < duration; s++) {
            CrowdPlan crowd = model.crowdAt(s);
            double load = crowd == null ? 1.0 : crowd.loadFactor(s);
            double spikeRate = model.spikeRate(s);
            double rate = model.baseRate(s) * load + spikeRate;
            double spikeShare = spikeRate / rate;
            double t = 0;
            while (true) {
                t += arrivals.exponential() / rate;
                if (t >= 1.0) {
                    break;
                }
                long offsetMillis = s * 1000L + (long) (t * 1000);
                writePlannedUpTo(offsetMillis);
                boolean spike = spikeShare > 0 && requests.chance(spikeShare);
                sampler.sample(request, requests, startMillis + offsetMillis, load, crowd, spike);
                writeRequest();
            }
        }
        writePlannedUpTo(Long.MAX_VALUE);
        flush();
        List<CrowdPlan> crowds = model.crowds();
        GroundTruth.Settings settings = new GroundTruth.Settings(config.format().name(), config.format().text(),
                config.seed(), config.start(), duration, config.baseRatePerSecond(), config.peaks(),
                config.malformedPerMillion(), config.oddLinesPerMillion());
        return recorder.finish(settings, crowds, model.spike());
    }

    private void writePlannedUpTo(long offsetMillis) throws IOException {
        List<PlannedLine> lines = plan.plannedLines();
        while (nextPlanned < lines.size() && lines.get(nextPlanned).offsetMillis() <= offsetMillis) {
            PlannedLine p = lines.get(nextPlanned++);
            long time = startMillis + p.offsetMillis();
            if (p.odd() != null) {
                sampler.sampleOdd(request, odd, time, p.odd(), quotesAllowed);
                writeRequest();
            } else {
                int from = buffer.length();
                malformedWriter.write(p.malformed(), buffer, malformed, time);
                listener.line(buffer.bytes(), from, buffer.length(), null, p.malformed());
                buffer.append('\n');
                recorder.malformed(p.malformed());
                flushIfFull();
            }
        }
    }

    private void writeRequest() throws IOException {
        RouteSlowdown.apply(config.slowdowns(), request);
        int from = buffer.length();
        renderer.render(request, buffer);
        listener.line(buffer.bytes(), from, buffer.length(), request, null);
        buffer.append('\n');
        recorder.request(request);
        flushIfFull();
    }

    private void flushIfFull() throws IOException {
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.writeTo(out);
        buffer.clear();
    }
}
