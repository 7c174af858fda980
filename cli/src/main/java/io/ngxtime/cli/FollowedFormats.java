package io.ngxtime.cli;

import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The format of each log {@code tail} follows: the one given, else detected from the file's first lines (said
 * on stderr), else, for a file with no lines yet, assumed ({@code timing}); and, while most lines of a file
 * whose format was assumed are rejected, the hint that says so and names the format that fits.
 */
final class FollowedFormats {
    private final FormatMixin formatOptions;
    private final List<Path> files;
    private final PrintWriter err;
    /** Files whose format was assumed (nothing to detect it from): rejected lines may mean it is wrong. */
    private final Map<Path, LogFormat> assumed = new HashMap<>();

    FollowedFormats(FormatMixin formatOptions, List<Path> files, PrintWriter err) {
        this.formatOptions = formatOptions;
        this.files = files;
        this.err = err;
    }

    /** The format of {@code file}; {@code present}: whether it was there when tail started (else nothing to detect). */
    LogFormat of(Path file, boolean present) {
        LogFormat f = formatOptions.formats(err).given();
        if (f != null) {
            return f;
        }
        if (present) {
            try {
                Optional<FormatDetector.Detection> d = InputSet.detectFollowed(formatOptions.formats(err).candidates(), file);
                if (d.isPresent()) {
                    err.println("ngxtime: " + (files.size() > 1 ? file + ": " : "") + d.get().describe());
                    return d.get().format();
                }
            } catch (FormatDetectionException e) {
                throw new UserException(ExitCode.DATA, (files.size() > 1 ? file + ": " : "") + e.getMessage());
            } catch (IOException e) {
                throw new UserException(ExitCode.IO, file + ": " + IoErrorText.describe(e), e);
            }
        }
        err.println("ngxtime: " + (files.size() > 1 ? file + ": " : "")
                + "no lines to detect the format from yet; assuming 'timing' (give --log-format)");
        assumed.put(file, Preset.TIMING.format());
        return Preset.TIMING.format();
    }

    /**
     * What is wrong with the assumed format of {@code s}'s file while most of its lines are rejected: how many,
     * and the format its first lines fit, if one does; {@code ""} when its format was given or detected, or fits.
     */
    String hint(LiveSession.FileStatus s) {
        Path file = files.stream().filter(p -> p.toString().equals(s.file())).findFirst().orElse(null);
        LogFormat assumedFormat = file == null ? null : assumed.get(file);
        if (assumedFormat == null || s.rejectedSeen() * 2 <= s.linesSeen()) {
            return "";
        }
        String hint = "ngxtime: " + (files.size() > 1 ? s.file() + ": " : "") + s.rejectedSeen() + " of the " + s.linesSeen()
                + " lines read do not match the assumed format '" + assumedFormat.name() + "'; ";
        try {
            Optional<FormatDetector.Detection> detected = InputSet.detectFollowed(formatOptions.formats(err).candidates(), file);
            String name = detected.map(d -> d.format().name()).orElse(assumedFormat.name());
            if (detected.isPresent() && detected.get().inferred() != null) {
                return hint + "the log is JSON: restart tail and its format is inferred from its keys";
            }
            if (detected.isPresent() && !name.equals(assumedFormat.name())) {
                String option = Preset.byName(name).isPresent() ? "--log-format " : "--format-name ";
                return hint + "the log looks like '" + name + "': restart with " + option + name;
            }
        } catch (FormatDetectionException | IOException | UserException e) {
            // no known format fits, the file is gone again, or --nginx-conf no longer reads: no suggestion
        }
        return hint + "restart with its format (--log-format or --nginx-conf)";
    }
}
