package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.NginxVariables.Unknown;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NginxVariablesTest {
    private static List<Unknown> unknown(String format, String... defined) {
        return NginxVariables.unknownIn(LogFormats.compile(format), Set.of(defined));
    }

    @Test
    void aTypo_isUnknown_andTheIntendedNameIsOffered() {
        assertThat(unknown("$remote_addr $request_tme $status"))
                .containsExactly(new Unknown("request_tme", "request_time"));
        assertThat(unknown("$upstream_respone_time $stauts")).containsExactly(
                new Unknown("upstream_respone_time", "upstream_response_time"),
                new Unknown("stauts", "status"));
    }

    @Test
    void variableFamilies_byPrefix_areKnown_butNotTheBarePrefix() {
        assertThat(unknown("$http_x_custom $sent_http_content_type $upstream_http_x_cache $cookie_session "
                + "$arg_page $upstream_cookie_id $sent_trailer_x $upstream_trailer_y $proxy_protocol_tlv_0x01 "
                + "$jwt_claim_sub $jwt_header_alg")).isEmpty();
        assertThat(unknown("$http_ $status")).extracting(Unknown::name).containsExactly("http_");
        // any header name is a variable: a misspelt one ($http_referrer) is nginx's too, only always empty
        assertThat(unknown("$http_referrer $http_user_agnet")).isEmpty();
    }

    @Test
    void modulesVariables_areKnown() {
        assertThat(unknown("$gzip_ratio $ssl_protocol $ssl_cipher $realip_remote_addr $upstream_queue_time "
                + "$upstream_bytes_received $upstream_bytes_sent $upstream_last_server_name $limit_req_status "
                + "$geoip_country_code $uid_got $secure_link $connections_active $http2 $http3 "
                + "$proxy_protocol_addr $tcpinfo_rtt $pipe $connection_requests $request_id $time_iso8601 $msec")).isEmpty();
        assertThat(NginxVariables.module("proxy_upstream_name")).isEqualTo("ingress-nginx");
        assertThat(NginxVariables.module("gzip_ratio")).isEqualTo("ngx_http_gzip_module");
    }

    @Test
    void variablesTheConfigurationDefines_areKnown_andOfferedForTheirTypos() {
        assertThat(unknown("$status $backend_pool", "backend_pool")).isEmpty();
        assertThat(unknown("$status $backend_pol", "backend_pool")).containsExactly(new Unknown("backend_pol", "backend_pool"));
    }

    @Test
    void noSuggestion_whenNothingIsClose_orTheNameIsShortAndTwoEditsAway() {
        assertThat(unknown("$status $trace_identifier")).containsExactly(new Unknown("trace_identifier", null));
        assertThat(unknown("$status $ip")).as("two edits from $pid: unrelated").containsExactly(new Unknown("ip", null));
        assertThat(unknown("$status $urii")).containsExactly(new Unknown("urii", "uri"));
    }

    @Test
    void eachUnknownVariable_isNamedOnce() {
        assertThat(unknown("$foo $status $foo")).containsExactly(new Unknown("foo", null));
    }

    @Test
    void presets_useOnlyVariablesNginxOrIngressNginxDefine() {
        for (Preset p : Preset.values()) {
            assertThat(NginxVariables.unknownIn(p.format(), Set.of())).as(p.presetName()).isEmpty();
        }
    }

    @Test
    void edits_countSwapsOfNeighboursAsOne() {
        assertThat(NginxVariables.edits("status", "status")).isZero();
        assertThat(NginxVariables.edits("stauts", "status")).isEqualTo(1);
        assertThat(NginxVariables.edits("request_tme", "request_time")).isEqualTo(1);
        assertThat(NginxVariables.edits("msec", "mse")).isEqualTo(1);
        assertThat(NginxVariables.edits("abc", "xyz")).isEqualTo(3);
    }
}
