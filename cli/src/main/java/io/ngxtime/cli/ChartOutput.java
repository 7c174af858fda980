package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.charts.Charts;
import io.ngxtime.charts.Fonts;
import io.ngxtime.charts.NoFontsException;
import io.ngxtime.charts.html.HtmlReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Writing charts and the HTML report from commands: file formats, and failures as one line with an exit code. */
final class ChartOutput {
    private ChartOutput() {
    }

    /** The image formats, chosen by file extension. */
    enum Format {
        PNG, SVG;

        static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new UserException(ExitCode.USAGE, file + ": the image file name must end in .png or .svg");
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code --size WxH}. */
    static final class SizeConverter implements ITypeConverter<ChartSize> {
        @Override
        public ChartSize convert(String value) {
            try {
                return ChartSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Fails with exit 74 and one line when charts cannot be drawn for lack of fonts. */
    static void checkFonts() {
        try {
            Fonts.check();
        } catch (NoFontsException e) {
            throw noFonts(e);
        }
    }

    private static UserException noFonts(NoFontsException e) {
        return new UserException(ExitCode.IO, Fonts.NO_FONTS, e.getCause());
    }

    /** Writes one chart; {@code idPrefix} names its SVG ids. */
    static void write(JFreeChart chart, Format format, ChartSize size, String idPrefix, Path file) {
        try {
            if (format == Format.PNG) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    Charts.writePng(chart, size, out);
                }
            } else {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Charts.writeSvg(chart, size, idPrefix, w);
                }
            }
        } catch (NoFontsException e) {
            throw noFonts(e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + file + ": " + Analysis.describe(e), e);
        }
    }

    /** Writes the self-contained HTML report. */
    static void writeHtml(Report report, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HtmlReportWriter().write(report, w);
        } catch (NoFontsException e) {
            throw noFonts(e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + file + ": " + Analysis.describe(e), e);
        }
    }

    /** Creates the output directory. */
    static void directory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot create " + dir + ": " + Analysis.describe(e), e);
        }
    }
}
