package io.ngxtime.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options go with which: the one place that says that an option needs another, that two exclude
 * each other, or that an option shared through a mixin means something in one command only. Checked by
 * {@link Cli} once the command line is parsed and before the command runs, so a combination that cannot
 * work is a usage error (exit 2, the option named, the command's {@code --help} suggested) before any
 * file is read or written.
 *
 * <p>A rule applies to every command that has the options it names (they come from shared mixins), and
 * only to options given on the command line, not to defaults. A new dependency is a new row here, never
 * an {@code if} in a command.
 */
final class OptionRules {
    /** One row: why it fails when it does. */
    private sealed interface Rule {
        /** The message when the rule is broken by what {@code command} was given, else null. */
        String broken(ParseResult command);
    }

    /** {@code option} is meaningless without every one of {@code needed}. */
    private record Needs(String option, List<String> needed, String why) implements Rule {
        @Override
        public String broken(ParseResult command) {
            if (!has(command, option) || !needed.stream().allMatch(n -> exists(command, n))
                    || needed.stream().allMatch(command::hasMatchedOption)) {
                return null;
            }
            return why != null ? why : option + " needs " + String.join(" and ", needed);
        }
    }

    /** {@code option} and {@code other} cannot be given together. */
    private record Excludes(String option, String other, String why) implements Rule {
        @Override
        public String broken(ParseResult command) {
            if (!has(command, option) || !has(command, other)) {
                return null;
            }
            return why != null ? why : "give either " + option + " or " + other + ", not both";
        }
    }

    /** {@code option} comes with a mixin to other commands too, but only {@code commandName} does anything with it. */
    /** An option only the commands named take ({@code spark} is {@code report} as a Spark job: it takes what report takes). */
    private record OnlyIn(List<String> commandNames, String option, String why) implements Rule {
        @Override
        public String broken(ParseResult command) {
            return has(command, option) && !commandNames.contains(command.commandSpec().name()) ? why : null;
        }
    }

    private static final List<String> REPORTS = List.of("report", "spark");
    private static final String BASELINE_IS_REPORTS = "--baseline compares reports: use it with 'ngxtime report'";

    private static final List<Rule> RULES = List.of(
            new Needs("--csv-resolution", List.of("--csv"), null),
            new Needs("--format-name", List.of("--nginx-conf"), null),
            new Excludes("--log-format", "--nginx-conf", null),
            new Excludes("--preset", "--format", null),
            new Needs("--since-last", List.of("--queue"), null),
            new Excludes("--rejects", "--queue",
                    // a batch keeps counts and the first samples of its rejected lines, not the lines: never an empty file
                    "--rejects writes rejected lines as they are read from log FILEs;"
                            + " a queue keeps only their counts and first samples (in the report)"),
            new Excludes("--max-line-bytes", "--queue",
                    "--max-line-bytes applies as lines are read from log FILEs: a queue's lines were cut when they were"
                            + " ingested (give it to 'ngxtime ingest')"),
            new OnlyIn(REPORTS, "--baseline", BASELINE_IS_REPORTS),
            new OnlyIn(REPORTS, "--baseline-from", BASELINE_IS_REPORTS),
            new OnlyIn(REPORTS, "--baseline-to", BASELINE_IS_REPORTS),
            new Needs("--baseline", List.of("--from", "--to"),
                    "--baseline compares the window with the one before it: give --from and --to"),
            new Excludes("--baseline", "--baseline-from", "give either --baseline or --baseline-from and --baseline-to, not both"),
            new Excludes("--baseline", "--baseline-to", "give either --baseline or --baseline-from and --baseline-to, not both"),
            new Needs("--baseline-from", List.of("--baseline-to"), "--baseline-from and --baseline-to go together"),
            new Needs("--baseline-to", List.of("--baseline-from"), "--baseline-from and --baseline-to go together"));

    private OptionRules() {
    }

    /**
     * Fails with a {@link CommandLine.ParameterException} (exit 2) naming the first rule the command line
     * breaks; does nothing when help or the version was asked for.
     */
    static void check(ParseResult parseResult) {
        ParseResult command = parseResult;
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return;
            }
            command = p;
        }
        for (Rule rule : RULES) {
            String broken = rule.broken(command);
            if (broken != null) {
                throw new CommandLine.ParameterException(command.commandSpec().commandLine(), broken);
            }
        }
    }

    private static boolean exists(ParseResult command, String option) {
        CommandSpec spec = command.commandSpec();
        return spec.findOption(option) != null;
    }

    private static boolean has(ParseResult command, String option) {
        return exists(command, option) && command.hasMatchedOption(option);
    }
}
