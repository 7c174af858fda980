package io.ngxtime.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes random lines the way nginx would for a format: each variable gets a plausible value of its
 * kind, text escaped per the format's {@code escape=} mode. The upstream lists of one line share one
 * shape (how many attempts, where {@code ", "} and {@code " : "} fall), with occasional {@code -}
 * elements; a line with no attempt logs {@code -}. Deterministic for a given {@link Random}.
 */
final class LineGenerator {
    /** What nginx prints for a socket address. */
    private static final String[] CLIENTS = {"192.168.64.1", "2a02:cf40::4e36", "unix:", "127.0.0.1", "::1",
        "::ffff:192.0.2.7", "2001:db8:0:0:1:0:0:1", "unix:/run/nginx.sock"};
    /** Header values: anything a client sends. */
    private static final String[] FORWARDED = {"-", "10.0.0.2, 10.0.0.1", "192.168.64.1", "unknown", ""};
    private static final String[] METHODS = {"GET", "POST", "geti", "PROPFIND", "-"};
    private static final String[] USERS = {"-", "alice", "remote_monitoring_user", ""};
    private static final String[] REFERERS = {"-", "", "https://example.com/a?b=c", "http://h/\"q\"?x=\\y"};
    private static final String[] AGENTS = {"curl/8.11.1", "-", "",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)", "bot \"quoted\" \u00e9t\u00e9"};
    private static final String[] HOSTS = {"example.com", "example.com:8080", "localhost", "_", "[::1]", "caf\u00e9.example"};
    private static final String[] URIS = {"/", "/a/b?c=d&e=f", "/A%20B/c.mp4", "/x\"y\\z", "/caf\u00e9"};
    private static final String[] REQUESTS = {"GET /products/42 HTTP/1.1", "POST /_bulk HTTP/1.1", "", "hello",
        "GET /a\"b HTTP/1.0", "PATCHp /x HTTP/1.1",
        "x00Cookie: mstshash=Administr", "GET http://example.com/ HTTP/2.0", "GET /two  spaces HTTP/1.1",
        "GET / HTTP/1.1 extra", "GET /path?q=a+b HTTP/1.1", "OPTIONS * HTTP/1.1", "GET /\u00e9 HTTP/1.1",
        "GET /", "GET", "CONNECT 10.0.0.1:443 HTTP/1.1", "GET /a 200 HTTP/1.1", "\\x03 \\x00 x"};
    /** The start of a TLS ClientHello sent to a plain-HTTP port: nginx logs it as the request line. */
    private static final byte[] TLS_HELLO = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03,
        0x03, (byte) 0xdf, 0x22, 0x5c};
    private static final String[] CACHE = {"HIT", "MISS", "-", "", "STALE", "EXPIRED", "BYPASS", "UPDATING",
        "REVALIDATED", "hit"};
    private static final String[] ADDRESSES = {"10.0.0.1:8080", "172.17.0.7:80", "[2a02:cf40::7]:5000",
        "unix:/var/run/php-fpm.sock", "backend_group", "127.0.0.1:26157"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
        "Dec"};

    private final LogFormat format;

    LineGenerator(LogFormat format) {
        this.format = format;
    }

    byte[] line(Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // one shape for every upstream list of the line: separators[i] is the separator before element i + 1
        int attempts = rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 5 : 2);
        String[] separators = new String[Math.max(0, attempts - 1)];
        for (int i = 0; i < separators.length; i++) {
            separators[i] = rnd.nextInt(4) == 0 ? " : " : ", ";
        }
        for (FormatPart p : format.parts()) {
            if (p instanceof FormatPart.Literal l) {
                out.writeBytes(l.text().getBytes(StandardCharsets.UTF_8));
            } else {
                FormatPart.Variable v = (FormatPart.Variable) p;
                out.writeBytes(value(v, rnd, attempts, separators));
            }
        }
        return out.toByteArray();
    }

    private byte[] value(FormatPart.Variable v, Random rnd, int attempts, String[] separators) {
        return switch (v.kind()) {
            case TIME_LOCAL -> ascii(timeLocal(rnd));
            case TIME_ISO8601 -> ascii(timeIso(rnd));
            case MSEC -> ascii((1_500_000_000L + rnd.nextInt(200_000_000)) + "." + three(rnd.nextInt(1000)));
            case STATUS -> ascii(Integer.toString(100 + rnd.nextInt(500)));
            case COUNT -> ascii(rnd.nextInt(20) == 0 ? absent() : Long.toString(pick(rnd, new long[] {0, 1, 59, 12312,
                    rnd.nextInt(1 << 20)})));
            case SECONDS -> ascii(rnd.nextInt(15) == 0 ? absent() : seconds(rnd, 0));
            case ADDRESS -> text(pick(rnd, CLIENTS));
            case METHOD -> text(rnd.nextInt(12) == 0 ? absent() : pick(rnd, METHODS));
            case HOST -> text(pick(rnd, HOSTS));
            case REQUEST -> rnd.nextInt(REQUESTS.length + 1) == 0 ? text(TLS_HELLO) : text(pick(rnd, REQUESTS));
            case CACHE_STATUS -> text(pick(rnd, CACHE));
            case UPSTREAM_ADDR, UPSTREAM_STATUS, UPSTREAM_CONNECT_TIME, UPSTREAM_HEADER_TIME, UPSTREAM_RESPONSE_TIME,
                    UPSTREAM_RESPONSE_LENGTH -> ascii(attempts == 0 ? absent() : list(v.kind(), rnd, attempts, separators));
            case TEXT -> text(textValue(v.name(), rnd));
        };
    }

    private static String list(FieldKind kind, Random rnd, int attempts, String[] separators) {
        if (attempts == 0) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < attempts; i++) {
            if (i > 0) {
                sb.append(separators[i - 1]);
            }
            boolean dash = kind != FieldKind.UPSTREAM_ADDR && rnd.nextInt(6) == 0;
            sb.append(dash ? "-" : switch (kind) {
                case UPSTREAM_ADDR -> pick(rnd, ADDRESSES);
                case UPSTREAM_STATUS -> pick(rnd, new String[] {"200", "502", "504", "404", "203"});
                case UPSTREAM_RESPONSE_LENGTH -> Integer.toString(rnd.nextInt(100_000));
                default -> seconds(rnd, 0);
            });
        }
        return sb.toString();
    }

    private static String seconds(Random rnd, int dashOneIn) {
        if (dashOneIn > 0 && rnd.nextInt(dashOneIn) == 0) {
            return "-";
        }
        return switch (rnd.nextInt(8)) {
            case 0 -> Integer.toString(rnd.nextInt(50));                       // "10": integer seconds
            case 1 -> rnd.nextInt(100) + "." + three(rnd.nextInt(1000)) + rnd.nextInt(1000); // extra digits
            default -> rnd.nextInt(4) + "." + three(rnd.nextInt(1000));
        };
    }

    private String textValue(String name, Random rnd) {
        return switch (name) {
            case "the_real_ip", "http_x_forwarded_for" -> pick(rnd, FORWARDED);
            case "remote_user" -> pick(rnd, USERS);
            case "http_referer" -> pick(rnd, REFERERS);
            case "http_user_agent" -> pick(rnd, AGENTS);
            case "host", "server_name", "http_host" -> pick(rnd, HOSTS);
            case "request_uri", "uri", "document_uri" -> pick(rnd, URIS);
            case "args", "query_string" -> rnd.nextInt(3) == 0 ? absent() : pick(rnd, new String[] {"a=1", "", "q=x%20y&b"});
            case "server_protocol" -> pick(rnd, new String[] {"HTTP/1.1", "HTTP/2.0", "", "HTTP/1.0"});
            case "scheme" -> pick(rnd, new String[] {"http", "https"});
            case "server_port" -> Integer.toString(rnd.nextInt(65536));
            case "req_id", "request_id" -> Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong());
            case "proxy_upstream_name", "proxy_alternative_upstream_name" ->
                    pick(rnd, new String[] {"default-web-8080", "", "upstream-balancer"});
            default -> pick(rnd, new String[] {"-", "x", "a b", "0.5", "p", ""});
        };
    }

    /** What nginx writes for a variable with no value: {@code -}, or nothing with escape=json and escape=none. */
    private String absent() {
        return format.escape() == Escape.DEFAULT ? "-" : "";
    }

    private byte[] text(String value) {
        return text(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A value as nginx writes it into the log under the format's escape mode. */
    private byte[] text(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : raw) {
            int c = b & 0xff;
            switch (format.escape()) {
                case DEFAULT -> {
                    if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                        out.writeBytes(ascii(String.format("\\x%02X", c)));
                    } else {
                        out.write(c);
                    }
                }
                case JSON -> {
                    if (c == '"' || c == '\\') {
                        out.write('\\');
                        out.write(c);
                    } else if (c < 0x20) {
                        out.writeBytes(ascii(String.format("\\u%04x", c)));
                    } else {
                        out.write(c);
                    }
                }
                case NONE -> out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static String timeLocal(Random rnd) {
        int offsetMinutes = pick(rnd, new int[] {0, 60, -300, 480, 330, -720, 840});
        return String.format("%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d", 1 + rnd.nextInt(28), pick(rnd, MONTHS),
                1990 + rnd.nextInt(50), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60),
                offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
    }

    private static String timeIso(Random rnd) {
        int offsetMinutes = pick(rnd, new int[] {0, 180, -300, 330});
        String zone = rnd.nextInt(5) == 0 ? "Z" : String.format("%s%02d:%02d", offsetMinutes < 0 ? "-" : "+",
                Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", 1990 + rnd.nextInt(50), 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), zone);
    }

    private static String three(int v) {
        return String.format("%03d", v);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static long pick(Random rnd, long[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static int pick(Random rnd, int[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
