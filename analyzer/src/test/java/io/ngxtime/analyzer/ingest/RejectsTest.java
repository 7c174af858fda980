package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.grammar.ParseError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectsTest {
    /** A queue batch keeps up to 1,200 bytes of a rejected line; the report shows what a file's report shows. */
    @Test
    void countedSample_ofALongLine_isCutAsASampleReadFromAFileIs() {
        String line = "GET /" + "x".repeat(995);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        Rejects fromFile = new Rejects();
        fromFile.add("a.log", 3, b, 0, b.length, ParseError.emptyLine());
        Rejects fromQueue = new Rejects();
        fromQueue.addCounted(1, Map.of("empty line", 1L), List.of(new LineSample("a.log", 3, "empty line", line)));
        assertThat(fromQueue.samples()).isEqualTo(fromFile.samples());
        assertThat(fromFile.samples().get(0).text()).hasSize(Rejects.SAMPLE_CHARS + 1).endsWith("x…");
    }
}
