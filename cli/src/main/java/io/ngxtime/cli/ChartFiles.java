package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.charts.Charts;
import io.ngxtime.charts.Fonts;
import io.ngxtime.charts.NoFontsException;
import io.ngxtime.charts.html.HtmlReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * Writing chart files and the HTML report from commands: into an {@link OutputFile}, with a failure (no fonts,
 * a write that fails, a directory that cannot be made) as one line and its exit code.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Fails with exit 74 and one line when charts cannot be drawn for lack of fonts. */
    public static void checkFonts() {
        try {
            Fonts.check();
        } catch (NoFontsException e) {
            throw noFonts(e);
        }
    }

    private static UserException noFonts(NoFontsException e) {
        return new UserException(ExitCode.IO, Fonts.NO_FONTS, e.getCause());
    }

    /** Writes one chart into {@code file} (delivered by its {@link OutputFile#commit}); {@code idPrefix} names its SVG ids. */
    static void write(JFreeChart chart, ImageFormat format, ChartSize size, String idPrefix, OutputFile file) {
        try {
            if (format == ImageFormat.PNG) {
                Charts.writePng(chart, size, file.stream());
            } else {
                Writer w = file.writer();
                Charts.writeSvg(chart, size, idPrefix, w);
                w.flush();
            }
        } catch (NoFontsException e) {
            throw noFonts(e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + file.target() + ": " + IoErrorText.describe(e), e);
        }
    }

    /** Writes the self-contained HTML report into {@code file} (delivered by its {@link OutputFile#commit}). */
    public static void writeHtml(Report report, OutputFile file) {
        try {
            Writer w = file.writer();
            new HtmlReportWriter().write(report, w);
            w.flush();
        } catch (NoFontsException e) {
            throw noFonts(e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + file.target() + ": " + IoErrorText.describe(e), e);
        }
    }

    /** Writes two runs' comparison as a self-contained HTML page into {@code file} (delivered by its {@link OutputFile#commit}). */
    static void writeCompareHtml(io.ngxtime.analyzer.report.RunComparison comparison, OutputFile file) {
        try {
            Writer w = file.writer();
            new io.ngxtime.charts.html.CompareHtmlWriter().write(comparison, w);
            w.flush();
        } catch (NoFontsException e) {
            throw noFonts(e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + file.target() + ": " + IoErrorText.describe(e), e);
        }
    }

    /** Creates the output directory (before any log is read: a directory that cannot be made fails the run first). */
    static void directory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserException(ExitCode.IO, "cannot create " + dir + ": " + e.getFile() + " is not a directory", e);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot create " + dir + ": " + IoErrorText.describe(e), e);
        }
    }
}
