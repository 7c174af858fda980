package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private static final List<LogFormat> PRESETS = List.of(Preset.TIMING.format(), Preset.COMBINED.format(),
            Preset.MAIN.format(), Preset.UPSTREAMINFO.format());

    private static List<byte[]> lines(int combined, int junk) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < junk; i++) {
            out.add(("garbage " + i).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < combined; i++) {
            out.add(("192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET /" + i + " HTTP/1.1\" 200 5 \"-\" \"curl/8\"")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aFewJunkLinesInASmallSample_doNotHideTheFormat() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, lines(6, 1), "t.log").format().name()).isEqualTo("combined");
        assertThat(FormatDetector.detect(PRESETS, lines(98, 2), "t.log").format().name()).isEqualTo("combined");
        assertThat(FormatDetector.detect(PRESETS, lines(4, 1), "t.log").parsed()).isEqualTo(4);
    }

    @Test
    void aLargeSample_needsNineInTenLines() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, lines(900, 100), "t.log").format().name()).isEqualTo("combined");
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(899, 101), "t.log"))
                .isInstanceOf(FormatDetectionException.class).hasMessageContaining("closest is 'combined'")
                .hasMessageContaining("parsed 899 of 1000");
    }

    @Test
    void mostlyJunk_isNoFit_evenWhenSmall() {
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(1, 2), "t.log"))
                .isInstanceOf(FormatDetectionException.class);
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(2, 2), "t.log"))
                .isInstanceOf(FormatDetectionException.class);
    }

    @Test
    void anEmptyInput_saysTheFormatIsAssumed() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, List.of(), "t.log").describe()).contains("assumed").doesNotContain("parsed 0");
    }
}
