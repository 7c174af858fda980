/**
 * The self-contained HTML report: {@link io.ngxtime.charts.html.HtmlReportWriter} writes one page with
 * inline SVG charts and its own CSS, referring to nothing outside it; every string from a log line is
 * escaped for the context it lands in. {@link io.ngxtime.charts.html.CompareHtmlWriter} writes two runs'
 * comparison ({@code ngxtime compare --html}) the same way, in the same style.
 */
package io.ngxtime.charts.html;
