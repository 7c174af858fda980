/**
 * The request model the aggregators read: {@link io.ngxtime.analyzer.record.Request}, its
 * {@link io.ngxtime.analyzer.record.Tier}, and the conversion from a parsed line.
 */
package io.ngxtime.analyzer.record;
