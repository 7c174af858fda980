package io.ngxtime.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProseWrappingWriterTest {
    private static String through(int width, String text) {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new ProseWrappingWriter(sink, width));
        w.print(text);
        w.flush();
        return sink.toString();
    }

    @Test
    void aProseLine_isBrokenAtItsLastSpaceThatFits_andGoesOnTwoColumnsDeeper() {
        String story = "     A surge from 2026-10-07T15:06:00-07:00 to 15:07:00: 61 requests where the baseline rate gives 7.\n";
        String wrapped = through(60, story);
        assertThat(wrapped).isEqualTo("""
                     A surge from 2026-10-07T15:06:00-07:00 to 15:07:00: 61
                       requests where the baseline rate gives 7.
                """);
        assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(wrapped.split("\\s+")).containsExactly(story.split("\\s+")); // every word, in order
    }

    @Test
    void escapingControls_escapesBeforeMeasuring_inProseAndInVerbatimLines() {
        StringWriter sink = new StringWriter();
        ProsePrintWriter w = new ProsePrintWriter(new ProseWrappingWriter(sink, () -> 40, true), true);
        // 36 characters as written, 45 as shown once the escape sequence is escaped: wrapped
        w.println("ngxtime: cannot read \u001b[2Jfile.log: gone");
        w.printlnVerbatim("    a log line with \u0007 a bell in it, and more words than fit");
        assertThat(sink.toString()).doesNotContain("\u001b").doesNotContain("\u0007")
                .isEqualTo("ngxtime: cannot read \\x1B[2Jfile.log:\n  gone\n"
                        + "    a log line with \\x07 a bell in it, and more words than fit\n");
    }

    @Test
    void escapingControls_escapesATagCharacterWhosePairIsSplitBetweenTwoWrites() {
        String tag = new String(Character.toChars(0xE0001));
        StringWriter sink = new StringWriter();
        ProsePrintWriter w = new ProsePrintWriter(new ProseWrappingWriter(sink, () -> 40, true), true);
        w.print("ngxtime: cannot read a" + tag.charAt(0));
        w.flush(); // between the halves: the half is held back, not written for the encoder to join
        w.println(tag.charAt(1) + ".log");
        w.printlnVerbatim("    /x" + tag);
        assertThat(sink.toString()).isEqualTo("ngxtime: cannot read a\\U000E0001.log\n    /x\\U000E0001\n");
    }

    @Test
    void aMessageAboveALogLine_goesOnDeeperThanTheLogLine() {
        StringWriter sink = new StringWriter();
        ProsePrintWriter w = new ProsePrintWriter(new ProseWrappingWriter(sink, () -> 50, false), true);
        w.printlnHanging("  access.log:927: expected a lowercase letter at column 24, found 'C'", 6);
        w.printlnVerbatim("    173.178.124.1 - - [07/OCT/2026:14:33:18 -0700] \"GET /healthz HTTP/1.1\" 200 2");
        assertThat(sink.toString()).isEqualTo("  access.log:927: expected a lowercase letter at\n"
                + "      column 24, found 'C'\n"
                + "    173.178.124.1 - - [07/OCT/2026:14:33:18 -0700] \"GET /healthz HTTP/1.1\" 200 2\n");
        // to a pipe, the line as it is
        StringWriter plain = new StringWriter();
        ProsePrintWriter.printlnHanging(new java.io.PrintWriter(plain), "  a:1: msg", 6);
        assertThat(plain.toString()).isEqualTo("  a:1: msg" + System.lineSeparator());
    }

    @Test
    void aUnitStaysWithItsNumber_andAnArrowWithWhatItLeadsFrom() {
        String wrapped = through(44, "    The cache tier took the excess; its p99 1.01 ms -> 1.01 ms, 5xx 0% -> 0%.\n");
        assertThat(wrapped.lines()).noneMatch(l -> l.trim().startsWith("ms") || l.trim().startsWith("->"));
        assertThat(wrapped).isEqualTo("    The cache tier took the excess; its p99\n      1.01 ms -> 1.01 ms, 5xx 0% -> 0%.\n");
    }

    @Test
    void tableRows_wordsWiderThanTheLine_andShortLines_areLeftWhole() {
        String row = "  upstream                965   54.8%    144 ms    610 ms    5.19 s      10 s      10 s\n";
        assertThat(through(40, row)).isEqualTo(row);
        String url = "  referrer https://shop.example.com/promo/4711/an-exceptionally-long-path-with-no-space-at-all\n";
        assertThat(through(40, url)).isEqualTo("  referrer\n    https://shop.example.com/promo/4711/an-exceptionally-long-path-with-no-space-at-all\n");
        // the word on a line of its own, and what follows it wrapped as before
        String driven = "    Driven by referrer https://partner.example/campaigns/2026/autumn/landing-page-variant-b?utm=x: "
                + "59.9% of the surge's requests against 0.2% before (+521 excess requests).\n";
        assertThat(through(80, driven)).isEqualTo("    Driven by referrer\n"
                + "      https://partner.example/campaigns/2026/autumn/landing-page-variant-b?utm=x:\n"
                + "      59.9% of the surge's requests against 0.2% before (+521 excess requests).\n");
        assertThat(through(80, "short line\n\n")).isEqualTo("short line\n\n");
    }

    @Test
    void aHeadingWithNotes_isProse_notATable() {
        String heading = "Request time by tier  (HdrHistogram, 3 significant digits)  (n/a: the log format has no "
                + "$request_time)\n";
        assertThat(ProseWrappingWriter.isTableRow(heading.trim())).isFalse();
        assertThat(through(80, heading).lines()).hasSize(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(ProseWrappingWriter.isTableRow("  nginx                   540   30.7%      0 ms    102 ms")).isTrue();
    }

    @Test
    void aLineOfTheLog_writtenVerbatim_isNeverBroken_andKeepsItsPlace() {
        StringWriter sink = new StringWriter();
        ProsePrintWriter w = new ProsePrintWriter(new ProseWrappingWriter(sink, 40));
        String logLine = "    10.0.0.1 - - [07/Oct/2026:15:06:04 -0700] \"GET /a  b HTTP/1.1\"  200 512 \"-\"  \"curl\"";
        w.println("  access.log:7: expected a quote at column 54, a long message that wraps");
        ProsePrintWriter.printlnVerbatim(w, logLine);
        w.println("after");
        w.flush();
        assertThat(sink.toString()).isEqualTo("  access.log:7: expected a quote at\n    column 54, a long message that wraps\n"
                + logLine + "\nafter\n");
        StringWriter plain = new StringWriter();
        ProsePrintWriter.printlnVerbatim(new PrintWriter(plain), "as is");
        assertThat(plain.toString()).isEqualTo("as is" + System.lineSeparator());
    }

    @Test
    void colourSequences_takeNoColumns_andAreNeverBroken() {
        String bold = "\u001b[1m";
        String reset = "\u001b[21m\u001b[0m";
        String heading = bold + "Upstreams" + reset + " (per attempt; latencies leave out attempts without a connection)\n";
        String wrapped = through(50, heading);
        assertThat(wrapped).startsWith(bold + "Upstreams" + reset + " (per attempt; latencies leave out")
                .contains("\n  attempts without a connection)");
        for (String l : wrapped.split("\n")) {
            assertThat(TerminalColumns.width(l)).isLessThanOrEqualTo(50);
        }
        assertThat(TerminalColumns.width(bold + "abc" + reset)).isEqualTo(3);
    }

    @Test
    void aLineFlushedBeforeItsEnd_isNotLost() {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new ProseWrappingWriter(sink, 80));
        w.print("no line break at the end");
        w.flush();
        assertThat(sink.toString()).isEqualTo("no line break at the end");
    }
}
