package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing archive ({@code ./ngxtime}, docs/performance.md): written once, really
 * mapped, written again when the jar is newer, and never in the way of a run when it cannot be written.
 *
 * <p>The real launcher script runs in a checkout of its own: a temporary directory with the script and a
 * small jar made here in place of {@code cli/target/ngxtime.jar} (no sources beside it, so the launcher
 * never rebuilds it). The jar's main prints a line; its {@code io.ngxtime.cli.StartupTraining} notes each
 * training run in a file, and fails when asked to; the jar's main runs it when {@code ngxtime.startupTraining} is set,
 * as io.ngxtime.cli.Main does. {@code -Xshare:on} makes the JVM refuse to start unless
 * it maps the archive it is given, so a run that succeeds with it proves the archive is used.
 */
class LauncherArchiveTest {
    private static final String MAIN = """
            package fixture;
            public class Main {
                public static void main(String[] args) throws Exception {
                    if (Boolean.getBoolean("ngxtime.startupTraining")) { // as io.ngxtime.cli.Main does
                        io.ngxtime.cli.StartupTraining.main(args);
                        return;
                    }
                    System.out.println(line(args));
                }

                public static String line(String[] args) {
                    return "ran " + String.join(" ", args);
                }
            }
            """;
    private static final String TRAINING = """
            package io.ngxtime.cli;
            public class StartupTraining {
                public static void main(String[] args) throws Exception {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("TRAINING_LOG")), "trained\\n",
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    System.out.println(fixture.Main.line(new String[] {"training"}));
                    if (System.getenv("TRAINING_SLOW") != null) { // a training that takes a minute
                        Thread.sleep(60_000);
                    }
                    if (System.getenv("TRAINING_INTERRUPTED") != null) { // Ctrl-C: SIGINT to the whole process group
                        new ProcessBuilder("sh", "-c", "kill -INT 0").start().waitFor();
                        Thread.sleep(60_000);
                    }
                    System.exit(System.getenv("TRAINING_FAILS") == null ? 0 : 1);
                }
            }
            """;

    @TempDir
    Path tmp;
    private Path checkout;
    private Path target;
    private Path jar;
    private Path trainingLog;

    @BeforeEach
    void checkoutWithAFixtureJar() throws IOException {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        target = Files.createDirectories(checkout.resolve("cli/target"));
        Path root = SampleGoldenTest.samples().getParent().getParent();
        Files.copy(root.resolve("ngxtime"), checkout.resolve("ngxtime"));
        jar = target.resolve("ngxtime.jar");
        fixtureJar(jar);
        trainingLog = tmp.resolve("training.log");
    }

    @Test
    void firstRun_writesAnArchive_thatTheJvmMaps() throws Exception {
        assertThat(launch(Map.of("NGXTIME_JAVA_OPTS", "-Xshare:on"), "report", "x")).isEqualTo("ran report x\n");

        assertThat(archives()).hasSize(1);
        assertThat(trainings()).isEqualTo(1);
        // the second run maps the same archive and trains no more
        assertThat(launch(Map.of("NGXTIME_JAVA_OPTS", "-Xshare:on"), "report", "y")).isEqualTo("ran report y\n");
        assertThat(trainings()).isEqualTo(1);
    }

