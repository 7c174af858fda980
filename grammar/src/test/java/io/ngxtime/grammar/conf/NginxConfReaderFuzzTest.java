package io.ngxtime.grammar.conf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ngxtime.grammar.FormatSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the nginx.conf reader. Any configuration text is read or fails with one
 * {@link FormatSyntaxException} whose message is one line with a position. A tree of files
 * that include each other (cycles, missing files, globs, directories) is read or fails with one error, a
 * {@link FormatSyntaxException} or an {@link IOException}, whose message is one line naming
 * {@code file:line:column} of the include at fault; never a stack overflow, a hang or another exception.
 *
 * <p>An input of {@link #includeTrees_readOrFailWithOneErrorNamingTheInclude} is a bundle of files, each
 * introduced by a line {@code --- NAME} (letters, digits, {@code ._-} and {@code /} for a subfolder), the
 * first being the one read (a name used again, or for a file and a folder, keeps its first use); the files are written to a fresh folder. Inputs that would reach outside it
 * ({@code ..} or an absolute path) are skipped. Every build replays the inputs under
 * {@code src/test/resources/io/ngxtime/grammar/conf/NginxConfReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class NginxConfReaderFuzzTest {
    private static final Pattern HEADER = Pattern.compile("(?m)^--- ");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    /** An absolute path or a way up, anywhere a word may start (inside quotes too). */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\.|(^|[\\s'\"{};])/");
    /** {@code file:line:column}: where an error is. */
    private static final Pattern POSITION = Pattern.compile("\\S+:\\d+:\\d+: ");
    private static Path root;
    private static int tree;

    @FuzzTest(maxDuration = "5m")
    void anyText_readsOrThrowsOneFormatSyntaxException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            NginxConfReader.parseConf(text, "fuzz.conf");
        } catch (FormatSyntaxException e) {
            assertOneLineWithPosition(e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void includeTrees_readOrFailWithOneErrorNamingTheInclude(byte[] input) throws IOException {
        String bundle = new String(input, StandardCharsets.ISO_8859_1);
        if (OUTSIDE.matcher(bundle).find()) {
            return;
        }
        Path dir = Files.createDirectories(root().resolve("t" + tree++));
        try {
            Path main = null;
            for (String file : HEADER.split(bundle)) {
                int nl = file.indexOf('\n');
                String name = nl < 0 ? file : file.substring(0, nl);
                if (!NAME.matcher(name).matches()) {
                    continue;
                }
                Path p = dir.resolve(name);
                try {
                    Files.createDirectories(p.getParent());
                    Files.write(p, nl < 0 ? new byte[0] : file.substring(nl + 1).getBytes(StandardCharsets.ISO_8859_1),
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    main = main == null ? p : main;
                } catch (IOException e) {
                    continue; // a name the bundle used twice, or for a file and a folder: the first one stands
                }
            }
            if (main != null) {
                readOrFailWithOneError(main);
            }
        } finally {
            delete(dir);
        }
    }

    private static void readOrFailWithOneError(Path main) {
        try {
            NginxConfReader.readConf(main);
        } catch (FormatSyntaxException | IOException e) {
            assertOneLineWithPosition(e.getMessage());
        }
    }

    private static void assertOneLineWithPosition(String message) {
        // other control characters are the terminal's business: the CLI's error writer escapes them
        assertThat(message).as("one line").doesNotContain("\n").doesNotContain("\r");
        assertThat(POSITION.matcher(message).lookingAt()).as("starts with file:line:column: %s", message).isTrue();
    }

    private static Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("ngxtime-conf-fuzz");
        }
        return root;
    }

    @AfterAll
    static void removeRoot() {
        if (root != null) {
            delete(root);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
