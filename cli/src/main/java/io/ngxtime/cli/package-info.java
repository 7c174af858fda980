/**
 * The command line: one picocli class per subcommand, mixins for shared options, exit codes
 * ({@link io.ngxtime.cli.ExitCode}), and {@link io.ngxtime.cli.Cli#commandLine} used by the launcher and
 * the tests alike. Commands write only to their out and err writers.
 */
package io.ngxtime.cli;
