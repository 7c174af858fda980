package io.ngxtime.grammar.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the shared peer-log folder is, and how to read it. The folder lives beside the project
 * ({@code ../shared/peer-logs} from the project root) and is never copied into it; surefire passes its
 * path as the system property {@code ngxtime.peerLogs}. Tests that need it are skipped when it is absent.
 */
public final class PeerLogs {
    static final String PROPERTY = "ngxtime.peerLogs";

    private PeerLogs() {
    }

    /** The peer folder, if it exists: the system property, else {@code ../shared/peer-logs} from the project root. */
    public static Optional<Path> root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isDirectory(p)) {
                return Optional.of(p.normalize());
            }
        }
        Path fallback = projectRoot().resolve("../shared/peer-logs").normalize();
        return Files.isDirectory(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The peer folder; skips the calling test (JUnit assumption) when it does not exist. */
    public static Path requireRoot() {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), "peer-log folder not found (system property " + PROPERTY
                + " or ../shared/peer-logs beside the project): skipping peer tests");
        return root.get();
    }

    /** The project root: the outermost directory above the working directory that still holds a pom.xml. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = dir;
        while (dir != null && Files.isRegularFile(dir.resolve("pom.xml"))) {
            root = dir;
            dir = dir.getParent();
        }
        return root;
    }

    /** The lines of a file as raw bytes, split on {@code \n} (a final empty line is not a line). */
    static List<byte[]> lines(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
