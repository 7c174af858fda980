package io.ngxtime.grammar.peer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.peer.PeerLine.ExpectedReject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer folders: for each, which log_format every line follows and which lines are expected to be
 * rejected, and why. A new folder is a new row. Formats come from the folder's SOURCE.txt (or, for the
 * case-per-format peers, from its cases.EXTRACT.json); where a folder mixes formats, each line is
 * assigned its own, so that an accidental match under the wrong format cannot hide a problem.
 */
public enum PeerFolder {
    /** ingress-nginx upstreaminfo: two-upstream lists, IPv6, unix socket, "-" in lists, invalid methods. */
    FILEBEAT_INGRESS("filebeat-nginx-ingress-controller") {
        @Override
        public List<PeerLine> lines(Path root) {
            // Line 27's upstream "[2a02:cf40::::::::4e36]:500000000" is deliberately malformed for Filebeat's
            // IP parser; ngxtime keeps addresses as opaque text, so the line parses (and its timing is fine).
            return sameFormat(root, "test.log", PeerFormat.UPSTREAMINFO, Map.of());
        }
    },
    /** Three ingress-nginx generations and a line without $req_id (see the folder's SOURCE.txt). */
    DATADOG("datadog-nginx-ingress-controller") {
        @Override
        public List<PeerLine> lines(Path root) {
            // samples.log line -> yaml test #: 1->#1, 2->#2, 3->#6, 4->#7, 5->#8, 6->#9, 7->#10, 8->#11
            PeerFormat[] byLine = {
                PeerFormat.INGRESS_REAL_IP,             // #1
                PeerFormat.INGRESS_NO_ALTERNATIVE,      // #2 "IP - -" prefix, no alternative upstream name
                PeerFormat.INGRESS_REAL_IP_NO_REQ_ID,   // #6 no $req_id
                PeerFormat.INGRESS_REAL_IP,             // #7 "298, 0 0.012, - 200, -"
                PeerFormat.INGRESS_REAL_IP,             // #8 "0.012, 0.013"
                PeerFormat.INGRESS_REAL_IP,             // #9 "298, -, - 0.012, -, - 200, -, -"
                PeerFormat.INGRESS_REAL_IP_ALTERNATIVE, // #10 [alt-proxyname-8080]
                PeerFormat.UPSTREAMINFO,                // #11 current format, "[] - - - -", 503
            };
            return perLine(root, "samples.log", byLine, Map.of());
        }

        @Override
        public List<PeerFormat> formats(Path root) {
            return List.of(PeerFormat.UPSTREAMINFO, PeerFormat.INGRESS_NO_ALTERNATIVE, PeerFormat.INGRESS_REAL_IP,
                    PeerFormat.INGRESS_REAL_IP_NO_REQ_ID, PeerFormat.INGRESS_REAL_IP_ALTERNATIVE);
        }
    },
    /** VRL's parse_nginx_log test inputs: combined (with VRL's optional trailing field), main, upstreaminfo. */
    VRL("vrl-parse-nginx-log") {
        @Override
        public List<PeerLine> lines(Path root) {
            List<PeerLine> out = new ArrayList<>();
            PeerFormat c = PeerFormat.COMBINED;
            PeerFormat g = PeerFormat.COMBINED_GZIP_RATIO;
            out.addAll(perLine(root, "lines-combined.log", new PeerFormat[] {g, c, c, c, c, g}, Map.of()));
            out.addAll(sameFormat(root, "lines-main.log", PeerFormat.MAIN, Map.of(5, new ExpectedReject(
                    "an nginx error-log line (VRL's negative test main_line_invalid), not an access-log line: "
                            + "it starts with a date, not a client address",
                    "in $remote_addr"))));
            out.addAll(sameFormat(root, "lines-ingress_upstreaminfo.log", PeerFormat.UPSTREAMINFO, Map.of()));
            return out;
        }
    },
    /** angle-grinder's alias tests: one upstreaminfo line, one combined + "$gzip_ratio" line. */
    ANGLE_GRINDER("angle-grinder-k8s-ingress-nginx") {
        @Override
        public List<PeerLine> lines(Path root) {
            List<PeerLine> out = new ArrayList<>();
            out.addAll(sameFormat(root, "tests_structured_tests_aliases_k8s-ingress_nginx.input.log",
                    PeerFormat.UPSTREAMINFO, Map.of()));
            out.addAll(sameFormat(root, "tests_structured_tests_aliases_nginx.input.log",
                    PeerFormat.COMBINED_GZIP_RATIO, Map.of()));
            return out;
        }
    },
    /** prometheus-nginxlog-exporter: a format per scenario; all-feature-lines.log is their lines in order. */
    PROMETHEUS("prometheus-nginxlog-exporter") {
        @Override
        public List<PeerLine> lines(Path root) {
            List<PeerFormat> byLine = new ArrayList<>();
            for (JsonNode scenario : PeerLogs.json(root.resolve(dir()).resolve("cases.EXTRACT.json"))) {
                PeerFormat f = PeerFormat.named(scenario.get("log_format").asText());
                scenario.get("lines").forEach(l -> byLine.add(f));
            }
            ExpectedReject anonymised = new ExpectedReject("the exporter's issue 90 lines had their client address "
                    + "anonymised by hand to 10.rr.ii.yy, which nginx cannot write for $remote_addr", "in $remote_addr");
            return perLine(root, "all-feature-lines.log", byLine.toArray(PeerFormat[]::new),
                    Map.of(15, anonymised, 16, anonymised, 17, anonymised));
        }
    },
    /** nielsbasjes/logparser: a format per @Test; lines.log is the tests' logLine values in order. */
    LOGPARSER("nielsbasjes-logparser-nginx") {
        @Override
        public List<PeerLine> lines(Path root) {
            List<PeerFormat> byLine = new ArrayList<>();
            for (JsonNode test : PeerLogs.json(root.resolve(dir()).resolve("cases.EXTRACT.json"))) {
                if (test.has("logLine")) {
                    JsonNode f = test.has("logFormat") ? test.get("logFormat") : test.get("logFormatNginx");
                    byLine.add(PeerFormat.named(f.asText()));
                }
            }
            return perLine(root, "lines.log", byLine.toArray(PeerFormat[]::new), Map.of());
        }
    },
    /** gonx's example: 1,000 lines of a custom format with $request_time and app-defined "-" fields. */
    GONX("gonx-example") {
        @Override
        public List<PeerLine> lines(Path root) {
            return sameFormat(root, "access.log", PeerFormat.GONX, Map.of());
        }
    },
    /** Filebeat's nginx access tests: combined with an optional trailing "$http_x_forwarded_for", and a $host prefix. */
    FILEBEAT_ACCESS("filebeat-nginx-access") {
        @Override
        public List<PeerLine> lines(Path root) {
            PeerFormat c = PeerFormat.COMBINED;
            PeerFormat m = PeerFormat.MAIN;
            PeerFormat hc = PeerFormat.HOST_COMBINED;
            PeerFormat hm = PeerFormat.HOST_MAIN;
            List<PeerLine> out = new ArrayList<>();
            // Filebeat's grok accepts a list of addresses (or a host name) where the format has $remote_addr;
            // nginx writes one address there, so under combined these lines are not lines nginx wrote
            String why = "Filebeat's robustness case: $remote_addr holds ";
            ExpectedReject list = new ExpectedReject(why + "a list of addresses (an X-Forwarded-For value), "
                    + "but nginx writes one address", "after $remote_addr");
            ExpectedReject quoted = new ExpectedReject(why + "a quoted X-Forwarded-For list", "in $remote_addr");
            ExpectedReject name = new ExpectedReject(why + "'localhost', a name, but nginx writes an address",
                    "in $remote_addr");
            out.addAll(perLine(root, "test.log", new PeerFormat[] {c, m, c, c, c, c, c},
                    Map.of(1, list, 3, list, 5, quoted, 6, list)));
            out.addAll(perLine(root, "test-with-host.log", new PeerFormat[] {hc, hm, hc, hc, hc, hc, hc, hc, hm, hm},
                    Map.of(1, list, 3, list, 5, quoted, 6, list, 9, name, 10, name)));
            return out;
        }
    },
    /** ingress-nginx's own format definition and Lua split tests: no log lines (checked in IngressNginxPeerTest). */
    INGRESS_NGINX("ingress-nginx-upstream-split") {
        @Override
        public List<PeerLine> lines(Path root) {
            return List.of();
        }

        @Override
        public List<PeerFormat> formats(Path root) {
            return List.of(PeerFormat.UPSTREAMINFO);
        }
    };

