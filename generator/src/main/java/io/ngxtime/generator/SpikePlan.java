package io.ngxtime.generator;

/**
 * The single very busy second: {@code extraRequests} more requests than usual, all in second
 * {@code second} (counted from the log's start), from one script hammering {@code /api/catalog}.
 */
record SpikePlan(int second, int extraRequests) {
}
