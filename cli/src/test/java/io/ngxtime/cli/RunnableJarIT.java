package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release jar as a user runs it: {@code java -jar ngxtime-VERSION.jar ...} in a fresh JVM with no flag at all
 * (none on the command line, none from {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}), through the
 * commands that open a Chronicle queue. Chronicle needs JDK internals opened to it on Java 17; the jar's manifest
 * does that ({@code Add-Opens}, {@code Add-Exports}, docs/jvm-flags.md), and these tests fail when it stops doing so
 * (the surefire tests cannot tell: their JVM gets the flags on its command line). Run by failsafe after
 * {@code package}; the jar is {@code -Dngxtime.jar}.
 */
class RunnableJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path jar;
    private static Path sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("ngxtime.jar", "target/ngxtime.jar"));
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        sample = Path.of(System.getProperty("ngxtime.testdata", "../testdata")).resolve("samples/timing-small.log");
    }

    @Test
    void ingest_throughJavaJarWithNoFlags_fillsTheQueue() throws Exception {
        Run ingest = javaJar("ingest", "--queue", dir.resolve("queue").toString(), sample.toString());

        assertThat(ingest.exitCode).as(ingest.err).isZero();
        assertThat(ingest.out).contains("ingested 1,764 new lines (4 rejected)");
        assertNoJvmComplaint(ingest);
    }

    @Test
    void reportQueue_throughJavaJarWithNoFlags_isTheReportOfTheFile() throws Exception {
        String queue = dir.resolve("queue").toString();
        assertThat(javaJar("ingest", "--queue", queue, sample.toString()).exitCode).isZero();

        Run fromQueue = javaJar("report", "--queue", queue, "--json");
        Run fromFile = javaJar("report", sample.toString(), "--json");

        assertThat(fromQueue.exitCode).as(fromQueue.err).isZero();
        assertNoJvmComplaint(fromQueue);
        JsonNode queued = JSON.readTree(fromQueue.out);
        JsonNode read = JSON.readTree(fromFile.out);
        assertThat(queued.get("requests").asLong()).isEqualTo(1760);
        assertThat(queued.get("status")).isEqualTo(read.get("status"));
        assertThat(queued.get("requests")).isEqualTo(read.get("requests"));
    }

    @Test
    void tailQueue_throughJavaJarWithNoFlags_appendsWhatItReadsToTheQueue() throws Exception {
        String queue = dir.resolve("live").toString();

        Run tail = javaJar("tail", "--queue", queue, "--from-start", "--duration", "2", "--interval", "1", "--json",
                sample.toString());

        assertThat(tail.exitCode).as(tail.err).isZero();
        assertNoJvmComplaint(tail);
        String[] frames = tail.out.strip().split("\n");
        assertThat(JSON.readTree(frames[frames.length - 1]).get("requests_total").asLong()).isEqualTo(1760);
        Run report = javaJar("report", "--queue", queue, "--json");
        assertThat(report.exitCode).as(report.err).isZero();
        assertThat(JSON.readTree(report.out).get("requests").asLong()).isEqualTo(1760);
    }

    /** Chronicle's complaints when a flag is missing: a warning per missing export, or a stack trace. */
    private static void assertNoJvmComplaint(Run run) {
        assertThat(run.err).doesNotContainIgnoringCase("warning").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run javaJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
