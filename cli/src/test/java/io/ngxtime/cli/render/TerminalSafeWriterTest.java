package io.ngxtime.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalSafeWriterTest {
    @Test
    void write_escapesControlCharacters_keepsLineBreaksAndTabs_howeverTheTextIsSplit() {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new TerminalSafeWriter(sink), true);
        w.print("no\u001b");
        w.write('[');
        w.write("31mpe\u202e.log\r".toCharArray(), 0, 11);
        w.println(": no such file");
        w.println("\tat x");
        String nl = System.lineSeparator();
        assertThat(sink.toString())
                .isEqualTo("no\\x1B[31mpe\\u202E.log\\x0D: no such file" + nl + "\tat x" + nl);
    }

    @Test
    void tagCharacters_areEscaped_evenWithAPairSplitBetweenTwoWrites_andOtherCharactersBeyondTheBmpAreKept() {
        // U+E0001 LANGUAGE TAG and U+E0068 TAG LATIN SMALL LETTER H: invisible, they can hide text in a path
        String tag = new String(Character.toChars(0xE0001));
        String h = new String(Character.toChars(0xE0068));
        String emoji = new String(Character.toChars(0x1F600));
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new TerminalSafeWriter(sink), false);
        w.print("/a" + tag.charAt(0));
        w.print(tag.charAt(1) + "b" + h + emoji.charAt(0));
        w.write(emoji.charAt(1));
        w.flush();
        assertThat(sink.toString()).isEqualTo("/a\\U000E0001b\\U000E0068" + emoji);
        assertThat(TerminalText.safe("x" + h + "y")).isEqualTo("x\\U000E0068y");
        // a flush between the halves (autoflush after a printf): the half is held, the pair still escaped
        sink.getBuffer().setLength(0);
        PrintWriter auto = new PrintWriter(new TerminalSafeWriter(sink), true);
        auto.printf("c%s", tag.charAt(0));
        auto.flush();
        auto.printf("%sd%n", tag.charAt(1));
        assertThat(sink.toString()).isEqualTo("c\\U000E0001d" + System.lineSeparator());
        // half a pair that never gets its other half: escaped when the writer closes, never lost
        sink.getBuffer().setLength(0);
        auto.print("end" + tag.charAt(0));
        auto.close();
        assertThat(sink.toString()).isEqualTo("end\\uDB40");
        assertThat(TerminalText.safe("x" + tag.charAt(1) + "y")).isEqualTo("x\\uDC01y");
    }
}
