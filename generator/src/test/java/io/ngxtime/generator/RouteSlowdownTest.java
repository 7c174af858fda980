package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSlowdownTest {

    /** What a line was made of: its target, and every time it logs. */
    private record Timed(String target, long[] times) {
    }

    private static List<Timed> lines(GeneratorConfig config) throws IOException {
        List<Timed> lines = new ArrayList<>();
        LogGenerator.generate(config, new ByteArrayOutputStream(), (line, from, to, r, malformed) -> {
            if (r == null) {
                return;
            }
            long[] times = new long[1 + 3 * r.attemptCount];
            times[0] = r.requestTimeMillis;
            for (int i = 0; i < r.attemptCount; i++) {
                times[1 + 3 * i] = r.attemptConnectMillis[i];
                times[2 + 3 * i] = r.attemptHeaderMillis[i];
                times[3 + 3 * i] = r.attemptResponseMillis[i];
            }
            lines.add(new Timed(r.hasRawRequest ? "" : new String(r.target.bytes(), 0, r.target.length(),
                    StandardCharsets.ISO_8859_1), times));
        });
        return lines;
    }

    @Test
    void slowdown_sameSeed_multipliesEveryTimeOfTheRouteOnly_andKeepsTheRequests() throws IOException {
        GeneratorConfig before = TestFormats.hour(Preset.TIMING.format(), 11);
        GeneratorConfig after = before.withSlowdowns(List.of(RouteSlowdown.parse("/api/users/=3")));
        List<Timed> a = lines(before);
        List<Timed> b = lines(after);
        assertThat(b).hasSameSizeAs(a);
        int slowed = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).target()).isEqualTo(a.get(i).target());
            long[] expected = a.get(i).times().clone();
            if (a.get(i).target().startsWith("/api/users/")) {
                slowed++;
                for (int k = 0; k < expected.length; k++) {
                    expected[k] = expected[k] < 0 ? expected[k] : expected[k] * 3;
                }
            }
            assertThat(b.get(i).times()).as("line %d %s: %s", i, a.get(i).target(), Arrays.toString(a.get(i).times()))
                    .isEqualTo(expected);
        }
        assertThat(slowed).as("the route is in an hour's log").isGreaterThan(20);
    }

    @Test
    void noSlowdown_sameBytesAsBefore() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.TIMING.format(), 11);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        LogGenerator.generate(c, plain);
        LogGenerator.generate(c.withSlowdowns(List.of(RouteSlowdown.parse("/nowhere/=5"))), none);
        assertThat(none.toByteArray()).isEqualTo(plain.toByteArray());
    }

    @Test
    void parse_readsPrefixAndFactor_andRejectsWhatIsNot() {
        assertThat(RouteSlowdown.parse("/a=b/=0.5")).isEqualTo(new RouteSlowdown("/a=b/", 0.5));
        assertThatThrownBy(() -> RouteSlowdown.parse("/api")).hasMessageContaining("PATH_PREFIX=FACTOR");
        assertThatThrownBy(() -> RouteSlowdown.parse("/api=x")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> RouteSlowdown.parse("api=2")).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> RouteSlowdown.parse("/api=0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> RouteSlowdown.parse("/api=NaN")).hasMessageContaining("NaN");
    }
}
