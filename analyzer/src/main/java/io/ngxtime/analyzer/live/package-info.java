/**
 * Live tail: a sliding window of mergeable aggregations over a followed log, refreshed per interval.
 */
package io.ngxtime.analyzer.live;
