package io.ngxtime.grammar;

import io.ngxtime.grammar.antlr.LogFormatLexer;
import io.ngxtime.grammar.antlr.LogFormatParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The entry point of the grammar module: compiles log_format text into a {@link LogFormat}.
 * nginx.conf files are read in the {@code conf} package, which builds on this one.
 */
public final class LogFormats {
    private LogFormats() {
    }

    /**
     * Compiles format text (the quoted parts already concatenated and unescaped).
     *
     * @param positions where each character of {@code text} came from, for error messages
     * @throws FormatSyntaxException with the position and what was expected
     */
    public static LogFormat compile(String name, Escape escape, String text, PositionMap positions) {
        if (text.isEmpty()) {
            throw new FormatSyntaxException(positions.at(0), "empty log_format: expected at least one variable");
        }
        LogFormatLexer lexer = new LogFormatLexer(CharStreams.fromString(text));
        LogFormatParser parser = new LogFormatParser(new CommonTokenStream(lexer));
        BaseErrorListener thrower = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                    int charPositionInLine, String msg, RecognitionException e) {
                int offset = offsetOf(text, line, charPositionInLine);
                throw new FormatSyntaxException(positions.at(offset), describe(text, offset));
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(thrower);
        parser.removeErrorListeners();
        parser.addErrorListener(thrower);
        LogFormatParser.FormatContext tree = parser.format();

        List<FormatPart> parts = new ArrayList<>();
        for (LogFormatParser.PartContext part : tree.part()) {
            if (part instanceof LogFormatParser.VariablePartContext v) {
                Token t = v.variable().getStart();
                String s = t.getText();
                String varName = s.startsWith("${") ? s.substring(2, s.length() - 1) : s.substring(1);
                parts.add(new FormatPart.Variable(varName));
            } else {
                parts.add(new FormatPart.Literal(part.getText()));
            }
        }
        if (parts.stream().noneMatch(p -> p instanceof FormatPart.Variable)) {
            throw new FormatSyntaxException(positions.at(0), "log_format has no variable: expected at least one $variable");
        }
        return new LogFormat(name, escape, text, parts);
    }

    /**
     * Compiles a format given on its own (for example on the command line); errors count columns in it. It may
     * start with the escape parameter as a log_format directive has it ({@code escape=json $remote_addr ...}):
     * what follows the parameter and its space is the format.
     */
    public static LogFormat compile(String text) {
        java.util.regex.Matcher m = LEADING_ESCAPE.matcher(text);
        if (m.lookingAt()) {
            int skipped = m.end();
            return compile("custom", Escape.parse(m.group(1)), text.substring(skipped),
                    offset -> new SourcePosition("log format", 1, skipped + offset + 1));
        }
        return compile("custom", Escape.DEFAULT, text, PositionMap.singleLine("log format"));
    }

    /** nginx's {@code escape=} parameter of log_format, then the blank that ends it. */
    private static final java.util.regex.Pattern LEADING_ESCAPE = java.util.regex.Pattern.compile("escape=(default|json|none)[ \t]+");

    /** The built-in presets' formats, in {@link Preset} order. */
    public static List<LogFormat> presets() {
        List<LogFormat> all = new ArrayList<>();
        for (Preset p : Preset.values()) {
            all.add(p.format());
        }
        return all;
    }

    /**
     * The offset in {@code text} of ANTLR's {@code line} (1-based, counting {@code \n}) and column: a format's
     * text may span lines (a newline inside its quotes), and the column counts from the line's start.
     */
    private static int offsetOf(String text, int line, int charPositionInLine) {
        int lineStart = 0;
        for (int l = 1; l < line && lineStart <= text.length(); l++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return Math.min(text.length(), lineStart + charPositionInLine);
    }

    /** A character of the format for a message, a control character as {@code '\\x0A'} (the message is one line). */
    private static String describeChar(char c) {
        return c < 0x80 ? ParseError.describeChar(c) : "'" + c + "'";
    }

    private static String describe(String text, int offset) {
        if (offset < text.length() && text.charAt(offset) == '$') {
            if (offset + 1 < text.length() && text.charAt(offset + 1) == '{') {
                return "expected a variable name and '}' after '${'";
            }
            return "expected a variable name after '$', found "
                    + (offset + 1 < text.length() ? describeChar(text.charAt(offset + 1)) : "end of format");
        }
        return "unexpected " + (offset < text.length() ? describeChar(text.charAt(offset)) : "end of format");
    }
}
