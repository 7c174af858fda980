package io.ngxtime.cli;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.NginxVariables;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Warns about the variables of a user's {@code log_format} that nginx does not define: a typo such as
 * {@code $request_tme} is read as text, and the timing it was meant to log is silently missing. One
 * line per format, naming each such variable and the name likely meant.
 */
final class VariableWarnings {
    private VariableWarnings() {
    }

    /**
     * @param label   {@code log_format NAME} for a format from a directive or a configuration, or null for
     *                format text given alone
     * @param defined variables the configuration defines itself ({@code map}, {@code set}, ...)
     * @param conf    the configuration they come from, or null
     */
    static void warn(LogFormat format, String label, Set<String> defined, String conf, PrintWriter err) {
        List<NginxVariables.Unknown> unknown = NginxVariables.unknownIn(format, defined);
        if (unknown.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (NginxVariables.Unknown u : unknown) {
            named.add("$" + u.name() + (u.likelyMeant() == null ? "" : " (did you mean $" + u.likelyMeant() + "?)"));
        }
        String what;
        if (named.size() == 1) {
            NginxVariables.Unknown u = unknown.get(0);
            what = "$" + u.name() + (conf == null ? " is not an nginx variable" : " is neither an nginx variable nor defined in " + conf)
                    + (u.likelyMeant() == null ? "" : " (did you mean $" + u.likelyMeant() + "?)") + ": it is read as text";
        } else {
            String list = String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
            what = list + (conf == null ? " are not nginx variables" : " are neither nginx variables nor defined in " + conf)
                    + ": they are read as text";
        }
        err.println("ngxtime: warning: " + (label == null ? "" : label + ": ") + what);
    }
}
