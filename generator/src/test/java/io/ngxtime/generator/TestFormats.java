package io.ngxtime.generator;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.PositionMap;
import io.ngxtime.grammar.Preset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Formats and configurations the tests share. */
final class TestFormats {
    private TestFormats() {
    }

    /** A JSON access log as people write them, with {@code escape=json}. */
    static final LogFormat JSON = LogFormats.compile("json", Escape.JSON,
            "{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\",\"request\":\"$request\","
                    + "\"status\":$status,\"bytes\":$body_bytes_sent,\"request_time\":$request_time,"
                    + "\"upstream_addr\":\"$upstream_addr\",\"upstream_status\":\"$upstream_status\","
                    + "\"upstream_connect_time\":\"$upstream_connect_time\","
                    + "\"upstream_header_time\":\"$upstream_header_time\","
                    + "\"upstream_response_time\":\"$upstream_response_time\","
                    + "\"upstream_response_length\":\"$upstream_response_length\","
                    + "\"cache\":\"$upstream_cache_status\",\"referer\":\"$http_referer\","
                    + "\"agent\":\"$http_user_agent\",\"request_id\":\"$request_id\",\"host\":\"$host\"}",
            PositionMap.singleLine("test json format"));

    /** {@code combined} with {@code escape=none}. */
    static final LogFormat COMBINED_UNESCAPED = LogFormats.compile("combined_none", Escape.NONE,
            Preset.COMBINED.formatText(), PositionMap.singleLine("test none format"));

    /** A custom format: ISO time first, tab-separated, with variables the generator does not model. */
    static final LogFormat CUSTOM = LogFormats.compile("custom", Escape.DEFAULT,
            "$time_iso8601\t$remote_addr\t$request_method $request_uri $server_protocol\t$status\t$bytes_sent\t"
                    + "$request_length\t$request_time\t$upstream_addr\t$upstream_response_time\t$gzip_ratio\t"
                    + "\"$http_x_forwarded_for\"\t$host",
            PositionMap.singleLine("test custom format"));

    /** Every preset plus the JSON, unescaped and custom formats. */
    static List<LogFormat> all() {
        List<LogFormat> all = new ArrayList<>(LogFormats.presets());
        all.add(JSON);
        all.add(COMBINED_UNESCAPED);
        all.add(CUSTOM);
        return all;
    }

    /** A busy hour on a weekday afternoon with one flash crowd: small, fast, and has everything. */
    static GeneratorConfig hour(LogFormat format, long seed) {
        return GeneratorConfig.defaults().withFormat(format).withSeed(seed)
                .withStart(OffsetDateTime.parse("2026-10-07T14:00:00-07:00")).withDuration(Duration.ofHours(1))
                .withBaseRatePerSecond(0.5).withPeaks(1);
    }
}
