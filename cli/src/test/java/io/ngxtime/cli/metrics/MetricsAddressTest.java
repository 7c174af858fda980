package io.ngxtime.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MetricsAddressTest {
    @Test
    void parse_portAlone_servesOnLoopbackOnly() {
        assertThat(MetricsAddress.parse("9100")).isEqualTo(new MetricsAddress("127.0.0.1", 9100));
        assertThat(MetricsAddress.parse("0").port()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:9100, 127.0.0.1, 9100",
        "0.0.0.0:9100, 0.0.0.0, 9100",
        "localhost:65535, localhost, 65535",
        "[::1]:9100, ::1, 9100",
        "[::]:0, ::, 0",
        "[fe80::1%1]:9100, fe80::1%1, 9100",
    })
    void parse_hostAndPort_bracketsAroundIpv6(String value, String host, int port) {
        MetricsAddress address = MetricsAddress.parse(value);
        assertThat(address).isEqualTo(new MetricsAddress(host, port));
        assertThat(MetricsAddress.parse(address.toString())).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-1", "65536", "99999999999", "9100 ", "+80", "localhost:", ":9100",
        "::1:9100", "[::1]", "[::1]9100", "[::1:9100", "[localhost]:80", "[zz::1]:80", "host:port", "a:b:c"})
    void parse_badValue_isOneLineUsageErrorNamingIt(String value) {
        assertThatThrownBy(() -> MetricsAddress.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad metrics address '" + value + "': ")
                .hasMessageContaining("PORT, HOST:PORT or [IPv6]:PORT")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
