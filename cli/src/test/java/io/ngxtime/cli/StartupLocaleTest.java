package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report formats its numbers without starting the JVM's locale providers (CLDR's data and resource bundles, about
 * 18 ms of the first {@code String.format} with {@code Locale.ROOT}): numbers are formatted with {@code Locale.US},
 * for which {@link java.util.Formatter} needs none ({@link io.ngxtime.charts.Figures}). One {@code Locale.ROOT} or
 * default-locale number format on the way of a report fails this test. Run in a JVM of its own, whose classes are
 * what the report alone loaded.
 */
class StartupLocaleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "report {0}")
    @ValueSource(strings = {"--text", "--json", "--csv"})
    void aReport_loadsNoLocaleProvider(String output) throws Exception {
        Path sample = Path.of(System.getProperty("ngxtime.testdata", "../testdata")).resolve("samples/timing-small.log");
        Path classes = dir.resolve("classes.txt");
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "report", sample.toString()));
        if (output.equals("--json")) {
            cmd.add("--json");
        } else if (output.equals("--csv")) {
            cmd.addAll(List.of("--csv", dir.resolve("minutes.csv").toString()));
        }
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        assertThat(out).contains("timing"); // the report was written (text and JSON both name the format)
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the report formatted numbers").anyMatch(l -> l.contains("java.util.Formatter "));
        assertThat(loaded).noneMatch(l -> l.contains("sun.util.locale.provider.LocaleProviderAdapter "));
    }
}
