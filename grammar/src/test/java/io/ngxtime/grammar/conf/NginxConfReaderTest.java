package io.ngxtime.grammar.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.FormatPart;
import io.ngxtime.grammar.FormatSyntaxException;
import io.ngxtime.grammar.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxConfReaderTest {
    @TempDir
    Path dir;

    @Test
    void read_followsGlobIncludesRelativeToTheFile() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("nginx.conf"), """
                # main file
                events { worker_connections 1024; }
                http {
                    include conf.d/*.conf;
                    log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                                    '$status $body_bytes_sent';
                }
                """);
        Files.writeString(dir.resolve("conf.d/a.conf"), "log_format timed escape=json '{\"rt\":$request_time}';\n");
        Files.writeString(dir.resolve("conf.d/b.conf"), "server { listen 80; access_log /var/log/x.log timed; }\n");
        Files.writeString(dir.resolve("conf.d/skip.txt"), "log_format nope '$status';\n");
        List<LogFormat> formats = NginxConfReader.read(dir.resolve("nginx.conf"));
        assertThat(formats).extracting(LogFormat::name).containsExactly("timed", "main");
        LogFormat main = formats.get(1);
        assertThat(main.text()).isEqualTo("$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
        assertThat(formats.get(0).escape()).isEqualTo(Escape.JSON);
        assertThat(formats.get(0).parts()).contains(new FormatPart.Literal("{\"rt\":"));
    }

    @Test
    void read_byName_listsTheNamesWhenMissing() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "http { log_format a '$status'; log_format b '$request'; }");
        assertThat(NginxConfReader.read(dir.resolve("nginx.conf"), "b").text()).isEqualTo("$request");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf"), "c"))
                .hasMessageContaining("no log_format 'c'").hasMessageContaining("a, b");
    }

    @Test
    void parse_escapedQuotesInsideParts() {
        LogFormat f = NginxConfReader.parse("log_format q '\\'$status\\' \"$request\"';", "cmd").get(0);
        assertThat(f.text()).isEqualTo("'$status' \"$request\"");
        LogFormat g = NginxConfReader.parse("log_format q \"\\\"$status\\\"\";", "cmd").get(0);
        assertThat(g.text()).isEqualTo("\"$status\"");
    }

    @Test
    void brokenFormat_pointsIntoTheFile() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "http {\n  log_format bad '$status '\n      '$ oops';\n}\n");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage(dir.resolve("nginx.conf") + ":3:8: expected a variable name after '$', found ' '");
    }

    @Test
    void missingSemicolon_saysWhatWasExpected() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "http {\n  log_format a '$status'\n}\n");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessageContaining(":3:1: expected")
                .hasMessageContaining("';'")
                .hasMessageContaining("found '}'");
    }

    @Test
    void unterminatedQuote_isReported() {
        assertThatThrownBy(() -> NginxConfReader.parse("log_format a '$status;\n", "cmd"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessageContaining("cmd:1:14: unterminated quoted string");
    }

    @Test
    void includeCycle_isOneErrorNamingTheIncludeThatClosesIt() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "include b.conf; log_format a '$status';");
        Files.writeString(dir.resolve("b.conf"), "log_format b '$request';\n  include a.conf;");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("a.conf")))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage(dir.resolve("b.conf") + ":2:3: include a.conf: a cycle (a.conf includes b.conf, which includes a.conf)");
    }

    @Test
    void fileIncludedTwice_notInACycle_isReadOnce() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "include b.conf; include c.conf;");
        Files.writeString(dir.resolve("b.conf"), "include d.conf; log_format b '$status';");
        Files.writeString(dir.resolve("c.conf"), "include d.conf; log_format c '$status';");
        Files.writeString(dir.resolve("d.conf"), "log_format d '$status';");
        assertThat(NginxConfReader.read(dir.resolve("nginx.conf"))).extracting(LogFormat::name).containsExactly("d", "b", "c");
    }

    @Test
    void missingInclude_namesTheIncludeWithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "include b.conf;");
        Files.writeString(dir.resolve("b.conf"), "\n\nhttp {\n    include conf.d/missing.conf;\n}\n");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage(dir.resolve("b.conf") + ":4:5: include conf.d/missing.conf: no such file ("
                        + dir.resolve("conf.d/missing.conf") + ")");
    }

    @Test
    void includeOfADirectory_namesTheInclude() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("nginx.conf"), "include d;");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith(dir.resolve("nginx.conf") + ":1:1: include d: is a directory");
    }

    /** Found by NginxConfReaderFuzzTest (input glob-bracket): Java's glob threw PatternSyntaxException. */
    @Test
    void includeGlobWithAnUnclosedBracket_isAFormatErrorAtTheInclude() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("nginx.conf"), "include conf.d/[a.conf;");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage(dir.resolve("nginx.conf") + ":1:1: include conf.d/[a.conf: not a valid path or glob");
    }

    @Test
    void includeGlob_bracesAreLiteralAsInNginx() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/{a}.conf"), "log_format a '$status';");
        Files.writeString(dir.resolve("nginx.conf"), "include \"conf.d/{a}*\";");
        assertThat(NginxConfReader.read(dir.resolve("nginx.conf"))).extracting(LogFormat::name).containsExactly("a");
    }

    /** Found by NginxConfReaderFuzzTest (input latin1-comment): 'Input length = 1' and nothing read. */
    @Test
    void aByteThatIsNotUtf8_inAComment_doesNotStopTheReading() throws Exception {
        Files.write(dir.resolve("nginx.conf"), "# caf\u00e9\nlog_format x '$status';\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(NginxConfReader.read(dir.resolve("nginx.conf"))).extracting(LogFormat::name).containsExactly("x");
    }

    @Test
    void blocksNestedTooDeep_areOneErrorWithPosition_notAStackOverflow() {
        String deep = "http {\n" + "a {".repeat(100_000);
        assertThatThrownBy(() -> NginxConfReader.parse(deep, "deep.conf"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("deep.conf:2:300: blocks nested deeper than 100");
    }

    @Test
    void anIncludedNameWithALineBreak_isQuotedUpToIt_theErrorIsOneLine() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), "include \"a\nb.conf\";");
        assertThatThrownBy(() -> NginxConfReader.read(dir.resolve("nginx.conf")))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage(dir.resolve("nginx.conf") + ":1:1: include a...: no such file (" + dir.resolve("a") + "...)");
    }

    @Test
    void readConf_collectsTheVariablesTheConfDefines_inEveryIncludedFile() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("nginx.conf"), """
                http {
                    include conf.d/*.conf;
                    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                    geo $remote_addr $trusted { default 0; 10.0.0.0/8 1; }
                    geo $office { default 0; }
                    split_clients "${remote_addr}AAA" $variant { 50% a; * b; }
                    js_set $js_thing main.thing;
                    perl_set $perl_thing 'sub { return "x"; }';
                    server {
                        location / { set $backend "app"; auth_request_set $auth_user $upstream_http_x_user; }
                    }
                }
                """);
        Files.writeString(dir.resolve("conf.d/x.conf"), "set ${braced} 1;\n");
        NginxConf conf = NginxConfReader.readConf(dir.resolve("nginx.conf"));
        assertThat(conf.definedVariables()).containsExactlyInAnyOrder("braced", "connection_upgrade", "trusted", "office",
                "variant", "js_thing", "perl_thing", "backend", "auth_user");
    }

    @Test
    void readConf_accessLogFormats_withoutAFormatIsTheBuiltInCombined_offIsNone() throws Exception {
        Files.writeString(dir.resolve("nginx.conf"), """
                http {
                    log_format mine '$status $request_time';
                    access_log /var/log/nginx/access.log;
                    server { access_log /var/log/a.log combined buffer=32k; access_log off; }
                    server { access_log /var/log/b.log mine if=$loggable; access_log /var/log/c.log gzip=5; }
                }
                """);
        NginxConf conf = NginxConfReader.readConf(dir.resolve("nginx.conf"));
        assertThat(conf.accessLogFormats()).containsExactly("combined", "mine");
        assertThat(conf.formats()).extracting(LogFormat::name).containsExactly("mine");
    }
}
