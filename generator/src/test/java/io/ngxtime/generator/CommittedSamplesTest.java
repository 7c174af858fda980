package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed samples are exactly what the generator makes for their documented settings. With
 * {@code -Dngxtime.regenerateSamples=true} the test writes them instead (see samples/README.md).
 */
class CommittedSamplesTest {

    /** testdata/samples: from the build's system property, else beside this module (surefire runs in the module directory). */
    static Path samplesDir() {
        String testdata = System.getProperty("ngxtime.testdata");
        if (testdata != null && Files.isDirectory(Path.of(testdata, "samples"))) {
            return Path.of(testdata, "samples");
        }
        return Path.of("../testdata/samples");
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void sample_isWhatTheGeneratorMakes(Sample sample) throws IOException {
        Path dir = samplesDir();
        if (Boolean.getBoolean("ngxtime.regenerateSamples")) {
            sample.writeTo(dir);
        }
        ByteArrayOutputStream regenerated = new ByteArrayOutputStream();
        GroundTruth truth = LogGenerator.generate(sample.config(), regenerated);

        byte[] committed;
        try (InputStream raw = Files.newInputStream(dir.resolve(sample.fileName()));
             InputStream in = sample.gzip() ? new GZIPInputStream(raw) : raw) {
            committed = in.readAllBytes();
        }
        // compare the content (gzip bytes depend on the zlib version)
        assertThat(committed.length).isEqualTo(regenerated.size());
        assertThat(Arrays.equals(committed, regenerated.toByteArray())).as(sample.fileName()).isTrue();
        assertThat(Files.readString(dir.resolve(sample.expectedFileName()))).isEqualTo(truth.toJson());
    }
}
