package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON log given with no format: report, ingest and tail all infer it, through the one detector. */
class JsonLogTest {
    @TempDir
    Path dir;

    static final String NOTICE = "ngxtime: log format: JSON (inferred from line 1; parsed 20 of the first 20 lines): "
            + "time -> $time_iso8601, remote_addr -> $remote_addr, request -> $request, status -> $status, "
            + "rt -> $request_time, upstream_addr -> $upstream_addr, agent -> $http_user_agent, trace -> text";

    /** 20 lines as an ingress in front of two backends logs them in JSON. */
    private Path jsonLog() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(String.format(Locale.ROOT, "{\"time\": \"2026-10-10T13:55:%02d+02:00\", \"remote_addr\": \"192.0.2.%d\", "
                    + "\"request\": \"GET /api/%d HTTP/1.1\", \"status\": %d, \"rt\": %d.%03d, \"upstream_addr\": \"10.0.0.%d:8080\", "
                    + "\"agent\": \"curl/8\", \"trace\": \"t%d\"}", i, i, i, i % 5 == 0 ? 502 : 200, i / 10, 10 + i, i % 2 + 1, i));
        }
        Path f = dir.resolve("json.log");
        Files.write(f, lines);
        return f;
    }

    @Test
    void report_infersTheFormat_saysItKeyByKey_andReadsTimingFromIt() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", jsonLog().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().strip()).isEqualTo(NOTICE);
        JsonNode j = r.json();
        assertThat(j.get("format").asText()).isEqualTo("json");
        assertThat(j.get("requests").asLong()).isEqualTo(20);
        assertThat(j.get("rejected").asLong()).isZero();
        assertThat(j.get("status").get("502").asLong()).isEqualTo(4);
        assertThat(j.get("upstreams")).hasSize(2);
    }

    @Test
    void ingest_infersTheSameFormat_andReportOfTheQueueReadsIt() throws Exception {
        Path q = dir.resolve("q");
        ReportCommandTest.Run ingest = ReportCommandTest.run("ingest", jsonLog().toString(), "--queue", q.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.err().strip()).isEqualTo(NOTICE);
        assertThat(ingest.out()).contains("ingested 20 new lines (0 rejected)").contains("(log format: json)");
        assertThat(ReportCommandTest.run("report", "--queue", q.toString(), "--json").json().get("requests").asLong())
                .isEqualTo(20);
    }

    @Test
    void tail_infersTheSameFormat() throws Exception {
        // the log's 20 lines span 20 s of log time: the window (over log time) covers them
        ReportCommandTest.Run r = ReportCommandTest.run("tail", jsonLog().toString(), "--from-start", "--json",
                "--interval", "1", "--window", "60", "--duration", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().strip()).isEqualTo(NOTICE);
        assertThat(IngestAndTailCommandTest.lastObject(r.out()).get("requests").asLong()).isEqualTo(20);
    }

    @Test
    void keysThatVaryFromLineToLine_oneLineSayingItIsJsonAndHowToGiveTheFormat_exit65() throws Exception {
        Path f = dir.resolve("varied.json");
        Files.write(f, List.of("{\"status\":200,\"rt\":0.010}", "{\"rt\":0.020,\"status\":200}", "{\"status\":404}"));
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.DATA);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("ngxtime: " + f + " is a JSON log, but the format inferred from line 1 fits only 1 of 3 lines")
                .contains("--log-format 'log_format NAME escape=json ...;'").contains("--nginx-conf")
                .doesNotContain("Exception");
    }

    @Test
    void keysFromTheLog_reachStderrWithTheirControlBytesEscaped() throws Exception {
        Path f = dir.resolve("hostile.json");
        Files.write(f, List.of("{\"status\":200,\"x\u001b[31m\":\"a\"}", "{\"status\":200,\"x\u001b[31m\":\"b\"}"));
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("log format: JSON").doesNotContain("\u001b");
    }
}
