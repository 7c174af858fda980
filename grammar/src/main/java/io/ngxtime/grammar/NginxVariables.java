package io.ngxtime.grammar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables nginx defines, to tell a typo in a {@code log_format} ({@code $request_tme}, which
 * would otherwise be read as text and silently turn latency off) from a real variable. A registry
 * of names by the module that defines them, and of the prefixes of the variable families
 * ({@code $http_*}, {@code $cookie_*}, ...); independent of how ngxtime reads a variable
 * ({@link FieldKind}). A module not listed here is a registry row away. Immutable and thread-safe.
 *
 * <p>Variables a configuration defines itself ({@code map}, {@code set}, {@code geo}, ...) are not
 * nginx's: {@link #unknownIn} takes them as an argument.
 */
public final class NginxVariables {
    /** Module, then the names it defines. */
    private static final Map<String, List<String>> BY_MODULE = new LinkedHashMap<>();
    /** Prefix (with its trailing {@code _}), then the module that defines the family. */
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();
    /** A name within this many edits of a known one is offered as what was meant (names of 6 or more characters). */
    static final int MAX_SUGGESTION_EDITS = 2;

    static {
        module("ngx_http_core_module", "args", "binary_remote_addr", "body_bytes_sent", "bytes_sent", "connection",
                "connection_requests", "connection_time", "content_length", "content_type", "document_root",
                "document_uri", "host", "hostname", "https", "is_args", "is_request_port", "limit_rate", "msec", "nginx_version", "pid",
                "pipe", "proxy_protocol_addr", "proxy_protocol_port", "proxy_protocol_server_addr",
                "proxy_protocol_server_port", "query_string", "realpath_root", "remote_addr", "remote_port", "remote_user",
                "request", "request_body", "request_body_file", "request_completion", "request_filename", "request_id", "request_port",
                "request_length", "request_method", "request_time", "request_uri", "scheme", "server_addr", "server_name",
                "server_port", "server_protocol", "status", "tcpinfo_rtt", "tcpinfo_rttvar", "tcpinfo_snd_cwnd",
                "tcpinfo_rcv_space", "time_iso8601", "time_local", "uri");
        // request headers as variables are a prefix family; these are listed too, to be offered for typos
        module("ngx_http_core_module (request headers)", "http_accept", "http_accept_encoding", "http_accept_language",
                "http_authorization", "http_cookie", "http_host", "http_origin", "http_referer", "http_user_agent",
                "http_x_forwarded_for", "http_x_forwarded_host", "http_x_forwarded_proto", "http_x_real_ip",
                "http_x_request_id");
        module("ngx_http_upstream_module", "upstream_addr", "upstream_bytes_received", "upstream_bytes_sent",
                "upstream_cache_status", "upstream_connect_time", "upstream_header_time", "upstream_last_server_name",
                "upstream_queue_time", "upstream_response_length", "upstream_response_time", "upstream_status");
        module("ngx_http_ssl_module", "ssl_alpn_protocol", "ssl_cipher", "ssl_ciphers", "ssl_client_cert",
                "ssl_client_escaped_cert", "ssl_client_fingerprint", "ssl_client_i_dn", "ssl_client_i_dn_legacy",
                "ssl_client_raw_cert", "ssl_client_s_dn", "ssl_client_s_dn_legacy", "ssl_client_serial",
                "ssl_client_sigalg", "ssl_client_v_end", "ssl_client_v_remain", "ssl_client_v_start", "ssl_client_verify",
                "ssl_curve", "ssl_curves", "ssl_early_data", "ssl_protocol", "ssl_server_name", "ssl_session_id",
                "ssl_session_reused", "ssl_sigalg");
        module("ngx_http_realip_module", "realip_remote_addr", "realip_remote_port");
        module("ngx_http_gzip_module", "gzip_ratio");
        module("ngx_http_proxy_module", "proxy_add_x_forwarded_for", "proxy_host", "proxy_port");
        module("ngx_http_fastcgi_module", "fastcgi_path_info", "fastcgi_script_name");
        module("ngx_http_memcached_module", "memcached_key");
        module("ngx_http_geoip_module", "geoip_area_code", "geoip_city", "geoip_city_continent_code",
                "geoip_city_country_code", "geoip_city_country_code3", "geoip_city_country_name", "geoip_country_code",
                "geoip_country_code3", "geoip_country_name", "geoip_dma_code", "geoip_latitude", "geoip_longitude",
                "geoip_org", "geoip_postal_code", "geoip_region", "geoip_region_name");
        module("ngx_http_limit_req_module", "limit_req_status");
        module("ngx_http_limit_conn_module", "limit_conn_status");
        module("ngx_http_userid_module", "uid_got", "uid_reset", "uid_set");
        module("ngx_http_secure_link_module", "secure_link", "secure_link_expires");
        module("ngx_http_stub_status_module", "connections_active", "connections_reading", "connections_waiting",
                "connections_writing");
        module("ngx_http_v2_module", "http2");
        module("ngx_http_v3_module", "http3");
        module("ngx_http_browser_module", "ancient_browser", "modern_browser", "msie");
        module("ngx_http_referer_module", "invalid_referer");
        module("ngx_http_slice_module", "slice_range");
        module("ngx_http_ssi_module", "date_gmt", "date_local");
        module("ngx_http_auth_jwt_module (nginx Plus)", "jwt_payload");
        module("ngx_http_session_log_module (nginx Plus)", "session_log_binary_id", "session_log_id");
        module("ngx_otel_module", "otel_parent_id", "otel_parent_sampled", "otel_span_id", "otel_trace_id");
        // log_format also exists in stream {}: its own variables
        module("ngx_stream_core_module", "bytes_received", "protocol", "session_time");
        module("ngx_stream_upstream_module", "upstream_first_byte_time", "upstream_session_time");
        module("ngx_stream_ssl_preread_module", "ssl_preread_alpn_protocols", "ssl_preread_protocol",
                "ssl_preread_server_name");
        // defined by the nginx.conf that ingress-nginx generates, and used by its default log formats
        module("ingress-nginx", "balancer_ewma_score", "best_http_host", "ingress_name", "location_path", "namespace",
                "pass_access_scheme", "pass_port", "pass_server_port", "proxy_alternative_upstream_name",
                "proxy_upstream_name", "req_id", "service_name", "service_port", "the_real_ip");

        prefix("arg_", "ngx_http_core_module");
        prefix("cookie_", "ngx_http_core_module");
        prefix("http_", "ngx_http_core_module");
        prefix("sent_http_", "ngx_http_core_module");
        prefix("sent_trailer_", "ngx_http_core_module");
        prefix("proxy_protocol_tlv_", "ngx_http_core_module");
        prefix("upstream_http_", "ngx_http_upstream_module");
        prefix("upstream_trailer_", "ngx_http_upstream_module");
        prefix("upstream_cookie_", "ngx_http_upstream_module");
        prefix("jwt_claim_", "ngx_http_auth_jwt_module (nginx Plus)");
        prefix("jwt_header_", "ngx_http_auth_jwt_module (nginx Plus)");
        // not nginx's: ngxtime's names for the keys of a JSON log it read as text, which a user may copy
        prefix(JsonLogFormat.TEXT_PREFIX, "ngxtime (a JSON key read as text)");
    }

