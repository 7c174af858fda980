package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.Preset;
import io.ngxtime.grammar.peer.PeerConformance.FolderResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every line of every peer folder parses under its format, with the compiled matcher and the reference
 * parser alike, or is one of the rejects {@link PeerFolder} lists, rejected by both where the list says.
 * Which values the peers assert, and how they compare with ours, is in the {@code *PeerTest} classes.
 */
class PeerConformanceTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerFolder.class)
    void everyLine_parsesUnderItsFormat_orIsRejectedAsListed(PeerFolder folder) {
        FolderResult result = PeerConformance.result(folder, PeerLogs.requireRoot());

        assertThat(result.problems()).as(folder.dir()).isEmpty();
        assertThat(result.parsed() + result.rejected()).isEqualTo(result.lines());
    }

    @Test
    void conformanceTable_isPrinted_andHasNoProblems() {
        Path root = PeerLogs.requireRoot();
        List<FolderResult> results = new ArrayList<>();
        for (PeerFolder f : PeerFolder.values()) {
            results.add(PeerConformance.result(f, root));
        }
        String table = PeerConformance.table(results);
        System.out.println(table);

        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(results.stream().mapToInt(FolderResult::lines).sum()).as("peer lines").isEqualTo(1109);
        assertThat(results.stream().mapToInt(FolderResult::rejected).sum()).as("expected rejects").isEqualTo(14);
    }

    /**
     * The peer lines nginx could not have written under their format: an error-log line, client
     * addresses anonymised by hand, and Filebeat's robustness cases with address lists or a name where
     * {@code $remote_addr} is one address. Everything else parses, including lines other tools single
     * out: Filebeat's malformed IPv6 upstream {@code [2a02:cf40::::::::4e36]:500000000} (upstream
     * addresses are opaque text to ngxtime), invalid methods ({@code PATCHp}, {@code geti}), empty and
     * garbage requests ({@code ""}, {@code "x00Cookie: mstshash=Administr"}, VRL's {@code \xDF...}), and
     * a bare {@code -} as {@code $request_time} (prometheus issue 224).
     */
    @Test
    void expectedRejects_areLinesNginxCouldNotHaveWritten() {
        Path root = PeerLogs.requireRoot();
        List<String> rejects = new ArrayList<>();
        for (PeerFolder f : PeerFolder.values()) {
            for (PeerConformance.Reject r : PeerConformance.result(f, root).rejects()) {
                rejects.add(r.line().where() + " " + r.error().reason());
            }
        }
        String notAnAddress = " expected an IP address (IPv4, IPv6 or unix:) in $remote_addr";
        String listAfterAddress = " expected ' ' after $remote_addr";
        assertThat(rejects).containsExactly(
                // an nginx error-log line, VRL's negative test main_line_invalid
                "vrl-parse-nginx-log/lines-main.log:5" + notAnAddress,
                // 10.rr.ii.yy
                "prometheus-nginxlog-exporter/all-feature-lines.log:15" + notAnAddress,
                "prometheus-nginxlog-exporter/all-feature-lines.log:16" + notAnAddress,
                "prometheus-nginxlog-exporter/all-feature-lines.log:17" + notAnAddress,
                // "10.0.0.2, 10.0.0.1, 127.0.0.1 - -", a quoted list, and localhost
                "filebeat-nginx-access/test.log:1" + listAfterAddress,
                "filebeat-nginx-access/test.log:3" + listAfterAddress,
                "filebeat-nginx-access/test.log:5" + notAnAddress,
                "filebeat-nginx-access/test.log:6" + listAfterAddress,
                "filebeat-nginx-access/test-with-host.log:1" + listAfterAddress,
                "filebeat-nginx-access/test-with-host.log:3" + listAfterAddress,
                "filebeat-nginx-access/test-with-host.log:5" + notAnAddress,
                "filebeat-nginx-access/test-with-host.log:6" + listAfterAddress,
                "filebeat-nginx-access/test-with-host.log:9" + notAnAddress,
                "filebeat-nginx-access/test-with-host.log:10" + notAnAddress);
    }

    @Test
    void upstreaminfoPreset_isTheFormatTheIngressFoldersQuote() {
        Path root = PeerLogs.requireRoot();
        String text = Preset.UPSTREAMINFO.formatText();

        assertThat(PeerLogs.text(root.resolve("filebeat-nginx-ingress-controller/SOURCE.txt"))).contains(text);
        assertThat(PeerLogs.text(root.resolve("ingress-nginx-upstream-split/SOURCE.txt"))).contains(text);
        assertThat(PeerLogs.text(root.resolve("vrl-parse-nginx-log/SOURCE.txt"))).contains(text);
    }
}
