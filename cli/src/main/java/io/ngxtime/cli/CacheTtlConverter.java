package io.ngxtime.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --cache-ttl}: a time to live in whole seconds, minutes, hours or days ({@code 60s}, {@code 5m},
 * {@code 1h}, {@code 1d}; a bare number is seconds), from one second to {@value #MAX_DAYS} days; anything
 * else is a usage error (exit 2).
 */
final class CacheTtlConverter implements ITypeConverter<Duration> {
    static final int MAX_DAYS = 30;
    private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smhd]?)");

    @Override
    public Duration convert(String value) {
        Matcher m = TTL.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a time to live: write it like 60s, 5m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        if (ttl.isZero() || ttl.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new TypeConversionException("the cache TTL must be from 1s to " + MAX_DAYS + "d, not " + value);
        }
        return ttl;
    }
}
