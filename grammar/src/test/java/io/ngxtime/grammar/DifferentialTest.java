package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.conf.NginxConfReader;
import io.ngxtime.grammar.peer.PeerConformance;
import io.ngxtime.grammar.peer.PeerFolder;
import io.ngxtime.grammar.peer.PeerFormat;
import io.ngxtime.grammar.peer.PeerLine;
import io.ngxtime.grammar.peer.PeerLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled matcher ({@link CompiledLineParser}) and the reference parser (the {@code LineValues.g4}
 * grammar) agree on every line: both accept or both reject, and on accepted lines every field is equal
 * ({@code CanonicalFields.of(record)} equals the reference's fields). The compiled matcher never throws.
 * Checked on the peer lines and on seeded random lines: valid lines of each format (hand-written ones
 * with the awkward cases, and generated ones), then mutated. A disagreement is shrunk to a minimal line.
 */
class DifferentialTest {
    /** Fixed, so that a run is repeatable; {@code -Dngxtime.fuzz.seed=...} explores other lines. */
    private static final long SEED = Long.getLong("ngxtime.fuzz.seed", 0x6e67787469L); // "ngxti"
    /** {@code -Dngxtime.fuzz.scale=N} checks N times as many lines (the default keeps the test to a second or two). */
    private static final int SCALE = Integer.getInteger("ngxtime.fuzz.scale", 1);
    private static final int GENERATED_PER_FORMAT = 12 * SCALE;
    private static final int MUTANTS_PER_LINE = 12;
    private static final int REPORTED = 5;
    private static final int RANDOM_FORMATS = 12 * SCALE;

    /**
     * A format to fuzz, the hand-written lines that must parse under it, and the share of generated lines
     * that must parse (low for deliberately ambiguous formats, where a greedy list eats the next literal).
     */
    record FuzzFormat(String label, LogFormat format, List<String> seeds, double minimumParsing) {
        FuzzFormat(String label, LogFormat format, List<String> seeds) {
            this(label, format, seeds, 0.8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<FuzzFormat> formats() {
        String json = "{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\",\"request\":\"$request\","
                + "\"status\":$status,\"bytes\":$body_bytes_sent,\"request_time\":$request_time,"
                + "\"upstream_addr\":\"$upstream_addr\",\"upstream_status\":\"$upstream_status\","
                + "\"upstream_response_time\":\"$upstream_response_time\",\"upstream_connect_time\":\"$upstream_connect_time\","
                + "\"referer\":\"$http_referer\",\"agent\":\"$http_user_agent\",\"cache\":\"$upstream_cache_status\"}";
        return Stream.of(
                new FuzzFormat("combined", Preset.COMBINED.format(), List.of(
                        "192.168.64.1 - - [07/Feb/2020:11:48:51 +0000] \"GET /products HTTP/1.1\" 200 59 \"-\" \"curl/7.54.0\"",
                        "0.0.0.0 - - [04/Oct/2022:04:34:49 +0000] \"\" 400 0 \"\" \"\"",
                        "0.0.0.0 - - [04/Oct/2022:03:07:27 +0000] \"\\x16\\x03\\x01\\x00\\xA5\\x01\\x00\\x00\\xA1\\x03\\x03\" 400 150 \"-\" \"-\"",
                        "2a02:cf40::4e36 - bob [24/Aug/2022:18:05:41 -0130] \"GET /a\\x22b HTTP/2.0\" 502 552 \"https://x/\" \"A \\x22q\\x22 \\\\ z\"",
                        "unix: - - [26/Feb/2019:15:39:42 +0100] \"hello\" 400 173 \"-\" \"-\"")),
                new FuzzFormat("main", Preset.MAIN.format(), List.of(
                        "172.24.0.3 - - [31/Dec/2024:17:32:06 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.11.1\" \"1.2.3.4, 10.10.1.1\"")),
                new FuzzFormat("upstreaminfo", Preset.UPSTREAMINFO.format(), List.of(
                        "192.168.64.14 - - [07/Feb/2020:12:02:42 +0000] \"GET /v2 HTTP/1.1\" 200 61 \"-\" \"ua\" 348 0.001 [web] [] 172.17.0.6:8080, 172.17.0.7:8080 61, 100 0.100, 0.004 200, 203 835136ae",
                        "1.2.3.4 - - [07/Feb/2020:12:02:42 +0000] \"GET /v2 HTTP/1.1\" 200 61 \"-\" \"ua\" 348 0.030 [web] [alt] 10.0.0.1:80, 10.0.0.2:80 : unix:/tmp/sock, [2a02::7]:5000 1, - : 3, 4 0.010, - : 0.020, 0.001 502, - : 200, 200 abc",
                        "192.168.64.1 - - [07/Feb/2020:11:49:50 +0000] \"PATCHp /products/42 HTTP/1.1\" 400 163 \"-\" \"-\" 0 0.000 [] [] - - - - 4c7d2079",
                        "2a02:cf40:: - user [24/Aug/2022:21:04:17 +0000] \"POST /_bulk HTTP/1.1\" 200 470 \"-\" \"m\" 2057 0.033 [es] [] [2a02:cf40::]:9200 470 0.036 200 3db7",
                        "192.168.64.14 - - [07/Feb/2020:12:02:42 +0000] \"GET /t HTTP/1.1\" 200 61 \"-\" \"ua\" 348 0.001 [w] [] 172.17.0.6:8080, 172.17.0.7:8080 - 0.100, - 200, - 8351")),
                new FuzzFormat("timing", Preset.TIMING.format(), List.of(
                        "10.0.0.1 - - [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 200 61 \"-\" \"ua\" rt=0.105 ua=\"10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80\" us=\"502, 200 : 200\" uct=\"0.001, 0.002 : -\" uht=\"-, 0.050 : 0.010\" urt=\"0.003, 0.060 : 0.040\" ucs=MISS msec=1581076962.123",
                        "10.0.0.1 - - [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 304 0 \"-\" \"ua\" rt=0.000 ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=HIT msec=1581076962.000")),
                new FuzzFormat("escape=json", conf("log_format j escape=json '" + json + "';"), List.of(
                        "{\"time\":\"2020-02-07T12:02:42+01:00\",\"remote_addr\":\"::1\",\"request\":\"GET /a\\\"b\\\\c\\u0001 HTTP/1.1\",\"status\":200,\"bytes\":5,\"request_time\":0.010,\"upstream_addr\":\"10.0.0.1:80 : 10.0.0.2:80\",\"upstream_status\":\"502 : 200\",\"upstream_response_time\":\"0.004 : 0.005\",\"upstream_connect_time\":\"-\",\"referer\":\"\",\"agent\":\"caf\u00e9\",\"cache\":\"\"}",
                        // a request nginx answered itself: every upstream variable has no value, written ""
                        "{\"time\":\"2020-02-07T12:02:42+01:00\",\"remote_addr\":\"10.0.0.1\",\"request\":\"GET /static/a.css HTTP/1.1\",\"status\":200,\"bytes\":5,\"request_time\":0.000,\"upstream_addr\":\"\",\"upstream_status\":\"\",\"upstream_response_time\":\"\",\"upstream_connect_time\":\"\",\"referer\":\"\",\"agent\":\"x\",\"cache\":\"\"}")),
                new FuzzFormat("json-shaped", LogFormats.compile("{ \"message\":\"$request_uri\",\"client\": \"$remote_addr\","
                        + "\"auth\": \"$remote_user\", \"bytes\": \"$body_bytes_sent\", \"time_in_sec\": \"$request_time\", "
                        + "\"response\": \"$status\", \"verb\":\"$request_method\",\"referrer\": \"$http_referer\", "
                        + "\"site\":\"$http_host\",\"agent\": \"$http_user_agent\" }"), List.of(
                        "{ \"message\":\"/one/two?x=1\",\"client\": \"10.11.12.13\",\"auth\": \"-\", \"bytes\": \"178\", \"time_in_sec\": \"0.000\", \"response\": \"301\", \"verb\":\"GET\",\"referrer\": \"-\", \"site\":\"h.example.com\",\"agent\": \"git/1.9.5\" }")),
                new FuzzFormat("adjacent variables", LogFormats.compile("$scheme://$host$request_uri $server_name:$server_port "
                        + "$remote_addr [$time_local] \"$request\" $status $request_time $upstream_cache_status$upstream_status "
                        + "$request_method$uri"), List.of(
                        "https://example.com/a/b?c=d _:443 10.0.0.1 [07/Feb/2020:12:02:42 +0000] \"GET /a/b?c=d HTTP/1.1\" 200 0.012 HIT- GET/a/b",
                        "http://localhost/ localhost:80 ::1 [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 502 1.000 MISS502, 200 GET/")),
                new FuzzFormat("tab-separated", LogFormats.compile("$time_iso8601\t$remote_addr\t$request_method\t\"$request_uri\"\t"
                        + "$status\t$body_bytes_sent\t$request_time\t$upstream_addr\t$upstream_connect_time\t"
                        + "$upstream_header_time\t$upstream_response_time\t$upstream_response_length\t$msec"), List.of(
                        "2018-07-19T23:21:56+03:00\t141.8.0.0\tGET\t\"/robots.txt\"\t200\t38\t0.012\t10.0.0.1:80, 10.0.0.2:80\t0.001, -\t0.005, 0.004\t0.008, 0.004\t10, 28\t1532031716.123",
                        "2018-07-19T20:21:56Z\t141.8.0.0\tGET\t\"/\"\t304\t0\t0.000\t-\t-\t-\t-\t-\t1532031716.000")),
                new FuzzFormat("escape=none", conf("log_format raw escape=none '$remote_addr \"$request\" $status "
                        + "\"$http_user_agent\" $request_time $upstream_response_time';"), List.of(
                        "10.0.0.1 \"GET /a\\b HTTP/1.1\" 200 \"agent \\x22\" 0.010 0.004, 0.005"), 0.7),
                // lists followed by literals that start like a separator: where a list ends is a real question
                new FuzzFormat("lists before separator-like literals", LogFormats.compile("$upstream_response_time, "
                        + "$remote_user : $upstream_status, $request_method : $upstream_response_length \"$upstream_addr\""),
                        List.of("0.004, alice : 200, GET : 512 \"10.0.0.1:80\"",
                                "0.1, 0.2 : 0.3, u : 200 : 502, POST : 1, 2 \"a, b : c\""), 0.1),
                // the request logged in parts, not as $request (Nginx Proxy Manager, many JSON formats)
                new FuzzFormat("request parts", LogFormats.compile("$remote_addr - [$time_local] $request_method $scheme "
                        + "\"$request_uri\"  $status $request_time $body_bytes_sent  \"$http_referer\" \"$http_user_agent\" $host"),
                        List.of("192.0.2.1 - [07/Feb/2020:12:02:42 +0000] POST https \"/api/orders?id=7\"  201 0.012 15  \"-\" \"curl/8\" example.com",
                                "2001:db8::1 - [07/Feb/2020:12:02:42 +0000] - http \"-\"  400 0.000 157  \"-\" \"-\" _")),
                new FuzzFormat("uri and args", LogFormats.compile("$remote_addr [$time_local] $request_method $uri $args "
                        + "$server_protocol $status $request_time"), List.of(
                        "10.0.0.1 [07/Feb/2020:12:02:42 +0000] GET /search q=a HTTP/1.1 200 0.004",
                        "10.0.0.1 [07/Feb/2020:12:02:42 +0000] GET /search - HTTP/2.0 200 0.004")),
                // $request without quotes: the request line is read whole (method, target, protocol) when the rest fits
                new FuzzFormat("unquoted request", LogFormats.compile("$request_time $upstream_response_time [$time_local] "
                        + "$request $status $body_bytes_sent \"$host\" \"$http_user_agent\""), List.of(
                        "0.012 0.010 [07/Feb/2020:12:02:42 +0000] GET /a/b?c=d HTTP/1.1 200 612 \"example.com\" \"curl/8\"",
                        "0.000 - [07/Feb/2020:12:02:42 +0000] GET / 400 0 \"-\" \"-\"",
                        "0.000 - [07/Feb/2020:12:02:42 +0000] \\x16\\x03\\x01 x y 400 0 \"-\" \"-\"",
                        "0.000 - [07/Feb/2020:12:02:42 +0000] GET /two 200 words HTTP/1.1 404 0 \"-\" \"-\""), 0.7),
                // a shipper trimmed the format's trailing space
                new FuzzFormat("trailing space", LogFormats.compile("$remote_addr - $remote_user [$time_local] \"$request\" "
                        + "$status $body_bytes_sent $request_time "), List.of(
                        "10.0.0.1 - - [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 200 612 0.001 ",
                        "10.0.0.1 - - [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 200 612 0.001")),
                // a backslash literal, non-ASCII literal text, $msec
                new FuzzFormat("odd literals", LogFormats.compile("$remote_addr\\$host \u00e9 [$time_local] \"$request\" "
                        + "$status $bytes_sent $request_time $msec"), List.of(
                        "10.0.0.1\\example.com \u00e9 [07/Feb/2020:12:02:42 +0000] \"GET / HTTP/1.1\" 200 612 0.012 1581076962.123")));
    }

    private static LogFormat conf(String directive) {
        return NginxConfReader.parse(directive, "DifferentialTest").get(0);
    }

    @Test
    void peerLines_underTheirFormat_andEveryOtherFormatOfTheirFolder_agree() {
        Path root = PeerLogs.requireRoot();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (PeerFolder folder : PeerFolder.values()) {
            // under its own format, every line went through both parsers in the conformance pass
            PeerConformance.FolderResult own = PeerConformance.result(folder, root);
            failures.addAll(own.problems());
            checked += own.lines();
            List<PeerLine> lines = folder.lines(root);
            Map<String, PeerFormat> formats = new LinkedHashMap<>();
            lines.forEach(l -> formats.putIfAbsent(l.format().format().text(), l.format()));
            for (PeerFormat other : formats.values()) {
                ParserPair pair = new ParserPair(other.format());
                for (PeerLine line : lines) {
                    if (!line.format().format().text().equals(other.format().text())) {
                        checked++;
                        record(pair, line.bytes(), line.where() + " under " + other.label(), failures);
                    }
                }
            }
        }
        assertThat(failures).as("peer lines the two parsers disagree on").isEmpty();
        // 1,109 peer lines under their own format, and 396 line-format pairs with another format of the folder
        assertThat(checked).as("peer lines and line-format pairs checked").isEqualTo(1505);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void seedsParse_andMutatedLines_agree(FuzzFormat f) {
        ParserPair pair = new ParserPair(f.format());
        for (String seed : f.seeds()) {
            byte[] b = seed.getBytes(StandardCharsets.UTF_8);
            assertThat(pair.check(b).fastAccepts()).as("seed parses: %s", seed).isTrue();
        }
        fuzz(f, pair);
    }

    /** Generated lines of the format and mutants of them (and of its seeds) must get the same verdict from both. */
    private static void fuzz(FuzzFormat f, ParserPair pair) {
        Random rnd = new Random(SEED ^ f.label().hashCode());
        LineGenerator generator = new LineGenerator(f.format());
        List<byte[]> bases = new ArrayList<>();
        f.seeds().forEach(s -> bases.add(s.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < GENERATED_PER_FORMAT; i++) {
            bases.add(generator.line(rnd));
        }
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int mutantsAccepted = 0;
        for (byte[] base : bases) {
            accepted += record(pair, base, "generated", failures) ? 1 : 0;
            for (int m = 0; m < MUTANTS_PER_LINE; m++) {
                mutantsAccepted += record(pair, LineMutator.mutate(base, rnd), "mutant", failures) ? 1 : 0;
            }
        }
        System.out.printf("differential %-20s %d valid lines (%d parse), %d mutants (%d parse)%n", f.label(),
                bases.size(), accepted, bases.size() * MUTANTS_PER_LINE, mutantsAccepted);
        assertThat(failures).as("lines the two parsers disagree on, shrunk").isEmpty();
        assertThat(accepted).as("generated lines that parse").isGreaterThanOrEqualTo(
                (int) (bases.size() * f.minimumParsing()));
    }

    /** Formats made of random variables of every kind joined by random literals, some empty (adjacent variables). */
    static Stream<FuzzFormat> randomFormats() {
        String[] variables = {"time_local", "time_iso8601", "msec", "request", "status", "body_bytes_sent",
            "request_length", "request_time", "upstream_addr", "upstream_status", "upstream_connect_time",
            "upstream_header_time", "upstream_response_time", "upstream_response_length", "upstream_cache_status",
            "remote_addr", "http_user_agent", "host", "request_uri", "foo", "request_method", "server_addr", "uri",
            "args", "server_protocol"};
        String[] literals = {"", " ", " - ", "\"", "\" \"", "[", "] ", ", ", " : ", ":", "\t", "=", "|", "-", "/", "x"};
        Random rnd = new Random(SEED);
        List<FuzzFormat> out = new ArrayList<>();
        for (int i = 0; i < RANDOM_FORMATS; i++) {
            StringBuilder text = new StringBuilder(rnd.nextBoolean() ? "" : literals[1 + rnd.nextInt(literals.length - 1)]);
            int n = 2 + rnd.nextInt(6);
            for (int v = 0; v < n; v++) {
                // ${name} so that a literal starting with a name character cannot extend the variable's name
                text.append("${").append(variables[rnd.nextInt(variables.length)]).append('}');
                text.append(v + 1 < n || rnd.nextBoolean() ? literals[rnd.nextInt(literals.length)] : "");
            }
            LogFormat f = LogFormats.compile(text.toString());
            // a record has one slot per typed value: repeated variables, or $time_local with $time_iso8601,
            // show the last one's value in every position (CanonicalFields), so they are left out
            boolean oneTime = !(f.has("time_local") && f.has("time_iso8601"));
            if (oneTime && f.variables().stream().map(FormatPart.Variable::name).distinct().count() == f.variableCount()) {
                out.add(new FuzzFormat("random " + i + ": " + text, f, List.of(), 0));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomFormats")
    void randomFormats_mutatedLines_agree(FuzzFormat f) {
        fuzz(f, new ParserPair(f.format()));
    }

    @Test
    void randomBytes_neverThrow_andBothParsersAgree() {
        Random rnd = new Random(SEED);
        List<ParserPair> pairs = formats().map(f -> new ParserPair(f.format())).toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 60 * SCALE; i++) {
            byte[] b = new byte[rnd.nextInt(120)];
            rnd.nextBytes(b);
            for (ParserPair pair : pairs) {
                record(pair, b, "random bytes", failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Checks one line; records a shrunk description when the parsers disagree. Returns whether it was accepted. */
    private static boolean record(ParserPair pair, byte[] line, String origin, List<String> failures) {
        ParserPair.Verdict v = pair.check(line);
        if (!v.agree() && failures.size() < REPORTED) {
            byte[] minimal = pair.shrink(line);
            failures.add(String.format("%s [%s]: %s%n  line:    %s%n  minimal: %s%n  %s", origin, pair.format().name(),
                    v.kind(), ParserPair.show(line), ParserPair.show(minimal), pair.check(minimal).describe(pair.format())));
        } else if (!v.agree()) {
            failures.add(origin + ": " + v.kind());
        }
        return v.agree() && v.fastAccepts();
    }
}
