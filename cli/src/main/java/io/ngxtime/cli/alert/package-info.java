/**
 * Alerts on the command line: {@code tail --alert RULE} read by {@link io.ngxtime.cli.alert.AlertRuleConverter}
 * (a bad rule is a usage error, exit 2), and {@code --on-alert CMD} run by
 * {@link io.ngxtime.cli.alert.OnAlertCommand} once per change of an alert, with the alert in its environment
 * ({@link io.ngxtime.cli.alert.AlertEnvironment}). The rules and their evaluation are the analyzer's
 * ({@code io.ngxtime.analyzer.live}); this package only reads options and runs commands.
 */
package io.ngxtime.cli.alert;
