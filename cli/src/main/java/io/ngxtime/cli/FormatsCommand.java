package io.ngxtime.cli;

import io.ngxtime.grammar.Preset;
import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Preset p : Preset.values()) {
            if (name == null || p.presetName().equals(name)) {
                out.println(p.directive());
                out.println();
            }
        }
        return ExitCode.OK;
    }
}