    @Test
    void archiveOlderThanTheJar_isWrittenAgain() throws Exception {
        Map<String, String> shareOn = Map.of("NGXTIME_JAVA_OPTS", "-Xshare:on");
        launch(shareOn);
        Path archive = archives().get(0);
        fixtureJar(jar); // another jar (its time differs): the JVM would refuse the old archive
        FileTime jarTime = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis() - 60_000));

        // with -Xshare:on an archive made for another jar stops the JVM: this run must not be given one
        assertThat(launch(shareOn).trim()).isEqualTo("ran");
        assertThat(trainings()).isEqualTo(2);
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(jarTime);
    }

    @Test
    void otherJvmFlags_getAnArchiveOfTheirOwn() throws Exception {
        launch(Map.of());
        launch(Map.of("NGXTIME_JAVA_OPTS", "-Xshare:on -XX:+UseSerialGC"));

        assertThat(archives()).hasSize(2);
        assertThat(trainings()).isEqualTo(2);
    }

    @Test
    void trainingFails_theRunGoesOnWithoutAnArchive_andLaterRunsDoNotRetry() throws Exception {
        Map<String, String> env = Map.of("TRAINING_FAILS", "1");
        assertThat(launch(env, "report")).isEqualTo("ran report\n");
        assertThat(launch(env, "report")).isEqualTo("ran report\n");

        assertThat(archives()).isEmpty();
        assertThat(trainings()).isEqualTo(1);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".classes"));
        }
    }

    @Test
    void ctrlCWhileTraining_stopsTheRun_leavingNoMarkerNorTemporaryFiles_andTheNextRunTrainsAgain() throws Exception {
        // a terminal's Ctrl-C reaches the launcher and the training JVM alike: the run stops there, as it would in
        // the command itself, and the archive, which could be written, is written by the next run
        Process p = start(Map.of("TRAINING_INTERRUPTED", "1"), List.of("setsid"), "report", "x");
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", Files.readString(tmp.resolve("err"))).isEqualTo(130);
        assertThat(Files.readString(tmp.resolve("out"))).as("the command after the training").doesNotContain("ran report");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ngxtime.jar");
        }

        assertThat(launch(Map.of("NGXTIME_JAVA_OPTS", "-Xshare:on"), "report", "y")).isEqualTo("ran report y\n");
        assertThat(archives()).hasSize(1);
        assertThat(trainings()).isEqualTo(2);
    }

    @Test
    void sigtermToTheLauncherAloneWhileTraining_stopsTheTrainingAndTheRunAtOnce() throws Exception {
        // what a process manager does (kill PID, supervisord): the launcher passes the stop on, it does not wait a
        // minute for its child to finish first
        Process p = start(Map.of("TRAINING_SLOW", "1"), List.of(), "report", "x");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (trainings() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> children = p.descendants().toList();
        assertThat(children).as("the training JVM").isNotEmpty();
        long signalled = System.nanoTime();
        p.destroy(); // SIGTERM, to the launcher's process only

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled)).as("seconds to stop").isLessThan(20);
        assertThat(p.exitValue()).isEqualTo(143);
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(Files.readString(tmp.resolve("out"))).doesNotContain("ran report");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ngxtime.jar");
        }
    }

    @Test
    void temporaryFilesOfALauncherKilledWhileWriting_goWithTheNextTraining() throws Exception {
        launch(Map.of());
        Path archive = archives().get(0);
        // kill -9 leaves these, named by the launcher's process id: none runs with this one
        Path deadTmp = Files.writeString(Path.of(archive + ".2147483646.tmp"), "half an archive");
        Path deadClasses = Files.writeString(Path.of(archive + ".2147483646.tmp.classes"), "java/lang/Object\n");
        fixtureJar(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 60_000));
        Files.setLastModifiedTime(deadTmp, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Files.setLastModifiedTime(deadClasses, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        launch(Map.of());
        assertThat(trainings()).isEqualTo(2);
        assertThat(deadTmp).doesNotExist();
        assertThat(deadClasses).doesNotExist();
    }

    @Test
    void cdsOff_writesNoArchive() throws Exception {
        assertThat(launch(Map.of("NGXTIME_CDS", "off"), "report")).isEqualTo("ran report\n");

        assertThat(archives()).isEmpty();
        assertThat(trainings()).isZero();
    }

    /** Runs the launcher with {@code env} added; returns its standard output, after asserting exit 0. */
    private String launch(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, List.of(), args);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("exit of the launcher; stderr: %s", Files.readString(tmp.resolve("err"))).isZero();
        return Files.readString(tmp.resolve("out"));
    }

    /** Starts the launcher under {@code wrapper} (a command it runs through, or none), its output to "out" and "err". */
    private Process start(Map<String, String> env, List<String> wrapper, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Stream.of(wrapper.stream(), Stream.of("bash", checkout.resolve("ngxtime").toString()),
                Stream.of(args)).flatMap(s -> s).toList());
        // the java of this test run first: the launcher takes java from PATH
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("NGXTIME_JAVA_OPTS");
        pb.environment().remove("NGXTIME_CDS");
        pb.environment().put("TRAINING_LOG", trainingLog.toString());
        pb.environment().putAll(env);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    private long trainings() throws IOException {
        return Files.exists(trainingLog) ? Files.readAllLines(trainingLog).size() : 0;
    }

    /** A jar of {@link #MAIN} (its main class) and {@link #TRAINING}, compiled here. */
    private void fixtureJar(Path jarFile) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path main = Files.writeString(Files.createDirectories(src.resolve("fixture")).resolve("Main.java"), MAIN);
        Path training = Files.writeString(Files.createDirectories(src.resolve("io/ngxtime/cli")).resolve("StartupTraining.java"),
                TRAINING);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), main.toString(), training.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "fixture.Main");
        try (OutputStream os = Files.newOutputStream(jarFile); JarOutputStream jos = new JarOutputStream(os, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
        assertThat(new String(Files.readAllBytes(jarFile), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }
}
