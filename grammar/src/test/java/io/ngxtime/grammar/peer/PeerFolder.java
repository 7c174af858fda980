package io.ngxtime.grammar.peer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.peer.PeerLine.ExpectedReject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The peer folders: for each, which log_format every line follows, which lines are judged unparseable on
 * purpose and why, and how the values its source asserts are compared with ours. A new folder is a new row.
 * Formats come from the folder's {@code .fmt} files (one per {@code .log}), else from its SOURCE.txt (or, for
 * the case-per-format peers, from its cases.EXTRACT.json); where a folder mixes formats, each line is
 * assigned its own, so that an accidental match under the wrong format cannot hide a problem.
 *
 * <p>A line is judged unparseable on purpose only when nginx could not have written it under its format
 * (a list or a name where the format has {@code $remote_addr}, text where it has a number, a part the format
 * does not have); a line nginx could write but today's parser rejects is a problem, never a judged reject.
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

        @Override
        PeerChecks values(Path root) {
            return FilebeatIngressPeerTest.compare(root);
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

        @Override
        PeerChecks values(Path root) {
            return DatadogPeerTest.compare(root);
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
                            + "it does not start with a client address and \" - \"",
                    "$remote_addr"))));
            out.addAll(sameFormat(root, "lines-ingress_upstreaminfo.log", PeerFormat.UPSTREAMINFO, Map.of()));
            return out;
        }

        @Override
        PeerChecks values(Path root) {
            return VrlPeerTest.compare(root);
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

        @Override
        PeerChecks values(Path root) {
            return AngleGrinderPeerTest.compare(root);
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
            return perLine(root, "all-feature-lines.log", byLine.toArray(PeerFormat[]::new), ISSUE_90_LINES);
        }

        @Override
        PeerChecks values(Path root) {
            return PrometheusPeerTest.compare(root);
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

        @Override
        PeerChecks values(Path root) {
            return LogparserPeerTest.compare(root);
        }
    },
    /** gonx's example: 1,000 lines of a custom format with $request_time and app-defined "-" fields. */
    GONX("gonx-example") {
        @Override
        public List<PeerLine> lines(Path root) {
            return sameFormat(root, "access.log", PeerFormat.GONX, Map.of());
        }
    },
    /**
     * Filebeat's nginx access tests: combined with an optional trailing "$http_x_forwarded_for", and a $host
     * (or $host:$server_port) prefix, the formats its SOURCE.txt gives. Lines that hold an address list, a
     * quoted X-Forwarded-For list or a host name where those formats have $remote_addr are robustness cases
     * for Filebeat's grok, not lines nginx writes under them: nginx logs the connection's address (or the
     * one address the realip module takes from a header), never a list or a name.
     */
    FILEBEAT_ACCESS("filebeat-nginx-access") {
        @Override
        public List<PeerLine> lines(Path root) {
            PeerFormat c = PeerFormat.COMBINED;
            PeerFormat m = PeerFormat.MAIN;
            PeerFormat hc = PeerFormat.HOST_COMBINED;
            PeerFormat hm = PeerFormat.HOST_MAIN;
            List<PeerLine> out = new ArrayList<>();
            out.addAll(perLine(root, "test.log", new PeerFormat[] {c, m, c, c, c, c, c}, Map.of(
                    1, LIST_AS_CLIENT, 3, LIST_AS_CLIENT, 5, QUOTED_LIST_BEFORE_CLIENT, 6, LIST_AS_CLIENT)));
            out.addAll(perLine(root, "test-with-host.log", new PeerFormat[] {hc, hm, hc, hc, hc, hc, hc, hc, hm, hm},
                    Map.of(1, LIST_AS_CLIENT, 3, LIST_AS_CLIENT, 5, QUOTED_LIST_BEFORE_CLIENT, 6, LIST_AS_CLIENT,
                            9, NAME_AS_CLIENT, 10, LIST_AS_CLIENT)));
            return out;
        }
    },
    /** crowdsec hub parser tests, regrouped by format: one {@code .fmt} per {@code .log} (see the folder's SOURCE.txt). */
    CROWDSEC("crowdsec-hub") {
        @Override
        public List<PeerLine> lines(Path root) {
            // the hub's nginx_http-catch-npm test lines 5 and 6 swap NPM's two formats' [Sent-to $server] part
            // (the hub's grok makes it optional); NPM's own log-proxy.conf writes it in "proxy" and never in "standard"
            return byFmtFile(root, Map.of(
                    "npm_proxy.log:1", new ExpectedReject("a hand-written crowdsec test line (nginx_http-catch-npm "
                            + "line 6) without the [Sent-to $server] part NPM's proxy format always writes after "
                            + "[Gzip $gzip_ratio]", "$gzip_ratio"),
                    "npm_standard.log:1", new ExpectedReject("a hand-written crowdsec test line (nginx_http-catch-npm "
                            + "line 5) with a [Sent-to 192.168.1.50] part only NPM's proxy format writes: under the "
                            + "standard format it could only be part of $gzip_ratio, which nginx writes as a number "
                            + "with two decimals or -", "$gzip_ratio")));
        }

        @Override
        PeerChecks values(Path root) {
            return CrowdsecPeerTest.compare(root);
        }
    },
    /** fail2ban's nginx-bad-request and nginx-botsearch access-log lines, nginx "main". */
    FAIL2BAN("fail2ban") {
        @Override
        public List<PeerLine> lines(Path root) {
            return byFmtFile(root, Map.of());
        }

        @Override
        PeerChecks values(Path root) {
            return Fail2banPeerTest.compare(root);
        }
    },
    /** grafana/alloy's tailer test data: 2,000 real "main" lines at +0330, and one line without a final newline. */
    GRAFANA_ALLOY("grafana-alloy") {
        @Override
        public List<PeerLine> lines(Path root) {
            return byFmtFile(root, Map.of());
        }
    },
    /**
     * honeytail's nginx parser tests: a format without $request, custom trailing variables. The copy with a
     * syslog prefix ({@code Nov 05 10:23:45 myhost: https - ...}) parses: the format starts with the free-text
     * {@code $http_x_forwarded_proto}, and a header value with spaces is one nginx can log, so the prefix is read
     * as part of it (HoneytailPeerTest compares it after honeytail's own prefix regex).
     */
    HONEYTAIL("honeytail") {
        @Override
        public List<PeerLine> lines(Path root) {
            return byFmtFile(root, Map.of());
        }

        @Override
        PeerChecks values(Path root) {
            return HoneytailPeerTest.compare(root);
        }
    },
    /** What nginx's own test suite asserts it writes: escape modes, absent values, $binary_remote_addr, $pipe. */
    NGINX_TESTS("nginx-tests") {
        @Override
        public List<PeerLine> lines(Path root) {
            return byFmtFile(root, Map.of());
        }

        @Override
        PeerChecks values(Path root) {
            return NginxTestsPeerTest.compare(root);
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

        @Override
        PeerChecks values(Path root) {
            return IngressNginxPeerTest.compare(root);
        }
    };

    /** A client list where the format has $remote_addr (one address, or {@code unix:}). */
    static final ExpectedReject LIST_AS_CLIENT = new ExpectedReject("an address list where the format has "
            + "$remote_addr: nginx writes one address there (the realip module too replaces it with one address, "
            + "never the list)", "$remote_addr");
    /** A quoted X-Forwarded-For list before the client: a format the folder's SOURCE.txt does not give. */
    static final ExpectedReject QUOTED_LIST_BEFORE_CLIENT = new ExpectedReject("a quoted X-Forwarded-For list "
            + "before the client address: that is a format with \"$http_x_forwarded_for\" first, which the "
            + "folder's SOURCE.txt does not give; under its formats the line starts with $remote_addr",
            "$remote_addr");
    /** A host name where the format has $remote_addr. */
    static final ExpectedReject NAME_AS_CLIENT = new ExpectedReject("a host name (localhost) where the format has "
            + "$remote_addr: nginx writes the client's address, never a name", "$remote_addr");
    /** An anonymised client where the format has $remote_addr. */
    static final ExpectedReject ANONYMISED_CLIENT = new ExpectedReject("the exporter's Issue 90 fixture anonymised "
            + "the client as 10.rr.ii.yy: not an address, so not what nginx writes as $remote_addr", "$remote_addr");
    /** prometheus-nginxlog-exporter's Issue 90 scenario: its three lines of all-feature-lines.log. */
    private static final Map<Integer, ExpectedReject> ISSUE_90_LINES =
            Map.of(15, ANONYMISED_CLIENT, 16, ANONYMISED_CLIENT, 17, ANONYMISED_CLIENT);

    private final String dir;

    PeerFolder(String dir) {
        this.dir = dir;
    }

    /** The folder's name under the peer-log root. */
    public String dir() {
        return dir;
    }

    /**
     * The values the folder's source asserts, compared with ours by its convention (the source's
     * {@code *PeerTest} says which); {@code null} for a source that asserts no values.
     */
    PeerChecks values(Path root) {
        return null;
    }

    /** Every line of the folder's log files, each with its format and, if it must be rejected, why. */
    public abstract List<PeerLine> lines(Path root);

    /** Every format the folder's lines follow. */
    public List<PeerFormat> formats(Path root) {
        Set<PeerFormat> all = new LinkedHashSet<>();
        lines(root).forEach(l -> all.add(l.format()));
        return List.copyOf(all);
    }

    /**
     * Every {@code X.log} of the folder under the format of its {@code X.fmt} (a missing {@code .fmt} is an
     * error); {@code rejects} is keyed by {@code "X.log:line"}. Files in name order.
     */
    List<PeerLine> byFmtFile(Path root, Map<String, ExpectedReject> rejects) {
        Path folder = root.resolve(dir);
        List<String> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unused = new TreeSet<>(rejects.keySet());
        List<PeerLine> out = new ArrayList<>();
        for (String log : logs) {
            Path fmt = folder.resolve(log.substring(0, log.length() - ".log".length()) + ".fmt");
            if (!Files.isRegularFile(fmt)) {
                throw new IllegalStateException(dir + "/" + log + " has no .fmt beside it");
            }
            Map<Integer, ExpectedReject> byLine = new HashMap<>();
            rejects.forEach((where, reject) -> {
                if (where.startsWith(log + ":")) {
                    byLine.put(Integer.parseInt(where.substring(log.length() + 1)), reject);
                    unused.remove(where);
                }
            });
            out.addAll(sameFormat(root, log, PeerFormat.fromFmt(fmt), byLine));
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException(dir + ": listed rejects name no line: " + unused);
        }
        return out;
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
