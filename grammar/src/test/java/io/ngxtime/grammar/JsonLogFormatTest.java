package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.JsonLogFormat.Inferred;
import io.ngxtime.grammar.JsonLogFormat.KeyReading;
import io.ngxtime.grammar.JsonLogFormat.NotInferred;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inferring a JSON log's format from a line, on the shapes nginx and ingress-nginx users configure. */
class JsonLogFormatTest {
    private static JsonLogFormat.Inference infer(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return JsonLogFormat.infer(b, 0, b.length);
    }

    private static Inferred inferred(String line) {
        JsonLogFormat.Inference i = infer(line);
        assertThat(i).as(line).isInstanceOf(Inferred.class);
        return (Inferred) i;
    }

    /** key -> "$variable" or "text". */
    private static Map<String, String> readings(Inferred i) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyReading k : i.keys()) {
            out.put(k.key(), k.text() ? "text" : "$" + k.variable());
        }
        return out;
    }

    private static LogRecord parse(Inferred i, String line) {
        LogRecord r = i.format().newRecord();
        assertThat(i.format().newParser().parse(line, r)).as(i.format().text() + "\n" + line).isTrue();
        return r;
    }

    /** The shape of the escape=json format the differential test fuzzes (numbers bare, lists quoted). */
    @Test
    void aDocumentedEscapeJsonShape_keysNamedLikeVariables_andCommonAliases() {
        String line = "{\"time\":\"2020-02-07T12:02:42+01:00\",\"remote_addr\":\"::1\",\"request\":\"GET /a\\\"b HTTP/1.1\","
                + "\"status\":200,\"bytes\":5,\"request_time\":0.010,\"upstream_addr\":\"10.0.0.1:80 : 10.0.0.2:80\","
                + "\"upstream_status\":\"502 : 200\",\"upstream_response_time\":\"0.004 : 0.005\","
                + "\"upstream_connect_time\":\"-\",\"referer\":\"-\",\"agent\":\"caf\u00e9\",\"cache\":\"-\"}";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(
                Map.entry("time", "$time_iso8601"), Map.entry("remote_addr", "$remote_addr"),
                Map.entry("request", "$request"), Map.entry("status", "$status"), Map.entry("bytes", "$body_bytes_sent"),
                Map.entry("request_time", "$request_time"), Map.entry("upstream_addr", "$upstream_addr"),
                Map.entry("upstream_status", "$upstream_status"),
                Map.entry("upstream_response_time", "$upstream_response_time"),
                Map.entry("upstream_connect_time", "$upstream_connect_time"), Map.entry("referer", "$http_referer"),
                Map.entry("agent", "$http_user_agent"), Map.entry("cache", "text"));
        assertThat(i.format().escape()).isEqualTo(Escape.JSON);
        assertThat(i.format().text()).startsWith("{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\",")
                .contains("\"status\":$status,\"bytes\":$body_bytes_sent,").endsWith("\"cache\":\"$json_cache\"}");
        LogRecord r = parse(i, line);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestTimeMicros()).isEqualTo(10_000);
        assertThat(r.bodyBytesSent()).isEqualTo(5);
        assertThat(r.time().toString()).isEqualTo("2020-02-07T12:02:42+01:00");
        assertThat(r.path()).isEqualTo("/a\"b");
    }

    /** The json_combined of many guides: every value quoted, a space after some colons, "http_referrer" for the referer. */
    @Test
    void jsonCombined_everyValueQuoted_spacesKeptAsWritten() {
        String line = "{\"time_local\":\"07/Feb/2020:12:02:42 +0000\",\"remote_addr\":\"192.0.2.7\",\"remote_user\":\"\","
                + "\"request\":\"GET /products HTTP/1.1\",\"status\": \"200\",\"body_bytes_sent\":\"59\","
                + "\"request_time\":\"0.012\",\"http_referrer\":\"\",\"http_user_agent\":\"curl/7.54.0\"}";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(
                Map.entry("time_local", "$time_local"), Map.entry("remote_addr", "$remote_addr"),
                Map.entry("remote_user", "$remote_user"), Map.entry("request", "$request"), Map.entry("status", "$status"),
                Map.entry("body_bytes_sent", "$body_bytes_sent"), Map.entry("request_time", "$request_time"),
                Map.entry("http_referrer", "$http_referer"), Map.entry("http_user_agent", "$http_user_agent"));
        assertThat(i.format().text()).contains("\"status\": \"$status\",");
        LogRecord r = parse(i, line);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestTimeMicros()).isEqualTo(12_000);
        assertThat(r.userAgent()).isEqualTo("curl/7.54.0");
    }

    /** An ingress-nginx log-format-upstream in JSON as its users write it: spaces after colons and commas. */
    @Test
    void ingressNginxJson_aliasesForPathMethodAndSeconds_aTakenVariableIsTextAfterwards() {
        String line = "{\"time\": \"2024-01-15T10:00:00+00:00\", \"remote_addr\": \"10.0.0.1\", \"x_forwarded_for\": \"1.2.3.4\", "
                + "\"request_id\": \"6d3a\", \"bytes_sent\": 512, \"request_time\": 0.012, \"status\": 200, "
                + "\"vhost\": \"example.com\", \"request_proto\": \"HTTP/1.1\", \"path\": \"/api/orders\", "
                + "\"request_length\": 100, \"duration\": 0.012, \"method\": \"GET\", "
                + "\"proxy_upstream_name\": \"default-api-80\", \"upstream_status\": \"200\"}  ";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(
                Map.entry("time", "$time_iso8601"), Map.entry("remote_addr", "$remote_addr"),
                Map.entry("x_forwarded_for", "$http_x_forwarded_for"), Map.entry("request_id", "$request_id"),
                Map.entry("bytes_sent", "$bytes_sent"), Map.entry("request_time", "$request_time"),
                Map.entry("status", "$status"), Map.entry("vhost", "text"), Map.entry("request_proto", "text"),
                Map.entry("path", "$request_uri"), Map.entry("request_length", "$request_length"),
                Map.entry("duration", "text"), Map.entry("method", "$request_method"),
                Map.entry("proxy_upstream_name", "$proxy_upstream_name"), Map.entry("upstream_status", "$upstream_status"));
        assertThat(i.format().text()).endsWith("\"upstream_status\": \"$upstream_status\"}  ");
        assertThat(parse(i, line).requestLength()).isEqualTo(100);
    }

    @Test
    void aliases_readOnlyWhenTheValueLooksRight() {
        Inferred i = inferred("{\"rt\":12,\"timestamp\":1581076962.123,\"method\":\"get\",\"path\":\"x\",\"response\":\"OK\"}");
        assertThat(readings(i)).containsExactly(Map.entry("rt", "text"), Map.entry("timestamp", "$msec"),
                Map.entry("method", "text"), Map.entry("path", "text"), Map.entry("response", "text"));
        Inferred seconds = inferred("{\"rt\":\"0.250\",\"time\":\"07/Feb/2020:12:02:42 +0000\",\"response\":404}");
        assertThat(readings(seconds)).containsExactly(Map.entry("rt", "$request_time"), Map.entry("time", "$time_local"),
                Map.entry("response", "$status"));
    }

    @Test
    void aValueThatDoesNotReadAsItsVariable_isText_soTheLineStillParses() {
        String line = "{\"status\":\"OK\",\"request_time\":\"fast\",\"msg\":\"x\"}";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(Map.entry("status", "text"), Map.entry("request_time", "text"),
                Map.entry("msg", "text"));
        assertThat(i.format().text()).isEqualTo("{\"status\":\"$json_status\",\"request_time\":\"$json_request_time\",\"msg\":\"$json_msg\"}");
        assertThat(parse(i, line).variable("json_msg")).isEqualTo("x");
    }

    /** Found by LogFormatsFuzzTest (input empty-values): the inferred format did not read its own line. */
    @Test
    void anEmptyValue_readsAsAVariableOnlyWhereTheLineParserTakesEmptyAsNotLogged() {
        String line = "{\"status\":\"\",\"request_time\":\"\",\"upstream_addr\":\"\",\"host\":\"\",\"time_iso8601\":\"\"}";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(Map.entry("status", "text"), Map.entry("request_time", "$request_time"),
                Map.entry("upstream_addr", "$upstream_addr"), Map.entry("host", "$host"), Map.entry("time_iso8601", "text"));
        parse(i, line);
    }

    @Test
    void otherKeys_becomeTextVariablesNamedAfterThem_sanitisedAndUnique() {
        Inferred i = inferred("{\"@version\":\"1\",\"x-trace\":\"a\",\"x_trace\":\"b\",\"\":\"c\",\"ok\":true,\"n\":null}");
        assertThat(i.keys()).extracting(KeyReading::variable)
                .containsExactly("json__version", "json_x_trace", "json_x_trace_2", "json_key", "json_ok", "json_n");
        assertThat(i.format().text()).contains("\"ok\":$json_ok,\"n\":$json_n}");
        assertThat(NginxVariables.unknownIn(i.format(), java.util.Set.of())).as("no warning for them").isEmpty();
    }

    @Test
    void nestedObjectsArraysAndNonJson_areNotInferred_withTheReason() {
        assertThat(infer("{\"status\":200,\"headers\":{\"a\":\"b\"}}")).isEqualTo(new NotInferred("the value of \"headers\" is an object"));
        assertThat(infer("{\"tags\":[1,2]}")).isEqualTo(new NotInferred("the value of \"tags\" is an array"));
        assertThat(infer("{\"a\":bare}")).isEqualTo(new NotInferred("the value of \"a\" is not JSON"));
        assertThat(infer("{\"a\":1} tail")).isEqualTo(new NotInferred("it goes on after its closing '}'"));
        assertThat(infer("{}")).isEqualTo(new NotInferred("it is an empty object"));
        assertThat(infer("{\"a\":\"1}")).isInstanceOf(NotInferred.class);
        assertThat(infer("{\"a$b\":1}")).isInstanceOf(NotInferred.class);
        assertThat(infer("127.0.0.1 - -")).isInstanceOf(NotInferred.class);
    }

    @Test
    void looksLikeJson_firstByteOtherThanBlanks() {
        byte[] json = "  \t{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] clf = "1.2.3.4 - - [x]".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLogFormat.looksLikeJson(json, 0, json.length)).isTrue();
        assertThat(JsonLogFormat.looksLikeJson(clf, 0, clf.length)).isFalse();
        assertThat(JsonLogFormat.looksLikeJson(json, 0, 2)).isFalse();
    }

    @Test
    void aCrlfLine_theCarriageReturnIsNotPartOfTheFormat() {
        Inferred i = inferred("{\"status\":200}\r");
        assertThat(i.format().text()).isEqualTo("{\"status\":$status}");
    }

    /** nginx writes "" for a variable without a value with escape=json: the key is still that variable. */
    @Test
    void emptyValues_ofTypedVariables_areThoseVariables_andTheLineParses() {
        String line = "{\"status\":502,\"request_time\":0.001,\"upstream_addr\":\"\",\"upstream_status\":\"\","
                + "\"upstream_response_time\":\"\"}";
        Inferred i = inferred(line);
        assertThat(readings(i)).containsExactly(Map.entry("status", "$status"), Map.entry("request_time", "$request_time"),
                Map.entry("upstream_addr", "$upstream_addr"), Map.entry("upstream_status", "$upstream_status"),
                Map.entry("upstream_response_time", "$upstream_response_time"));
        assertThat(parse(i, line).status()).isEqualTo(502);
    }
}
