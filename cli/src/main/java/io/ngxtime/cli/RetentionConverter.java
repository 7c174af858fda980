package io.ngxtime.cli;

import io.ngxtime.analyzer.queue.Retention;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --retain}: an age or a size ({@link Retention#parse}); a bad one is a usage error (exit 2). */
final class RetentionConverter implements ITypeConverter<Retention> {
    @Override
    public Retention convert(String value) {
        try {
            return Retention.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
