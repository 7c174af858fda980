/**
 * The command line: one picocli class per subcommand, mixins for shared options, exit codes
 * ({@link io.ngxtime.cli.ExitCode}), and {@link io.ngxtime.cli.Cli#commandLine} used by the launcher and
 * the tests alike. Commands write only to their out and err writers.
 *
 * <p>Outputs are delivered or the run fails: a file a command writes is an
 * {@link io.ngxtime.cli.OutputFile} (checked before any log is read, written to a temporary file, renamed
 * into place whole), and standard output is a {@link io.ngxtime.cli.StandardOutput} that keeps its write
 * failures, checked by the command before anything depends on it (a {@code --since-last} position moves
 * only after every output is delivered) and by {@link io.ngxtime.cli.Cli} after every command. A lost
 * output is one line on stderr and exit 74, never a silent exit 0.
 */
package io.ngxtime.cli;
