package io.ngxtime.grammar.conf;

import io.ngxtime.grammar.SourcePosition;
import io.ngxtime.grammar.antlr.NginxConfParser;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * One argument of an nginx directive with its quotes removed and backslash escapes resolved the way
 * nginx does ({@code \" \' \\ \t \r \n}; any other backslash stays), remembering where each character
 * was written so that errors inside a log_format point into the file.
 */
record ConfValue(String text, String source, int[] lines, int[] columns) {

    static ConfValue of(NginxConfParser.ValueContext v, String source) {
        Token t = v.getStart();
        String raw = t.getText();
        boolean quoted = t.getType() != io.ngxtime.grammar.antlr.NginxConfLexer.WORD;
        int from = quoted ? 1 : 0;
        int to = quoted ? raw.length() - 1 : raw.length();
        StringBuilder sb = new StringBuilder();
        int[] lines = new int[raw.length() + 1];
        int[] cols = new int[raw.length() + 1];
        int line = t.getLine();
        int col = t.getCharPositionInLine() + 1;
        // advance past the opening quote
        for (int i = 0; i < from; i++) {
            col++;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            lines[n] = line;
            cols[n] = col;
            if (c == '\\' && i + 1 < to) {
                char e = raw.charAt(i + 1);
                char out = switch (e) {
                    case '"', '\'', '\\' -> e;
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> 0;
                };
                if (out != 0) {
                    sb.append(out);
                    n++;
                    i++;
                    col += 2;
                    continue;
                }
            }
            sb.append(c);
            n++;
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        lines[n] = line;
        cols[n] = col;
        return new ConfValue(sb.toString(), source, Arrays.copyOf(lines, n + 1), Arrays.copyOf(cols, n + 1));
    }

    /** nginx concatenates the quoted parts of a log_format. */
    static ConfValue concat(List<ConfValue> parts) {
        StringBuilder sb = new StringBuilder();
        int total = parts.stream().mapToInt(p -> p.text.length()).sum();
        int[] lines = new int[total + 1];
        int[] cols = new int[total + 1];
        int n = 0;
        for (ConfValue p : parts) {
            sb.append(p.text);
            System.arraycopy(p.lines, 0, lines, n, p.text.length());
            System.arraycopy(p.columns, 0, cols, n, p.text.length());
            n += p.text.length();
        }
        ConfValue last = parts.get(parts.size() - 1);
        lines[n] = last.lines[last.text.length()];
        cols[n] = last.columns[last.text.length()];
        return new ConfValue(sb.toString(), last.source, lines, cols);
    }

    SourcePosition position(int offset) {
        int i = Math.max(0, Math.min(offset, lines.length - 1));
        return new SourcePosition(source, lines[i], columns[i]);
    }
}
