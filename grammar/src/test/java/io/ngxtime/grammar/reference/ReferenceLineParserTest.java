package io.ngxtime.grammar.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferenceLineParserTest {
    private static ParseError diagnose(Preset p, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new ReferenceLineParser(p.format()).diagnose(b, 0, b.length);
    }

    @Test
    void diagnose_acceptedLine_isNull() {
        assertThat(diagnose(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"")).isNull();
    }

    @Test
    void diagnose_badStatus_namesColumnExpectedAndFound() {
        ParseError e = diagnose(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 2x0 0 \"-\" \"-\"");
        assertThat(e.message()).isEqualTo("expected a digit at column 60, found 'x' (in $status)");
        assertThat(e.reason()).isEqualTo("expected a digit in $status");
    }

    @Test
    void diagnose_missingUserAgent_referrerRunsToTheEndOfTheLine() {
        // free text runs until the literal that follows it (here '" "'); without it, the line ends first
        ParseError e = diagnose(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" x");
        assertThat(e.message()).isEqualTo("expected '\"' at column 70, found end of line (after $http_referer)");
    }

    @Test
    void diagnose_badMonth() {
        ParseError e = diagnose(Preset.COMBINED, "1.2.3.4 - - [10/Okt/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"");
        assertThat(e.message()).isEqualTo("expected a month name (Jan to Dec) at column 17, found 'O' (in $time_local)");
    }

    @Test
    void diagnose_controlBytesArePrintable() {
        ParseError e = diagnose(Preset.COMBINED, "\u0001\u001b[31m");
        assertThat(e.message()).doesNotContain("\u001b").doesNotContain("\u0001")
                .isEqualTo("expected an IP address (IPv4, IPv6 or unix:) at column 1, found '\\x01' (in $remote_addr)");
    }
}
