package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NgxtimeCommandTest {
    static String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * picocli formats every description as a format string: a bare '%' (as in '5xx>2%') makes it print a
     * warning on stderr with the help, and show the text unformatted.
     */
    @Test
    void help_ofEveryCommand_isFormattedWithoutAWarning() throws Exception {
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        java.util.List<CommandLine> commands = new java.util.ArrayList<>(cl.getSubcommands().values());
        commands.add(cl);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (CommandLine c : commands) {
                assertThat(c.getUsageMessage()).startsWith("Usage: ");
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void help_commandList_givesEverySubcommandAWholeSentence() {
        String top = oneLine(help("--help"));
        CommandLine cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(cl.getSubcommands()).isNotEmpty();
        cl.getSubcommands().forEach((name, sub) -> {
            // picocli lists a subcommand by the first element of its description
            String[] description = sub.getCommandSpec().usageMessage().description();
            String summary = description[0];
            assertThat(top).as(name).contains(name + " " + oneLine(summary));
            if (description.length > 1) {
                assertThat(summary).as(name + ": a summary cut mid-sentence").endsWith(".");
            }
        });
    }

    @Test
    void help_ofASubcommand_keepsTheDetails() {
        assertThat(oneLine(help("week", "--help"))).contains("--from starts the week there.")
                .contains("a one-second spike keeps its height");
        assertThat(oneLine(help("chart", "--help"))).contains("skipped with a note on stderr.");
    }

    /** A run that starts with a command's name is given that command only, and says the same as with all of them. */
    @Test
    void commandLine_ofARunNamingACommand_hasThatCommandOnly_andTheSameHelp() {
        String[] args = {"report", "--help"};
        StringWriter out = new StringWriter();
        CommandLine lazy = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                Terminal.none(), args);

        assertThat(lazy.getSubcommands().keySet()).containsExactly("report");
        assertThat(lazy.execute(args)).isZero();
        assertThat(out.toString()).isEqualTo(help(args));
    }

    @Test
    void commandLine_ofARunNamingNoCommand_hasEveryCommand_inTheOrderOfTheHelp() {
        CommandLine all = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Terminal.none(), new String[] {"--help"});
        CommandLine mistyped = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Terminal.none(), new String[] {"reprot", "x.log"});

        java.util.List<String> order = java.util.List.of("report", "ingest", "tail", "week", "chart", "formats", "generate",
                "compare");
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(order);
        assertThat(mistyped.getSubcommands().keySet()).containsExactlyElementsOf(order);
        assertThat(oneLine(help("--help"))).contains("Commands: report ");
    }
}
