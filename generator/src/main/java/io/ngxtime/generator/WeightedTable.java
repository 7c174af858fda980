package io.ngxtime.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks one of a fixed set of values with fixed relative weights in constant time (Walker's alias
 * method: one uniform draw picks a column and, by its fraction, the column's value or its alias).
 * Immutable once built.
 *
 * @param <T> the kind of value
 */
final class WeightedTable<T> {
    private final List<T> values;
    private final double[] keep;
    private final int[] alias;

    private WeightedTable(List<T> values, double[] keep, int[] alias) {
        this.values = List.copyOf(values);
        this.keep = keep;
        this.alias = alias;
    }

    /** Collects values and weights in order. */
    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T value, double weight) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + value + " must be finite and >= 0, was " + weight);
            }
            if (weight > 0) {
                values.add(value);
                weights.add(weight);
            }
            return this;
        }

        WeightedTable<T> build() {
            int n = values.size();
            if (n == 0) {
                throw new IllegalStateException("a weighted table needs at least one value with a positive weight");
            }
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int smallCount = 0;
            int largeCount = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = weights.get(i) * n / sum;
                if (scaled[i] < 1.0) {
                    small[smallCount++] = i;
                } else {
                    large[largeCount++] = i;
                }
            }
            double[] keep = new double[n];
            int[] alias = new int[n];
            while (smallCount > 0 && largeCount > 0) {
                int s = small[--smallCount];
                int l = large[--largeCount];
                keep[s] = scaled[s];
                alias[s] = l;
                scaled[l] = scaled[l] + scaled[s] - 1.0;
                if (scaled[l] < 1.0) {
                    small[smallCount++] = l;
                } else {
                    large[largeCount++] = l;
                }
            }
            while (largeCount > 0) {
                int l = large[--largeCount];
                keep[l] = 1.0;
                alias[l] = l;
            }
            while (smallCount > 0) { // only through rounding
                int s = small[--smallCount];
                keep[s] = 1.0;
                alias[s] = s;
            }
            return new WeightedTable<>(values, keep, alias);
        }
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SeededRandom rng) {
        double u = rng.nextDouble() * keep.length;
        int column = (int) u;
        return values.get(u - column < keep[column] ? column : alias[column]);
    }
}
