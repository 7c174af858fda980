package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --log-format, --nginx-conf and --format-name: unknown variables, and nginx's built-in combined. */
class FormatOptionsTest {
    @TempDir
    Path dir;

    private Path combinedLog() throws Exception {
        Path f = dir.resolve("access.log");
        Files.write(f, List.of(
                ReportCommandTest.combined("10/Oct/2026:13:55:36 +0200", "GET / HTTP/1.1", 200),
                ReportCommandTest.combined("10/Oct/2026:13:55:37 +0200", "GET /a HTTP/1.1", 404)));
        return f;
    }

    private Path timedLog() throws Exception {
        Path f = dir.resolve("timed.log");
        Files.write(f, List.of("10.0.0.1 0.125 200", "10.0.0.2 0.010 404"));
        return f;
    }

    private Path conf(String text) throws Exception {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, text);
        return conf;
    }

    @Test
    void logFormat_withATypo_warnsNamingItAndTheLikelyName_andStillRuns() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", timedLog().toString(), "--json",
                "--log-format", "$remote_addr $request_tme $status");
        assertThat(r.exit()).isZero();
        assertThat(r.err().strip()).isEqualTo("ngxtime: warning: $request_tme is not an nginx variable "
                + "(did you mean $request_time?): it is read as text");
        assertThat(r.json().get("requests").asLong()).isEqualTo(2);
    }

    @Test
    void logFormat_severalUnknown_oneWarningNamingEach_directiveNamed() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", timedLog().toString(),
                "--log-format", "log_format t '$remote_addr $request_tme $trace_identifier';");
        assertThat(r.err().lines().filter(l -> l.contains("warning")).toList()).containsExactly(
                "ngxtime: warning: log_format t: $request_tme (did you mean $request_time?) and $trace_identifier are not "
                        + "nginx variables: they are read as text");
    }

    @Test
    void logFormat_headerVariablesAndPresets_neverWarn() throws Exception {
        Path f = timedLog();
        assertThat(ReportCommandTest.run("report", f.toString(), "--log-format", "$http_x_custom $request_time $status")
                .err()).doesNotContain("warning");
        assertThat(ReportCommandTest.run("report", combinedLog().toString(), "--log-format", "upstreaminfo").err())
                .doesNotContain("warning");
    }

    @Test
    void nginxConf_variablesItDefines_areKnown_othersWarnWithTheConfNamed() throws Exception {
        Path f = timedLog();
        Path defines = conf("http { map $http_host $tenant { default x; } server { set $backend app; }\n"
                + "log_format t '$backend $request_time $status'; access_log /var/log/t.log t; }");
        ReportCommandTest.Run known = ReportCommandTest.run("report", f.toString(), "--json", "--nginx-conf", defines.toString());
        assertThat(known.exit()).isZero();
        assertThat(known.err()).doesNotContain("warning");
        assertThat(known.json().get("format").asText()).isEqualTo("t");

        Path undefined = conf("http { log_format t '$backnd $request_time $status'; }");
        ReportCommandTest.Run warned = ReportCommandTest.run("report", f.toString(), "--nginx-conf", undefined.toString());
        assertThat(warned.err()).contains("ngxtime: warning: log_format t: $backnd is neither an nginx variable nor defined in "
                + undefined + ": it is read as text");
    }

    @Test
    void formatName_combined_isNginxsBuiltIn_whenTheConfDoesNotDefineIt() throws Exception {
        Path conf = conf("http { log_format mine '$remote_addr $request_time $status'; "
                + "access_log /var/log/nginx/access.log combined; }");
        ReportCommandTest.Run r = ReportCommandTest.run("report", combinedLog().toString(), "--json", "--nginx-conf",
                conf.toString(), "--format-name", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("format").asText()).isEqualTo("combined");
        assertThat(r.json().get("requests").asLong()).isEqualTo(2);

        ReportCommandTest.Run missing = ReportCommandTest.run("report", combinedLog().toString(), "--nginx-conf",
                conf.toString(), "--format-name", "main");
        assertThat(missing.exit()).isEqualTo(ExitCode.DATA);
        assertThat(missing.err().strip()).isEqualTo("ngxtime: no log_format 'main' in " + conf
                + " (it defines: mine; and nginx has the built-in combined)");
    }

    @Test
    void aConfWithOneFormat_whoseAccessLogUsesCombined_isDetected_notForcedIntoItsOwnFormat() throws Exception {
        Path conf = conf("http { log_format mine '$remote_addr $request_time $status'; "
                + "access_log /var/log/nginx/access.log; server { access_log /var/log/nginx/mine.log mine; } }");
        ReportCommandTest.Run r = ReportCommandTest.run("report", combinedLog().toString(), "--json", "--nginx-conf",
                conf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("format").asText()).isEqualTo("combined");
        assertThat(r.json().get("requests").asLong()).isEqualTo(2);
        assertThat(r.err()).contains("log format: combined (detected");

        ReportCommandTest.Run own = ReportCommandTest.run("report", timedLog().toString(), "--json", "--nginx-conf",
                conf.toString());
        assertThat(own.json().get("format").asText()).isEqualTo("mine");
    }

    @Test
    void aConfWithOneFormat_thatItsAccessLogUses_isTaken_withoutDetection() throws Exception {
        Path conf = conf("http { log_format mine '$remote_addr $request_time $status'; access_log /var/log/m.log mine; }");
        ReportCommandTest.Run r = ReportCommandTest.run("report", combinedLog().toString(), "--json", "--nginx-conf",
                conf.toString());
        assertThat(r.json().get("format").asText()).isEqualTo("mine");
        assertThat(r.err()).doesNotContain("detected");
    }
}
