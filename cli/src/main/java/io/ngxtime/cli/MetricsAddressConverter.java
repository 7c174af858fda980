package io.ngxtime.cli;

import io.ngxtime.cli.metrics.MetricsAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --metrics}: {@link MetricsAddress#parse}; a bad one is a usage error (exit 2). */
final class MetricsAddressConverter implements ITypeConverter<MetricsAddress> {
    @Override
    public MetricsAddress convert(String value) {
        try {
            return MetricsAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
