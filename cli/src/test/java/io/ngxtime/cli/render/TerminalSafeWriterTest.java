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
}
