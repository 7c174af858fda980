/**
 * What {@code ngxtime tail} does with each live frame: the terminal dashboard ({@link
 * io.ngxtime.cli.live.DashboardOutput}), the plain view appended when the output is no terminal ({@link
 * io.ngxtime.cli.live.PlainOutput}), or one JSON object per frame ({@link io.ngxtime.cli.live.JsonOutput}); and
 * the figures every one of them shows the same way (the alerts' input, the follow notices' words).
 * It uses the analyzer's live facade and the cli's render, dashboard and alert packages; the command uses it.
 */
package io.ngxtime.cli.live;
