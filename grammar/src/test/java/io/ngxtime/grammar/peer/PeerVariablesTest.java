package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.NginxVariables;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The formats real deployments use know only nginx's variables, except those their own configuration
 * defines: the unknown-variable warning must not cry wolf on them.
 */
class PeerVariablesTest {
    @Test
    void peerFormats_useNginxVariables_exceptTheOnesTheirConfigurationsDefine() {
        Path root = PeerLogs.requireRoot();
        Set<String> unknown = new TreeSet<>();
        for (PeerFolder f : PeerFolder.values()) {
            for (PeerFormat format : f.formats(root)) {
                NginxVariables.unknownIn(format.format(), Set.of()).forEach(u -> unknown.add(u.name()));
            }
        }
        // gonx's example app logs its own $t_size, $read_time, $gen_time; logparser's test of names that
        // merely start like variables uses $foobar and $remote_user_age; the exporter's test, $process_time;
        // honeytail's format, its application's $traceId and $id; Nginx Proxy Manager sets $server
        assertThat(unknown).containsExactly("foobar", "gen_time", "id", "process_time", "read_time", "remote_user_age",
                "server", "t_size", "traceId");
    }
}
