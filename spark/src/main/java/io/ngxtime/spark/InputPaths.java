package io.ngxtime.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files named on the command line: a file as given, a directory as its regular files (sorted by name,
 * not recursive), a glob in the last part of a path ({@code logs/access.log*}) as the files it matches
 * (sorted). A name that is none of these stays as given, so reading it says why it cannot be read.
 */
final class InputPaths {
    private InputPaths() {
    }

    static List<String> expand(List<String> names) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Path p = Path.of(name);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    files.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(out::add);
                }
            } else if (!Files.exists(p) && isGlob(p.getFileName() == null ? "" : p.getFileName().toString())) {
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                List<String> matched = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p.getFileName().toString())) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f)) {
                            matched.add(p.getParent() == null ? f.getFileName().toString() : f.toString());
                        }
                    }
                }
                matched.sort(null);
                out.addAll(matched.isEmpty() ? List.of(name) : matched);
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
