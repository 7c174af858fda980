package io.ngxtime.cli;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.Preset;
import io.ngxtime.grammar.conf.NginxConfReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the log format is given: a preset or format text, an nginx.conf, or nothing (detected). */
public final class FormatMixin {
    @Option(names = "--log-format", paramLabel = "NAME|FORMAT",
            description = "A preset (combined, common, main, upstreaminfo, timing), a log_format text such as "
                    + "'$remote_addr [$time_local] \"$request\" $status $request_time', or a whole "
                    + "'log_format name ...;' directive. Default: detected from the first lines.")
    String logFormat;

    @Option(names = "--nginx-conf", paramLabel = "PATH",
            description = "Read log_format directives from this nginx.conf (following include).")
    Path nginxConf;

    @Option(names = "--format-name", paramLabel = "NAME",
            description = "Which log_format of --nginx-conf to use. Default: the only one, or the one that fits.")
    String formatName;

    /** The format to use, or null to detect it among {@link #candidates()}. */
    public LogFormat format() {
        if (logFormat != null && nginxConf != null) {
            throw new UserException(ExitCode.USAGE, "give either --log-format or --nginx-conf, not both");
        }
        if (formatName != null && nginxConf == null) {
            throw new UserException(ExitCode.USAGE, "--format-name needs --nginx-conf");
        }
        if (logFormat != null) {
            return resolve(logFormat);
        }
        if (nginxConf != null) {
            List<LogFormat> formats = confFormats();
            if (formatName != null) {
                return formats.stream().filter(f -> f.name().equals(formatName)).findFirst()
                        .orElseThrow(() -> new UserException(ExitCode.DATA, "no log_format '" + formatName + "' in "
                                + nginxConf + " (it defines: " + String.join(", ", formats.stream().map(LogFormat::name).toList()) + ")"));
            }
            if (formats.size() == 1) {
                return formats.get(0);
            }
        }
        return null;
    }

    /** Formats to detect among: those of --nginx-conf, then the presets. */
    public List<LogFormat> candidates() {
        List<LogFormat> all = new ArrayList<>();
        if (nginxConf != null) {
            all.addAll(confFormats());
        }
        all.addAll(LogFormats.presets());
        return all;
    }

    private List<LogFormat> confFormats() {
        try {
            return NginxConfReader.read(nginxConf);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot read " + nginxConf + ": " + io.ngxtime.analyzer.Analysis.describe(e), e);
        }
    }

    /** A preset name, a log_format directive, or format text. */
    static LogFormat resolve(String text) {
        var preset = Preset.byName(text.trim());
        if (preset.isPresent()) {
            return preset.get().format();
        }
        if (text.trim().startsWith("log_format")) {
            List<LogFormat> formats = NginxConfReader.parse(text.trim(), "--log-format");
            if (formats.size() != 1) {
                throw new UserException(ExitCode.USAGE, "--log-format takes one log_format directive, found " + formats.size());
            }
            return formats.get(0);
        }
        if (!text.contains("$")) {
            throw new UserException(ExitCode.USAGE, "unknown log format '" + text + "': give a preset ("
                    + String.join(", ", java.util.Arrays.stream(Preset.values()).map(Preset::presetName).toList())
                    + ") or a log_format text with $variables");
        }
        return LogFormats.compile(text);
    }
}
