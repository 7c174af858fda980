package io.ngxtime.grammar;

import java.util.Locale;
import java.util.Optional;

/** Well-known log formats that need no configuration. New presets are new rows here. */
public enum Preset {
    /** nginx's built-in {@code combined} format. */
    COMBINED("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\""),
    /**
     * The Common Log Format (NCSA): {@code combined} without the referrer and the user agent. Not an
     * nginx built-in, but what many servers and tools write (Apache's {@code common}, and many proxies).
     */
    COMMON("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"),
    /** The {@code main} format of nginx.org's and most distributions' default nginx.conf. */
    MAIN("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\""),
    /** ingress-nginx's default {@code upstreaminfo} format. */
    UPSTREAMINFO("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" $request_length $request_time [$proxy_upstream_name] "
            + "[$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length "
            + "$upstream_response_time $upstream_status $req_id"),
    /**
     * The format ngxtime recommends: combined, then every timing field, the upstream lists quoted
     * because they contain spaces, and {@code $msec} for sub-second timestamps.
     */
    TIMING("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" rt=$request_time "
            + "ua=\"$upstream_addr\" us=\"$upstream_status\" uct=\"$upstream_connect_time\" "
            + "uht=\"$upstream_header_time\" urt=\"$upstream_response_time\" ucs=$upstream_cache_status "
            + "msec=$msec");

    private final String formatText;
    /** Compiled once, on first use (compiling runs the ANTLR grammar). */
    private volatile LogFormat compiled;

    Preset(String formatText) {
        this.formatText = formatText;
    }

    /** The preset's name as users write it: {@code combined}, {@code main}, ... */
    public String presetName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The log_format text. */
    public String formatText() {
        return formatText;
    }

    /** The columns a line of {@link #directive()} takes at most (a word longer than a line is not split). */
    public static final int DIRECTIVE_COLUMNS = 80;

    /**
     * The directive to paste into nginx.conf, split over lines the way nginx.conf usually is: quoted pieces, one a
     * line, aligned under the first, each line at most {@value #DIRECTIVE_COLUMNS} columns.
     */
    public String directive() {
        StringBuilder sb = new StringBuilder("log_format ").append(presetName());
        String indent = " ".repeat(sb.length() + 1);
        // a line is the indent, a quote, the words, and " '" (or "';" on the last)
        int room = DIRECTIVE_COLUMNS - indent.length() - 3;
        String[] words = formatText.split(" ");
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (String w : words) {
            if (line.length() > 0 && line.length() + 1 + w.length() > room) {
                sb.append(first ? " " : "\n" + indent).append('\'').append(line).append(" '");
                first = false;
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        sb.append(first ? " " : "\n" + indent).append('\'').append(line).append("';");
        return sb.toString();
    }

    /** The compiled format. */
    public LogFormat format() {
        LogFormat f = compiled;
        if (f == null) {
            f = LogFormats.compile(presetName(), Escape.DEFAULT, formatText, PositionMap.singleLine("preset " + presetName()));
            compiled = f;
        }
        return f;
    }

    /** The preset called {@code name} (case-insensitive), if there is one. */
    public static Optional<Preset> byName(String name) {
        for (Preset p : values()) {
            if (p.presetName().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
