package io.ngxtime.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the flash crowds, the spike and the planned lines of one log. Deterministic for a
 * configuration. Flash crowds go in the daytime (09:00 to 21:00 local) when they can, at least half an
 * hour apart; the spike goes in the daytime outside any crowd.
 */
final class TrafficPlan {
    private static final int MIN_CROWD_SECONDS = 300;
    private static final int MAX_CROWD_SECONDS = 1200;
    private static final int TRIES = 400;

    private final TrafficModel model;
    private final List<PlannedLine> plannedLines;

    private TrafficPlan(TrafficModel model, List<PlannedLine> plannedLines) {
        this.model = model;
        this.plannedLines = plannedLines;
    }

    TrafficModel model() {
        return model;
    }

    /** Planned lines in time order. */
    List<PlannedLine> plannedLines() {
        return plannedLines;
    }

    /**
     * Plans the log of {@code config}.
     *
     * @param malformedKinds the malformed kinds the format can be given
     */
    static TrafficPlan of(GeneratorConfig config, SeededRandom rng, List<MalformedKind> malformedKinds) {
        int duration = config.durationSeconds();
        TrafficModel shape = new TrafficModel(config, List.of(), null);
        List<CrowdPlan> crowds = crowds(config, rng, shape);
        SpikePlan spike = config.spike() ? spike(config, rng, shape, crowds) : null;
        TrafficModel model = new TrafficModel(config, crowds, spike);
        double expected = model.expectedRequests();

        List<PlannedLine> lines = new ArrayList<>();
        long durationMillis = duration * 1000L;
        if (config.oddLinesPerMillion() > 0) {
            OddLine[] kinds = OddLine.values();
            long n = Math.max(kinds.length, Math.round(expected * config.oddLinesPerMillion() / 1e6));
            for (long i = 0; i < n; i++) {
                OddLine kind = i < kinds.length ? kinds[(int) i] : kinds[rng.nextInt(kinds.length)];
                lines.add(new PlannedLine(offset(rng, durationMillis), kind, null));
            }
        }
        if (config.malformedPerMillion() > 0 && !malformedKinds.isEmpty()) {
            int k = malformedKinds.size();
            long n = Math.max(k, Math.round(expected * config.malformedPerMillion() / 1e6));
            for (long i = 0; i < n; i++) {
                MalformedKind kind = i < k ? malformedKinds.get((int) i) : malformedKinds.get(rng.nextInt(k));
                lines.add(new PlannedLine(offset(rng, durationMillis), null, kind));
            }
        }
        lines.sort(Comparator.comparingLong(PlannedLine::offsetMillis)); // stable: ties keep their order
        return new TrafficPlan(model, List.copyOf(lines));
    }

    private static long offset(SeededRandom rng, long durationMillis) {
        return (long) (rng.nextDouble() * durationMillis);
    }

    private static boolean daytime(TrafficModel shape, int second) {
        double h = shape.localHour(second);
        return h >= 9 && h < 21;
    }

    private static List<CrowdPlan> crowds(GeneratorConfig config, SeededRandom rng, TrafficModel shape) {
        int duration = config.durationSeconds();
        List<int[]> placed = new ArrayList<>(); // {start, length}
        List<Double> multipliers = new ArrayList<>();
        for (int i = 0; i < config.peaks(); i++) {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                int length = rng.between(MIN_CROWD_SECONDS, MAX_CROWD_SECONDS);
                double multiplier = Math.round(rng.uniform(5.0, 10.0) * 100) / 100.0;
                if (length + 120 > duration) {
                    break;
                }
                int start = 60 + rng.nextInt(duration - length - 60);
                if (attempt < TRIES / 2 && !daytime(shape, start)) {
                    continue;
                }
                int gap = attempt < TRIES * 3 / 4 ? 1800 : 60;
                boolean clear = true;
                for (int[] p : placed) {
                    clear &= start + length + gap <= p[0] || p[0] + p[1] + gap <= start;
                }
                if (clear) {
                    placed.add(new int[] {start, length});
                    multipliers.add(multiplier);
                    break;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> placed.get(i)[0]));
        List<CrowdPlan> crowds = new ArrayList<>();
        ClientPool clients = new ClientPool();
        for (int index = 0; index < order.size(); index++) {
            int[] p = placed.get(order.get(index));
            String network = new String(clients.crowdNetwork(index), java.nio.charset.StandardCharsets.US_ASCII);
            int promoId = index == 0 ? 4711 : rng.between(4000, 4999);
            crowds.add(new CrowdPlan(index, p[0], p[1], multipliers.get(order.get(index)), promoId, network));
        }
        return crowds;
    }

    private static SpikePlan spike(GeneratorConfig config, SeededRandom rng, TrafficModel shape, List<CrowdPlan> crowds) {
        int duration = config.durationSeconds();
        int extra = (int) Math.max(60, Math.round(40 * config.baseRatePerSecond()));
        int second = rng.nextInt(duration);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int candidate = rng.nextInt(duration);
            boolean clear = true;
            for (CrowdPlan c : crowds) {
                clear &= candidate < c.startSecond() - 300 || candidate >= c.endSecond() + 300;
            }
            if (clear && (attempt >= TRIES / 2 || daytime(shape, candidate))) {
                second = candidate;
                break;
            }
        }
        return new SpikePlan(second, extra);
    }
}
