package io.ngxtime.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The image formats a chart is written in, chosen by the file's extension. */
enum ImageFormat {
    PNG, SVG;

    /** The format {@code file}'s name ends in; a usage error for any other name. */
    static ImageFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        throw new UserException(ExitCode.USAGE, file + ": the image file name must end in .png or .svg");
    }

    /** The file extension, without its dot. */
    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
