package io.ngxtime.cli;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time with its zone: ISO-8601 ({@code 2026-10-10T13:00:00+02:00}) or nginx's ({@code 10/Oct/2026:13:00:00 +0200}). */
public final class TimeArgument implements ITypeConverter<OffsetDateTime> {
    private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    @Override
    public OffsetDateTime convert(String value) {
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v, NGINX);
            } catch (DateTimeParseException e2) {
                throw new TypeConversionException("'" + value + "' is not a time with a zone: write it like "
                        + "2026-10-10T13:00:00+02:00 (or Z for UTC) or 10/Oct/2026:13:00:00 +0200");
            }
        }
    }
}
