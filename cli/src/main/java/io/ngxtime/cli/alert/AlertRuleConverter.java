package io.ngxtime.cli.alert;

import io.ngxtime.analyzer.live.AlertRule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --alert RULE} into an {@link AlertRule}; a bad rule is a usage error (exit 2) whose one line says
 * what is wrong and what is accepted.
 */
public final class AlertRuleConverter implements ITypeConverter<AlertRule> {
    @Override
    public AlertRule convert(String value) {
        try {
            return AlertRule.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
