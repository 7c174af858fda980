package io.ngxtime.analyzer.report;

/** One over-represented value: its count and share during the surge, its share before, the excess. */
public record AttributionItem(String value, long duringCount, double duringShare, double beforeShare, double excessRequests) {
}