    private NginxVariables() {
    }

    private static void module(String module, String... names) {
        BY_MODULE.put(module, List.of(names));
    }

    private static void prefix(String prefix, String module) {
        PREFIXES.put(prefix, module);
    }

    /**
     * Whether nginx (or a module listed here) defines variable {@code name} (without {@code $}): a
     * listed name, or a family prefix followed by at least one character.
     */
    public static boolean isDefined(String name) {
        return module(name) != null;
    }

    /** The module that defines {@code name}, or null when none listed here does. */
    public static String module(String name) {
        for (Map.Entry<String, List<String>> e : BY_MODULE.entrySet()) {
            if (e.getValue().contains(name)) {
                return e.getKey();
            }
        }
        for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
            if (name.length() > e.getKey().length() && name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Every listed name (not the prefix families). */
    public static Set<String> names() {
        Set<String> all = new LinkedHashSet<>();
        BY_MODULE.values().forEach(all::addAll);
        return all;
    }

    /** A variable a format uses that nginx does not define, and the name that was likely meant (or null). */
    public record Unknown(String name, String likelyMeant) {
    }

    /**
     * The variables of {@code format} that nginx does not define and {@code definedElsewhere} (a
     * configuration's {@code map}, {@code set}, ...) does not either, each once, in the order first used.
     */
    public static List<Unknown> unknownIn(LogFormat format, Set<String> definedElsewhere) {
        Set<String> seen = new LinkedHashSet<>();
        for (FormatPart.Variable v : format.variables()) {
            if (!isDefined(v.name()) && !definedElsewhere.contains(v.name())) {
                seen.add(v.name());
            }
        }
        List<Unknown> out = new ArrayList<>();
        for (String name : seen) {
            Set<String> candidates = new LinkedHashSet<>(names());
            candidates.addAll(definedElsewhere);
            out.add(new Unknown(name, likelyMeant(name, candidates)));
        }
        return out;
    }

    /**
     * The known name closest to {@code name} by edits (insertions, deletions, substitutions, swaps of
     * neighbours), if within {@link #MAX_SUGGESTION_EDITS} (one for names under 6 characters, where two
     * edits reach unrelated names: {@code $ip} is two from {@code $pid}); among equals, the first in
     * alphabetical order. Null when none is that close.
     */
    static String likelyMeant(String name, Set<String> candidates) {
        int limit = name.length() < 6 ? 1 : MAX_SUGGESTION_EDITS;
        String best = null;
        int bestDistance = limit + 1;
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > limit) {
                continue;
            }
            int d = edits(name, c);
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring characters. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
