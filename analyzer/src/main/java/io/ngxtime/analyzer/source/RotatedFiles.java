package io.ngxtime.analyzer.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rotated files of a log: the files next to it that logrotate, savelog or a date-stamping rotation
 * made of it. For {@code access.log}, in its directory: {@code access.log.1}, {@code access.log.2.gz}
 * (numbered, plain or compressed: delaycompress leaves {@code .1} plain), {@code access.log-20261205} and
 * {@code access.log-20261205.gz} (logrotate's dateext), {@code access.log.2026-12-05}; compressed by
 * gzip, bzip2, xz or zstd. The suffix after the log's name starts with {@code .}, {@code -} or {@code _}
 * and a digit, and holds only digits and {@code . - _ : T} (a date and time), so {@code access.log.bak},
 * {@code access.log-old} or {@code access.log.1.bak} are not taken. Rotated files that
 * logrotate moved to another directory ({@code olddir}) are not found.
 */
public final class RotatedFiles {
    private static final Pattern COMPRESSED_SUFFIX = Pattern.compile("\\.(gz|bz2|xz|zst)$");

    private RotatedFiles() {
    }

    /** A rotated file, with when it was last written and whether its name says it is compressed. */
    public record Rotated(Path path, FileTime lastModified, boolean compressed) {
    }

    /**
     * The rotated files of {@code log} now, oldest first: by last-modified time (logrotate's rename, and
     * gzip, bzip2, xz and zstd keep it), then by rotation number (higher is older), then by name. Empty
     * when the directory is missing. Files that disappear while listed are left out.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static List<Rotated> of(Path log) throws IOException {
        Path abs = log.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        Pattern rotation = pattern(name);
        List<Rotated> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (!rotation.matcher(n).matches()) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (a.isRegularFile()) {
                    Path p = log.isAbsolute() ? f : relativeLike(log, f);
                    found.add(new Rotated(p, a.lastModifiedTime(), COMPRESSED_SUFFIX.matcher(n).find()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(Rotated::lastModified)
                .thenComparing(Comparator.comparingLong((Rotated r) -> number(name, r.path())).reversed())
                .thenComparing(r -> r.path().getFileName().toString()));
        return found;
    }

    /** Whether {@code candidate}'s file name is a rotated name of {@code log}'s (the directory is not compared). */
    public static boolean isRotatedName(String candidate, String logName) {
        return pattern(logName).matcher(candidate).matches();
    }

    private static Pattern pattern(String logName) {
        return Pattern.compile(Pattern.quote(logName) + "[.\\-_][0-9][0-9.:_T\\-]*?(\\.(gz|bz2|xz|zst))?");
    }

    /** The rotation number of {@code access.log.3.gz} (3), or -1 for a date or another suffix. */
    private static long number(String logName, Path p) {
        String rest = COMPRESSED_SUFFIX.matcher(p.getFileName().toString().substring(logName.length() + 1)).replaceFirst("");
        if (rest.isEmpty() || rest.length() > 9 || !rest.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(rest);
    }

    /** {@code f} named the way {@code log} was given (relative paths stay relative, for messages). */
    private static Path relativeLike(Path log, Path f) {
        Path parent = log.getParent();
        return parent == null ? f.getFileName() : parent.resolve(f.getFileName());
    }
}
