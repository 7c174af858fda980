/**
 * nginx {@code log_format}s and the lines they produce.
 *
 * <p>{@link io.ngxtime.grammar.LogFormats} compiles format text (parsed by the {@code LogFormat.g4}
 * grammar) into a {@link io.ngxtime.grammar.LogFormat}; {@link io.ngxtime.grammar.Preset} holds the
 * well-known ones. A format makes
 * {@link io.ngxtime.grammar.LineParser}s: compiled matchers that read a line's bytes into a reusable
 * {@link io.ngxtime.grammar.LogRecord} with no allocation (about 0.5 µs a line). Times are microseconds,
 * instants epoch milliseconds with the logged zone offset. {@link io.ngxtime.grammar.NginxVariables} is
 * the registry of the variables nginx and its common modules define, to tell a typo from a variable.
 */
package io.ngxtime.grammar;
