package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.Preset;
import io.ngxtime.grammar.conf.NginxConf;
import io.ngxtime.grammar.conf.NginxConfReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How the log format is given: a preset or format text, an nginx.conf, or nothing (detected). Settled
 * once per command ({@link #formats}), which is when a user's format that uses a variable nginx does
 * not define is warned about.
 */
public final class FormatMixin {
    @Option(names = "--log-format", paramLabel = "NAME|FORMAT",
            description = "A preset (combined, common, main, upstreaminfo, timing), a log_format text such as "
                    + "'$remote_addr [$time_local] \"$request\" $status $request_time' (after 'escape=json ' or "
                    + "'escape=none ' for such a format), or a whole "
                    + "'log_format name ...;' directive. Default: detected from the first lines (a JSON log's "
                    + "format is inferred from its keys).")
    String logFormat;

    @Option(names = "--nginx-conf", paramLabel = "PATH",
            description = "Read log_format directives from this nginx.conf (following include).")
    Path nginxConf;

    @Option(names = "--format-name", paramLabel = "NAME",
            description = "Which log_format of --nginx-conf to use (combined: nginx's built-in, unless the conf "
                    + "defines one). Default: the only one when access_log uses no other, or the one that fits.")
    String formatName;

    /** The format given, or null to detect it among {@code candidates} (a configuration's formats, then the presets). */
    public record Formats(LogFormat given, List<LogFormat> candidates) {
    }

    private Formats settled;

    /**
     * The format to use or the candidates to detect it among, settled on the first call (the
     * configuration read once, warnings said once on {@code err}).
     *
     * @throws UserException for an unknown format name, an unreadable conf
     */
    public Formats formats(PrintWriter err) {
        if (settled == null) {
            settled = settle(err);
        }
        return settled;
    }

    private Formats settle(PrintWriter err) {
        // --log-format with --nginx-conf, and --format-name without it, are usage errors already (OptionRules)
        if (logFormat != null) {
            return new Formats(resolve(logFormat, err), LogFormats.presets());
        }
        if (nginxConf == null) {
            return new Formats(null, LogFormats.presets());
        }
        NginxConf conf = readConf();
        List<LogFormat> candidates = new ArrayList<>(conf.formats());
        candidates.addAll(LogFormats.presets());
        if (formatName != null) {
            Optional<LogFormat> defined = conf.formats().stream().filter(f -> f.name().equals(formatName)).findFirst();
            if (defined.isPresent()) {
                warn(defined.get(), conf, err);
                return new Formats(defined.get(), candidates);
            }
            if (formatName.equals(NginxConf.BUILT_IN)) {
                // nginx forbids redefining it: the built-in is the one access_log means
                return new Formats(Preset.COMBINED.format(), candidates);
            }
            throw new UserException(ExitCode.DATA, "no log_format '" + formatName + "' in " + nginxConf + " (it defines: "
                    + String.join(", ", conf.formats().stream().map(LogFormat::name).toList())
                    + (conf.formats().isEmpty() ? "none" : "") + "; and nginx has the built-in " + NginxConf.BUILT_IN + ")");
        }
        conf.formats().forEach(f -> warn(f, conf, err));
        if (conf.formats().size() == 1) {
            LogFormat only = conf.formats().get(0);
            // a conf whose access_log directives use another format (the built-in combined) is detected
            // among all of them, not forced into the one it happens to define
            List<String> used = conf.accessLogFormats();
            if (used.isEmpty() || used.equals(List.of(only.name()))) {
                return new Formats(only, candidates);
            }
        }
        return new Formats(null, candidates);
    }

    private void warn(LogFormat f, NginxConf conf, PrintWriter err) {
        VariableWarnings.warn(f, "log_format " + f.name(), conf.definedVariables(), nginxConf.toString(), err);
    }

    private NginxConf readConf() {
        try {
            return NginxConfReader.readConf(nginxConf);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot read " + nginxConf + ": " + IoErrorText.describe(e), e);
        }
    }

    /** A preset name, a log_format directive, or format text; warns about a directive's or a text's unknown variables. */
    static LogFormat resolve(String text, PrintWriter err) {
        var preset = Preset.byName(text.trim());
        if (preset.isPresent()) {
            return preset.get().format();
        }
        if (text.trim().startsWith("log_format")) {
            NginxConf conf = NginxConfReader.parseConf(text.trim(), "--log-format");
            if (conf.formats().size() != 1) {
                throw new UserException(ExitCode.USAGE, "--log-format takes one log_format directive, found " + conf.formats().size());
            }
            LogFormat f = conf.formats().get(0);
            VariableWarnings.warn(f, "log_format " + f.name(), Set.of(), null, err);
            return f;
        }
        if (!text.contains("$")) {
            throw new UserException(ExitCode.USAGE, "unknown log format '" + text + "': give a preset ("
                    + String.join(", ", java.util.Arrays.stream(Preset.values()).map(Preset::presetName).toList())
                    + ") or a log_format text with $variables");
        }
        LogFormat f = LogFormats.compile(text);
        VariableWarnings.warn(f, null, Set.of(), null, err);
        return f;
    }
}
