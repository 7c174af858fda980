package io.ngxtime.cli;

import io.ngxtime.grammar.Preset;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ngxtime formats}: the presets, as log_format directives to paste into nginx.conf. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "Print the built-in log formats as nginx log_format directives.")
public final class FormatsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this preset.")
    String name;

    /** An unknown NAME is a usage error naming the known ones; nothing goes to standard output then. */
    @Override
    public Integer call() {
        Optional<Preset> only = name == null ? Optional.empty() : Preset.byName(name);
        if (name != null && only.isEmpty()) {
            throw new UserException(ExitCode.USAGE, "unknown format '" + name + "': the built-in formats are "
                    + String.join(", ", Arrays.stream(Preset.values()).map(Preset::presetName).toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Preset p : Preset.values()) {
            if (only.isEmpty() || only.get() == p) {
                out.println(p.directive());
                out.println();
            }
        }
        return ExitCode.OK;
    }
}
