package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass IPv4 reading agrees with its definition: the run an address could span, when that run is IPv4. */
class AddressSyntaxTest {
    /** What {@link AddressSyntax#ipv4End} promises, from the two slower readings it stands for. */
    private static int expectedIpv4End(byte[] b, int p, int to) {
        int run = AddressSyntax.runEnd(b, p, to);
        return AddressSyntax.isIpv4(b, p, run) ? run : -1;
    }

    @Test
    void ipv4End_isTheRunWhenTheRunIsIpv4_onRandomTextOfAddressCharacters() {
        Random random = new Random(4);
        byte[] alphabet = "0123456789012345....::af x\"2559".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 300_000; i++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int k = 0; k < b.length; k++) {
                b[k] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(AddressSyntax.ipv4End(b, from, to)).as("'%s' [%d, %d)", new String(b, StandardCharsets.US_ASCII), from, to)
                    .isEqualTo(expectedIpv4End(b, from, to));
        }
    }

    @Test
    void ipv4End_examples() {
        assertThat(end("192.168.0.1 - -")).isEqualTo(11);
        assertThat(end("0.0.0.0")).isEqualTo(7);
        assertThat(end("255.255.255.255,")).isEqualTo(15);
        assertThat(end("256.1.1.1 ")).isEqualTo(-1);
        assertThat(end("1.2.3 ")).isEqualTo(-1);
        assertThat(end("1.2.3.4.5 ")).as("a fifth group").isEqualTo(-1);
        assertThat(end("1.2.3.4:80")).as("a port: not the address alone").isEqualTo(-1);
        assertThat(end("1.2.3.1234 ")).as("four digits").isEqualTo(-1);
        assertThat(end("1..2.3 ")).isEqualTo(-1);
        assertThat(end("::ffff:1.2.3.4 ")).as("IPv6").isEqualTo(-1);
    }

    private static int end(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return AddressSyntax.ipv4End(b, 0, b.length);
    }
}
