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
        assertThat(results.stream().mapToInt(FolderResult::rejected).sum()).as("expected rejects").isEqualTo(1);
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
