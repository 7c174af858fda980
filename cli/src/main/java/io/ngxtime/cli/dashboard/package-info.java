/**
 * The live dashboard of {@code ngxtime tail} on a terminal: what one screen shows ({@link
 * io.ngxtime.cli.dashboard.DashboardState}, built by tail from each live frame), how it is laid out for the
 * terminal's size ({@link io.ngxtime.cli.dashboard.DashboardLayout}, pure and tested without a terminal),
 * and the terminal side ({@link io.ngxtime.cli.dashboard.DashboardScreen}: JLine's terminal in raw mode on
 * the alternate screen, the cursor hidden, redrawn in place by JLine's diffing {@code Display}, redrawn at
 * the new size on a resize, keys read on its own thread, the terminal restored on every way out).
 *
 * <p>Layout by priority: an 80x24 terminal always shows the header, the req/s line with a sparkline, the
 * tiers, the alerts and the file status line; a larger one adds upstreams, routes, status mix, slowest
 * routes and rejected lines, in that order, each whole or cut with "… N more". Every text from a log goes
 * through {@link io.ngxtime.cli.render.TerminalText#safe} before it reaches the screen, and every line is
 * measured in display columns (CJK and emoji take two) so none is wider than the terminal.
 *
 * <p>Colour ({@link io.ngxtime.cli.dashboard.Colouring}): tiers in the charts' colours ({@code
 * io.ngxtime.charts.Palette}, written by JLine as the nearest colour the terminal has), 5xx and alerts in
 * red and bold; none with {@code NO_COLOR}, on a dumb terminal or one with fewer than 8 colours.
 */
package io.ngxtime.cli.dashboard;
