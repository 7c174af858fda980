package io.ngxtime.grammar.peer;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.PositionMap;
import io.ngxtime.grammar.Preset;
import java.nio.file.Path;

/** A log_format a peer folder's lines follow: a label for messages and the table, and the compiled format. */
public record PeerFormat(String label, LogFormat format) {

    static PeerFormat preset(Preset preset) {
        return new PeerFormat(preset.presetName(), preset.format());
    }

    static PeerFormat of(String label, String text) {
        return new PeerFormat(label, LogFormats.compile(text));
    }

    /** A format given by name ({@code combined}) or by its text, as the peers' case files do. */
    static PeerFormat named(String nameOrText) {
        return Preset.byName(nameOrText).map(PeerFormat::preset).orElseGet(() -> of("custom", nameOrText));
    }

    /**
     * The format a peer's {@code .fmt} file holds: the log_format text as nginx.conf concatenates it,
     * optionally preceded by nginx's {@code escape=default|json|none} parameter and one space, and
     * followed by the file's final newline (not part of the format). The label is the file's name.
     */
    static PeerFormat fromFmt(Path fmtFile) {
        String label = fmtFile.getFileName().toString();
        String text = PeerLogs.text(fmtFile);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        Escape escape = Escape.DEFAULT;
        if (text.startsWith("escape=")) {
            int space = text.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException(fmtFile + ": escape= parameter without a format after it");
            }
            escape = Escape.parse(text.substring("escape=".length(), space));
            text = text.substring(space + 1);
        }
        return new PeerFormat(label, LogFormats.compile(label, escape, text, PositionMap.singleLine(label)));
    }

    // ------------------------------------------------------------------ the formats the folders document

    static final PeerFormat COMBINED = preset(Preset.COMBINED);
    static final PeerFormat MAIN = preset(Preset.MAIN);
    static final PeerFormat UPSTREAMINFO = preset(Preset.UPSTREAMINFO);

    /** nginx's combined plus a trailing quoted {@code $gzip_ratio} (VRL calls it "compression"; agrind's nginx alias). */
    static final PeerFormat COMBINED_GZIP_RATIO = of("combined + \"$gzip_ratio\"",
            Preset.COMBINED.formatText() + " \"$gzip_ratio\"");

    /** Filebeat's test-with-host.log: {@code $host} before combined (free text, so {@code host:port} fits too). */
    static final PeerFormat HOST_COMBINED = of("$host combined", "$host " + Preset.COMBINED.formatText());
    static final PeerFormat HOST_MAIN = of("$host main", "$host " + Preset.MAIN.formatText());

    private static final String INGRESS_TAIL = "[$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" "
            + "\"$http_user_agent\" $request_length $request_time [$proxy_upstream_name] ";
    private static final String INGRESS_LISTS =
            "$upstream_addr $upstream_response_length $upstream_response_time $upstream_status";

    /** Older ingress-nginx: the client twice ({@code $the_real_ip - [$the_real_ip] -}), no alternative upstream. */
    static final PeerFormat INGRESS_REAL_IP = of("ingress $the_real_ip",
            "$the_real_ip - [$the_real_ip] - $remote_user " + INGRESS_TAIL + INGRESS_LISTS + " $req_id");
    /** The same without {@code $req_id} (Datadog sample #6). */
    static final PeerFormat INGRESS_REAL_IP_NO_REQ_ID = of("ingress $the_real_ip, no $req_id",
            "$the_real_ip - [$the_real_ip] - $remote_user " + INGRESS_TAIL + INGRESS_LISTS);
    /** The same with {@code [$proxy_alternative_upstream_name]} (Datadog sample #10). */
    static final PeerFormat INGRESS_REAL_IP_ALTERNATIVE = of("ingress $the_real_ip + alternative",
            "$the_real_ip - [$the_real_ip] - $remote_user " + INGRESS_TAIL + "[$proxy_alternative_upstream_name] "
                    + INGRESS_LISTS + " $req_id");
    /** upstreaminfo before {@code [$proxy_alternative_upstream_name]} was added (Datadog sample #2). */
    static final PeerFormat INGRESS_NO_ALTERNATIVE = of("upstreaminfo without alternative",
            "$remote_addr - $remote_user " + INGRESS_TAIL + INGRESS_LISTS + " $req_id");

    /** gonx's example/reduce/reduce.go default ({@code $t_size}, {@code $read_time}, {@code $gen_time} are the app's). */
    static final PeerFormat GONX = of("gonx example",
            "$remote_addr [$time_local] \"$request\" $status $request_length $body_bytes_sent $request_time "
                    + "\"$t_size\" $read_time $gen_time");

    @Override
    public String toString() {
        return label;
    }
}