    private final String dir;

    PeerFolder(String dir) {
        this.dir = dir;
    }

    /** The folder's name under the peer-log root. */
    public String dir() {
        return dir;
    }

    /** Every line of the folder's log files, each with its format and, if it must be rejected, why. */
    public abstract List<PeerLine> lines(Path root);

    /** Every format the folder's lines follow. */
    public List<PeerFormat> formats(Path root) {
        Set<PeerFormat> all = new LinkedHashSet<>();
        lines(root).forEach(l -> all.add(l.format()));
        return List.copyOf(all);
    }

    List<PeerLine> sameFormat(Path root, String file, PeerFormat format, Map<Integer, ExpectedReject> rejects) {
        int n = PeerLogs.lines(root.resolve(dir).resolve(file)).size();
        PeerFormat[] byLine = new PeerFormat[n];
        java.util.Arrays.fill(byLine, format);
        return perLine(root, file, byLine, rejects);
    }

    /** The lines of {@code file}, line {@code i + 1} following {@code byLine[i]}; the counts must match. */
    List<PeerLine> perLine(Path root, String file, PeerFormat[] byLine, Map<Integer, ExpectedReject> rejects) {
        List<byte[]> raw = PeerLogs.lines(root.resolve(dir).resolve(file));
        if (raw.size() != byLine.length) {
            throw new IllegalStateException(dir + "/" + file + " has " + raw.size() + " lines, the table assigns "
                    + byLine.length + ": update PeerFolder." + name());
        }
        List<PeerLine> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(new PeerLine(this, file, i + 1, raw.get(i), byLine[i], rejects.get(i + 1)));
        }
        return out;
    }
}
