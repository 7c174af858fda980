/**
 * Reading nginx configuration: the {@code NginxConf.g4} grammar, {@code include} with globs, and the
 * {@code log_format} directives (name, {@code escape=}, quoted parts concatenated) compiled into
 * {@link io.ngxtime.grammar.LogFormat}s. Errors name the file, line and column.
 */
package io.ngxtime.grammar.conf;
