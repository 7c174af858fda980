package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.LogRecord;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nginx's own test suite (access_log.t, access_log_variables.t): the exact bytes nginx wrote for a known
 * request, so the ground truth for what nginx writes, per variable and escape mode.
 *
 * <p>Convention: nginx's. A variable nginx has no value for is written {@code -} with {@code escape=default} and
 * as nothing with {@code escape=json} and {@code escape=none} (expected.json's {@code null}); we keep it as
 * logged. The escape formats {@code $uri$arg_b$arg_c} join three variables with no separator, which no parser
 * can split in general: the values are checked per variable by cutting the line where nginx's escaping of the
 * asserted values says it must be cut (so the cut is checked against nginx's bytes first) and decoding each
 * piece with our {@link Escape}; the record is checked for the three together. {@code $binary_remote_addr}'s
 * four bytes are checked as the address they are.
 */
class NginxTestsPeerTest {

    static PeerChecks compare(Path root) {
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.NGINX_TESTS.dir()).resolve("expected.json"));
        PeerChecks checks = new PeerChecks("nginx-tests");
        for (PeerLine line : PeerFolder.NGINX_TESTS.lines(root)) {
            JsonNode values = expected.path(line.file()).path(Integer.toString(line.number()));
            if (values.isMissingNode()) {
                throw new AssertionError(line.where() + " has no entry in expected.json");
            }
            LogRecord r = PeerChecks.parseOrNull(line);
            String where = line.where();
            if (values.has("uri_decoded")) {
                escapeCase(line, values, r, checks);
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String v = e.getValue().asText();
                if (key.startsWith("_")) {
                    continue;
                }
                if (r == null) {
                    checks.rejected(where, key, v);
                    continue;
                }
                switch (key) {
                    case "uri", "pipe" -> checks.equal(where, key, v, r.variable(key));
                    case "status" -> checks.number(where, key, e.getValue().asDouble(), r.status());
                    case "remote_addr" -> checks.equal(where, key + " (the four bytes of $binary_remote_addr)", v,
                            address(r.variable("binary_remote_addr")));
                    default -> throw new AssertionError("unmapped nginx-tests field " + key + " (" + where + ")");
                }
            }
        }
        return checks;
    }

    /** {@code $uri$arg_b$arg_c} under one escape mode: each variable, then our record's three together. */
    private static void escapeCase(PeerLine line, JsonNode values, LogRecord r, PeerChecks checks) {
        String where = line.where();
        Escape mode = line.format().format().escape();
        String uri = values.get("uri_decoded").asText();
        String argB = values.get("arg_b").isNull() ? null : values.get("arg_b").asText();
        String argC = values.get("arg_c").asText();
        List<byte[]> pieces = List.of(written(mode, uri), written(mode, argB), written(mode, argC));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces.forEach(joined::writeBytes);
        assertThat(new String(joined.toByteArray(), StandardCharsets.ISO_8859_1))
                .as("%s: nginx's %s escaping of the asserted values is the logged line", where, mode)
                .isEqualTo(new String(line.bytes(), StandardCharsets.ISO_8859_1));

        String absent = mode == Escape.DEFAULT ? "-" : "";
        List<String> decoded = new ArrayList<>();
        for (byte[] piece : pieces) {
            decoded.add(mode.decode(piece, 0, piece.length));
        }
        checks.equal(where, "$uri decoded (" + mode + ")", uri, decoded.get(0));
        checks.equal(where, "absent $arg_b as logged (" + mode + ")", absent, decoded.get(1));
        checks.equal(where, "$arg_c decoded (" + mode + ")", argC, decoded.get(2));
        if (r == null) {
            checks.rejected(where, "$uri$arg_b$arg_c", uri + absent + argC);
        } else {
            checks.equal(where, "$uri$arg_b$arg_c in our record (" + mode + ")", uri + absent + argC,
                    r.variable("uri") + r.variable("arg_b") + r.variable("arg_c"));
        }
    }

    /**
     * What nginx writes for {@code value} (UTF-8) in {@code mode}; {@code null} is a variable without a value.
     * Default: {@code "}, {@code \} and bytes below 0x20 or from 0x7F as {@code \xHH} (uppercase). JSON:
     * {@code \"}, {@code \\}, the short escapes, other bytes below 0x20 as {@code \}{@code u00HH}. None: as is.
     */
    static byte[] written(Escape mode, String value) {
        if (value == null) {
            return (mode == Escape.DEFAULT ? "-" : "").getBytes(StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int b = x & 0xff;
            String escaped = switch (mode) {
                case DEFAULT -> b == '"' || b == '\\' || b < 0x20 || b >= 0x7f ? String.format("\\x%02X", b) : null;
                case JSON -> switch (b) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> b < 0x20 ? String.format("\\u%04X", b) : null;
                };
                case NONE -> null;
            };
            if (escaped == null) {
                out.write(b);
            } else {
                out.writeBytes(escaped.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** The address whose network-order bytes {@code binary} holds (one char per byte). */
    private static String address(String binary) {
        if (binary == null) {
            return null;
        }
        byte[] bytes = new byte[binary.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = binary.charAt(i);
            if (c > 0xff) {
                return "not bytes: " + binary;
            }
            bytes[i] = (byte) c;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "not an address: " + bytes.length + " bytes";
        }
    }

    @Test
    void nginxsOwnOutput_valuesPerVariableAndEscapeMode_matchOurs() {
        // three escape lines x 4, binary_remote_addr 1, filtered 2 x 2, long 2, pipe 2 x 2
        compare(PeerLogs.requireRoot()).assertAll(3 * 4 + 1 + 4 + 2 + 4);
    }

    @Test
    void fmtFiles_escapeWord_isTheFormatsEscapeMode() {
        Map<String, Escape> modes = new java.util.TreeMap<>();
        for (PeerLine line : PeerFolder.NGINX_TESTS.lines(PeerLogs.requireRoot())) {
            modes.put(line.file(), line.format().format().escape());
        }

        assertThat(modes).containsEntry("escape_default.log", Escape.DEFAULT).containsEntry("escape_json.log", Escape.JSON)
                .containsEntry("escape_none.log", Escape.NONE).containsEntry("pipe.log", Escape.DEFAULT);
    }

    @Test
    void jsonEscapedUri_decodesToTheSameTextAsTheDefaultEscapedOne() {
        String uri = "/escape/\"1 \u001b\u001c \"";
        byte[] byDefault = written(Escape.DEFAULT, uri);
        byte[] byJson = written(Escape.JSON, uri);

        assertThat(new String(byDefault, StandardCharsets.US_ASCII)).isEqualTo("/escape/\\x221 \\x1B\\x1C \\x22");
        assertThat(new String(byJson, StandardCharsets.US_ASCII)).isEqualTo("/escape/\\\"1 \\u001B\\u001C \\\"");
        assertThat(Escape.JSON.decode(byJson, 0, byJson.length)).isEqualTo(uri)
                .isEqualTo(Escape.DEFAULT.decode(byDefault, 0, byDefault.length));
    }
}
