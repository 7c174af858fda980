package io.ngxtime.cli;

import io.ngxtime.charts.ChartSize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --size WxH} into a {@link ChartSize}; a bad value is a usage error naming it. */
final class ChartSizeConverter implements ITypeConverter<ChartSize> {
    @Override
    public ChartSize convert(String value) {
        try {
            return ChartSize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
