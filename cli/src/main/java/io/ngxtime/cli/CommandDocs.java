package io.ngxtime.cli;

import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Writes what the Debian package installs about the commands, from the command tree itself as
 * {@link Cli#commandLine} builds it for a run (every command): the man pages' AsciiDoc (picocli-codegen's
 * {@code ManPageGenerator}, on the class path of the package's build only, so called by reflection) and the
 * bash completion script ({@code picocli.AutoComplete}). The generators' own command-line front ends build the
 * tree from the top command's annotation, which no longer lists the commands (a run builds only the one it
 * names), and would document no command at all.
 *
 * <pre>java -cp ngxtime.jar:picocli-codegen.jar io.ngxtime.cli.CommandDocs --man DIR --bash FILE</pre>
 */
public final class CommandDocs {
    private CommandDocs() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine tree = Cli.commandLine(new PrintWriter(Writer.nullWriter()),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), Terminal.none(), new String[0]);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--man" -> {
                    Class<?> generator = Class.forName("picocli.codegen.docgen.manpage.ManPageGenerator");
                    int code = (int) generator.getMethod("generateManPage", File.class, File.class, boolean[].class,
                            boolean.class, CommandLine.Model.CommandSpec[].class).invoke(null, new File(args[i + 1]), null,
                            new boolean[0], true, new CommandLine.Model.CommandSpec[] {tree.getCommandSpec()});
                    if (code != 0) {
                        throw new IllegalStateException("ManPageGenerator exited with " + code);
                    }
                }
                case "--bash" -> Files.writeString(Path.of(args[i + 1]), picocli.AutoComplete.bash("ngxtime", tree));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + ": --man DIR, --bash FILE");
            }
        }
    }
}
