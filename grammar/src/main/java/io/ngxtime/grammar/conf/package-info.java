/**
 * Reading nginx configuration: the {@code NginxConf.g4} grammar, {@code include} with globs, and the
 * {@code log_format} directives (name, {@code escape=}, quoted parts concatenated) compiled into
 * {@link io.ngxtime.grammar.LogFormat}s. {@link io.ngxtime.grammar.conf.NginxConfReader#readConf} also
 * collects what tells a typo from a variable and which format a log was written in: the variables the
 * configuration defines ({@code map}, {@code set}, {@code geo}, ...) and the formats its
 * {@code access_log} directives use (nginx's built-in {@code combined} when they name none), in an
 * {@link io.ngxtime.grammar.conf.NginxConf}. Errors name the file, line and column.
 */
package io.ngxtime.grammar.conf;
