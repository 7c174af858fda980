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
 * parser alike (accept/reject and every field), or is one of the lines {@link PeerFolder} judges
 * unparseable on purpose, rejected by both at the variable the judgement names. Which values the peers
 * assert, and how they compare with ours, is in the {@code *PeerTest} classes.
 */
class PeerConformanceTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerFolder.class)
    void everyLine_parsesUnderItsFormat_orIsRejectedAsJudged(PeerFolder folder) {
        FolderResult result = PeerConformance.result(folder, PeerLogs.requireRoot());

        assertThat(result.problems()).as(folder.dir()).isEmpty();
        assertThat(result.parsed() + result.rejected()).isEqualTo(result.lines());
        assertThat(result.rejects()).extracting(PeerConformance.Reject::line).isEqualTo(result.judged());
    }

    @Test
    void peerLines_areCountedInEveryFolder() {
        List<FolderResult> results = PeerConformance.results(PeerLogs.requireRoot());
        String table = PeerConformance.table(results);
        System.out.println(table);

        // 1,109 lines in the first nine folders; crowdsec 154, fail2ban 16, alloy 2,000 + 1, honeytail 3, nginx-tests 9
        assertThat(results).hasSize(14);
        assertThat(results.stream().mapToInt(FolderResult::lines).sum()).as("peer lines").isEqualTo(3292);
        assertThat(results.stream().mapToInt(r -> r.judged().size()).sum()).as("judged unparseable").isEqualTo(16);
    }

    @Test
    void everySourceWithAssertedValues_isComparedByTheHarness() {
        for (FolderResult r : PeerConformance.results(PeerLogs.requireRoot())) {
            if (r.values() != null) {
                assertThat(r.values().error()).as(r.folder().dir()).isNull();
                assertThat(r.values().compared()).as(r.folder().dir()).isPositive();
            }
        }
    }

    @Test
    void conformanceTable_hasNoProblems_andRejectsExactlyTheJudgedLines() {
        List<FolderResult> results = PeerConformance.results(PeerLogs.requireRoot());

        assertThat(results).allSatisfy(r -> assertThat(r.problems()).as(r.folder().dir()).isEmpty());
        assertThat(results.stream().mapToInt(FolderResult::parsed).sum()).as("parsed").isEqualTo(3292 - 16);
        assertThat(results.stream().mapToInt(FolderResult::rejected).sum()).as("rejected").isEqualTo(16);
    }

    /**
     * The lines judged unparseable on purpose, each rejected at the variable where it stops being what its
     * format writes. Everything else parses, including lines other tools single out: Filebeat's malformed IPv6
     * upstream {@code [2a02:cf40::::::::4e36]:500000000} (upstream addresses are opaque text to ngxtime), invalid
     * methods ({@code PATCHp}, {@code geti}), empty and garbage requests ({@code ""}, {@code HELP}, binary TLS and
     * RDP probes as {@code \xHH}), a bare {@code -} as {@code $request_time} (prometheus issue 224), and
     * honeytail's syslog-prefixed line (the prefix is a possible {@code $http_x_forwarded_proto} value).
     */
    @Test
    void rejectedLines_areTheLinesJudgedUnparseableOnPurpose() {
        List<String> rejects = new ArrayList<>();
        for (FolderResult r : PeerConformance.results(PeerLogs.requireRoot())) {
            for (PeerConformance.Reject reject : r.rejects()) {
                rejects.add(reject.line().where() + " at " + reject.line().reject().at());
            }
        }
        assertThat(rejects).containsExactly(
                // an nginx error-log line, VRL's negative test main_line_invalid
                "vrl-parse-nginx-log/lines-main.log:5 at $remote_addr",
                // the exporter's Issue 90 fixture: client anonymised as 10.rr.ii.yy
                "prometheus-nginxlog-exporter/all-feature-lines.log:15 at $remote_addr",
                "prometheus-nginxlog-exporter/all-feature-lines.log:16 at $remote_addr",
                "prometheus-nginxlog-exporter/all-feature-lines.log:17 at $remote_addr",
                // Filebeat's grok robustness cases: address lists, a quoted XFF list, localhost as the client
                "filebeat-nginx-access/test.log:1 at $remote_addr",
                "filebeat-nginx-access/test.log:3 at $remote_addr",
                "filebeat-nginx-access/test.log:5 at $remote_addr",
                "filebeat-nginx-access/test.log:6 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:1 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:3 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:5 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:6 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:9 at $remote_addr",
                "filebeat-nginx-access/test-with-host.log:10 at $remote_addr",
                // crowdsec's hand-written nginx_http-catch-npm lines 6 and 5: NPM's two formats mixed
                "crowdsec-hub/npm_proxy.log:1 at $gzip_ratio",
                "crowdsec-hub/npm_standard.log:1 at $gzip_ratio");
    }

    @Test
    void upstreaminfoPreset_isTheFormatTheIngressFoldersQuote() {
        Path root = PeerLogs.requireRoot();
        String text = Preset.UPSTREAMINFO.formatText();

        assertThat(PeerLogs.text(root.resolve("filebeat-nginx-ingress-controller/SOURCE.txt"))).contains(text);
        assertThat(PeerLogs.text(root.resolve("ingress-nginx-upstream-split/SOURCE.txt"))).contains(text);
        assertThat(PeerLogs.text(root.resolve("vrl-parse-nginx-log/SOURCE.txt"))).contains(text);
    }

    @Test
    void fmtFormats_areTheTextOfTheirFmtFiles() {
        Path root = PeerLogs.requireRoot();
        for (PeerFolder f : List.of(PeerFolder.CROWDSEC, PeerFolder.FAIL2BAN, PeerFolder.GRAFANA_ALLOY,
                PeerFolder.HONEYTAIL, PeerFolder.NGINX_TESTS)) {
            for (PeerLine l : f.lines(root)) {
                String fmt = PeerLogs.text(root.resolve(f.dir()).resolve(l.format().label())).strip();
                String escape = l.format().format().escape().toString();
                assertThat(fmt).as(l.where()).isIn(l.format().format().text(),
                        "escape=" + escape + " " + l.format().format().text());
            }
        }
    }
}
