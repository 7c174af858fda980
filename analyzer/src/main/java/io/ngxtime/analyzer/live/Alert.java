package io.ngxtime.analyzer.live;

import java.time.OffsetDateTime;

/**
 * A firing alert, as the dashboard, {@code --json} and {@code --on-alert} show it. The texts are made once here
 * so that every output says the same.
 *
 * @param rule      the rule as written ({@link AlertRule#text})
 * @param value     the measured value in the rule's unit ({@code 912.5ms}, {@code 3.41%}, {@code 4.2}, {@code 75s};
 *                  for a surge the last interval's rate against the median, {@code 4.2x}, and {@code below 3x} once
 *                  it cleared); {@code unknown: REASON} when it can no longer be measured
 * @param threshold the rule's threshold as written, with its unit ({@code 800ms}, {@code 2%}, {@code 10}; {@code 3x}
 *                  for a surge, times the median rate); the operator is in the rule
 * @param scope     the rule's scope as written ({@code tier:cache}, {@code upstream:10.0.1.3:8080}); empty for
 *                  the whole window
 * @param since     the time of the frame it fired at
 * @param severity  how loudly it is shown
 */
public record Alert(String rule, String value, String threshold, String scope, OffsetDateTime since,
                    AlertSeverity severity) {
}
