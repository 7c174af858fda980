package io.ngxtime.grammar.conf;

import io.ngxtime.grammar.LogFormat;
import java.util.List;
import java.util.Set;

/**
 * What ngxtime takes from an nginx configuration (and its includes).
 *
 * @param formats           its {@code log_format}s, in the order defined
 * @param definedVariables  the variables it defines itself ({@code map}, {@code set}, {@code geo},
 *                          {@code split_clients}, {@code js_set}, {@code perl_set}, {@code auth_request_set}),
 *                          without {@code $}
 * @param accessLogFormats  the format names its {@code access_log} directives use, each once in the order
 *                          first used; {@value #BUILT_IN} for one that names none (nginx's default)
 */
public record NginxConf(List<LogFormat> formats, Set<String> definedVariables, List<String> accessLogFormats) {
    /** nginx's built-in format: always there, and a configuration may not redefine it. */
    public static final String BUILT_IN = "combined";

    public NginxConf {
        formats = List.copyOf(formats);
        definedVariables = Set.copyOf(definedVariables);
        accessLogFormats = List.copyOf(accessLogFormats);
    }
}
