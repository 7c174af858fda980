package io.ngxtime.grammar.conf;

import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.FormatSyntaxException;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.SourcePosition;
import io.ngxtime.grammar.antlr.NginxConfLexer;
import io.ngxtime.grammar.antlr.NginxConfParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Reads the {@code log_format} directives of an nginx configuration, following {@code include}
 * directives (globs, relative to the including file's directory), and with {@link #readConf} also the
 * variables it defines and the formats its {@code access_log} directives use. Every other directive is
 * ignored.
 */
public final class NginxConfReader {
    private static final int MAX_INCLUDE_DEPTH = 32;
    /** Blocks nested deeper than this are refused before parsing (real configurations nest a handful). */
    static final int MAX_BLOCK_DEPTH = 100;
    /** The longest piece of configuration text an error message quotes. */
    private static final int QUOTED_CHARS = 60;

    /**
     * Directives that define a variable, and which argument names it: the first ({@code set $v ...;}),
     * the second ({@code map $source $v {}) or the last before the block ({@code geo [$source] $v {}).
     */
    private static final Map<String, Integer> DEFINES = Map.of(
            "set", 0, "js_set", 0, "perl_set", 0, "auth_request_set", 0,
            "map", 1, "geo", -1, "split_clients", -1);

    private NginxConfReader() {
    }

    /** What was collected while walking the files. */
    private static final class Collected {
        final List<LogFormat> formats = new ArrayList<>();
        final Set<String> variables = new LinkedHashSet<>();
        final Set<String> accessLogFormats = new LinkedHashSet<>();

        NginxConf conf() {
            return new NginxConf(formats, variables, new ArrayList<>(accessLogFormats));
        }
    }

    /** The files read so far, and the chain of files being read (the including ones first). */
    private static final class Reading {
        final Set<Path> seen = new HashSet<>();
        final Deque<Path> chain = new ArrayDeque<>();
    }

    /**
     * Reads {@code file} and everything it includes: formats, defined variables and the formats
     * {@code access_log} uses. A file included a second time is not read again; one that includes itself,
     * directly or through others, is an error (nginx cannot load such a configuration either).
     *
     * @throws FormatSyntaxException for a syntax error in any file, a broken log_format or an include that
     *                               cannot be followed (a cycle, a bad glob), with file:line:column
     * @throws IOException           when {@code file} cannot be read, or a file it includes (the message then
     *                               starts with the include's file:line:column)
     */
    public static NginxConf readConf(Path file) throws IOException {
        Collected out = new Collected();
        Reading reading = new Reading();
        Path real = file.toRealPath();
        read(file, real, text(Files.readAllBytes(file)), out, reading);
        return out.conf();
    }

    /** {@link #parse}, with the defined variables and {@code access_log} formats. */
    public static NginxConf parseConf(String text, String sourceName) {
        Collected out = new Collected();
        try {
            parse(text, sourceName, null, out, new Reading());
        } catch (IOException e) {
            throw new AssertionError("no I/O without includes", e);
        }
        return out.conf();
    }

    /**
     * Reads {@code file} and everything it includes.
     *
     * @throws FormatSyntaxException for a syntax error in any file or a broken log_format, with file:line:column
     * @throws IOException           when a file cannot be read
     */
    public static List<LogFormat> read(Path file) throws IOException {
        return readConf(file).formats();
    }

    /** The format called {@code name} in {@code file} (and its includes). */
    public static LogFormat read(Path file, String name) throws IOException {
        List<String> names = new ArrayList<>();
        for (LogFormat f : read(file)) {
            if (f.name().equals(name)) {
                return f;
            }
            names.add(f.name());
        }
        throw new IllegalArgumentException("no log_format '" + name + "' in " + file
                + (names.isEmpty() ? " (it defines none)" : " (it defines: " + String.join(", ", names) + ")"));
    }

    /**
     * Parses configuration text, for example a single {@code log_format name '...';} directive given on
     * the command line. {@code include} is not followed.
     */
    public static List<LogFormat> parse(String text, String sourceName) {
        return parseConf(text, sourceName).formats();
    }

    private static void read(Path file, Path real, String text, Collected out, Reading reading) throws IOException {
        reading.seen.add(real);
        reading.chain.addLast(real);
        parse(text, file.toString(), file.toAbsolutePath().getParent(), out, reading);
        reading.chain.removeLast();
    }

    /**
     * A file's text. nginx reads bytes and only cares about ASCII syntax: a byte that is not UTF-8 (a
     * Latin-1 comment) becomes U+FFFD rather than making the whole file unreadable.
     */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void parse(String text, String source, Path dir, Collected out, Reading reading)
            throws IOException {
        NginxConfLexer lexer = new NginxConfLexer(CharStreams.fromString(text, source));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        NginxConfParser parser = new NginxConfParser(tokens);
        BaseErrorListener thrower = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                    String msg, RecognitionException e) {
                String reason;
                if (recognizer instanceof Parser p) {
                    Token t = (Token) offending;
                    String found = t.getType() == Token.EOF ? "end of file" : "'" + quoted(t.getText()) + "'";
                    reason = "expected " + expectedNames(p) + ", found " + found;
                } else {
                    reason = msg.contains("'\"") || msg.contains("''") ? "unterminated quoted string"
                            : "unexpected character: " + quoted(msg.replace("token recognition error at: ", ""));
                }
                throw new FormatSyntaxException(new SourcePosition(source, line, column + 1), reason);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(thrower);
        parser.removeErrorListeners();
        parser.addErrorListener(thrower);
        checkBlockDepth(tokens, source);
        walk(parser.config().statement(), source, dir, out, reading);
    }

    /**
     * Refuses blocks nested deeper than {@value #MAX_BLOCK_DEPTH} before the parser, which descends one
     * level of its stack per block, could overflow it.
     */
    private static void checkBlockDepth(CommonTokenStream tokens, String source) {
        tokens.fill();
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            if (t.getType() == NginxConfLexer.LBRACE && ++depth > MAX_BLOCK_DEPTH) {
                throw new FormatSyntaxException(new SourcePosition(source, t.getLine(), t.getCharPositionInLine() + 1),
                        "blocks nested deeper than " + MAX_BLOCK_DEPTH);
            } else if (t.getType() == NginxConfLexer.RBRACE) {
                depth--;
            }
        }
    }

    /**
     * Configuration text for a message: its first line, at most {@value #QUOTED_CHARS} characters (a
     * quoted string may hold line breaks, and the message is one line).
     */
    static String quoted(String text) {
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
            }
        }
        return end <= QUOTED_CHARS && end == text.length() ? text : text.substring(0, Math.min(end, QUOTED_CHARS)) + "...";
    }

    private static String expectedNames(Parser p) {
        List<String> names = new ArrayList<>();
        for (int type : p.getExpectedTokens().toList()) {
            names.add(switch (type) {
                case NginxConfLexer.SEMI -> "';'";
                case NginxConfLexer.LBRACE -> "'{'";
                case NginxConfLexer.RBRACE -> "'}'";
                case NginxConfLexer.WORD, NginxConfLexer.SQUOTED, NginxConfLexer.DQUOTED -> "a word or a quoted string";
                case Token.EOF -> "end of file";
                default -> p.getVocabulary().getDisplayName(type);
            });
        }
        return String.join(" or ", names.stream().distinct().toList());
    }

    private static void walk(List<NginxConfParser.StatementContext> statements, String source, Path dir,
                             Collected out, Reading reading) throws IOException {
        for (NginxConfParser.StatementContext st : statements) {
            ConfValue name = ConfValue.of(st.name, source);
            if (name.text().equals("log_format") && st.SEMI() != null) {
                out.formats.add(logFormat(st, name, source));
            } else if (name.text().equals("access_log") && st.SEMI() != null) {
                accessLog(st, source, out);
            } else if (DEFINES.containsKey(name.text())) {
                defined(st, DEFINES.get(name.text()), source, out);
            } else if (name.text().equals("include") && st.SEMI() != null && dir != null) {
                include(st, source, dir, out, reading);
            }
            if (st.block() != null) {
                walk(st.block().statement(), source, dir, out, reading);
            }
        }
    }

    private static LogFormat logFormat(NginxConfParser.StatementContext st, ConfValue directive, String source) {
        List<ConfValue> args = new ArrayList<>();
        for (NginxConfParser.ValueContext v : st.args) {
            args.add(ConfValue.of(v, source));
        }
        if (args.isEmpty()) {
            throw new FormatSyntaxException(directive.position(directive.text().length()),
                    "expected a format name after log_format");
        }
        String name = args.get(0).text();
        int i = 1;
        Escape escape = Escape.DEFAULT;
        if (i < args.size() && args.get(i).text().startsWith("escape=")) {
            try {
                escape = Escape.parse(args.get(i).text().substring("escape=".length()));
            } catch (IllegalArgumentException e) {
                throw new FormatSyntaxException(args.get(i).position(7), quoted(e.getMessage()));
            }
            i++;
        }
        if (i >= args.size()) {
            ConfValue last = args.get(args.size() - 1);
            throw new FormatSyntaxException(last.position(last.text().length()),
                    "expected the format text after log_format " + quoted(name));
        }
        ConfValue text = ConfValue.concat(args.subList(i, args.size()));
        return LogFormats.compile(name, escape, text.text(), text::position);
    }

    /** {@code access_log path [format [buffer=...] ...];}; {@code access_log off;} uses none. */
    private static void accessLog(NginxConfParser.StatementContext st, String source, Collected out) {
        if (st.args.isEmpty() || (st.args.size() == 1 && ConfValue.of(st.args.get(0), source).text().equals("off"))) {
            return;
        }
        String format = st.args.size() > 1 ? ConfValue.of(st.args.get(1), source).text() : "";
        out.accessLogFormats.add(format.isEmpty() || format.contains("=") ? NginxConf.BUILT_IN : format);
    }

    /** The variable a {@code set}, {@code map}, ... defines: argument {@code index} (-1: the last). */
    private static void defined(NginxConfParser.StatementContext st, int index, String source, Collected out) {
        int i = index < 0 ? st.args.size() - 1 : index;
        if (i < 0 || i >= st.args.size()) {
            return;
        }
        String v = ConfValue.of(st.args.get(i), source).text();
        if (v.startsWith("$") && v.length() > 1) {
            out.variables.add(v.startsWith("${") && v.endsWith("}") ? v.substring(2, v.length() - 1) : v.substring(1));
        }
    }

    /**
     * Reads the files an {@code include} names. Every error names the include: where it is, and its
     * pattern.
     */
    private static void include(NginxConfParser.StatementContext st, String source, Path dir,
                                Collected out, Reading reading) throws IOException {
        if (st.args.size() != 1) {
            return;
        }
        SourcePosition at = ConfValue.of(st.name, source).position(0);
        String pattern = ConfValue.of(st.args.get(0), source).text();
        String include = "include " + quoted(pattern);
        if (reading.chain.size() > MAX_INCLUDE_DEPTH) {
            throw new FormatSyntaxException(at, include + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        List<Path> files;
        try {
            files = expand(dir, pattern);
        } catch (InvalidPathException | PatternSyntaxException e) {
            throw new FormatSyntaxException(at, include + ": not a valid path or glob");
        } catch (IOException e) {
            throw new IOException(at + ": " + include + ": " + why(e), e);
        }
        for (Path p : files) {
            Path real;
            String text;
            try {
                real = p.toRealPath();
                if (reading.chain.contains(real)) {
                    throw new FormatSyntaxException(at, include + ": a cycle (" + cycle(reading.chain, real) + ")");
                }
                if (reading.seen.contains(real)) {
                    continue; // included twice, not in a cycle: the same formats and variables again
                }
                if (Files.isDirectory(real)) {
                    throw new IOException("is a directory");
                }
                text = text(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new IOException(at + ": " + include + ": " + why(e) + " (" + quoted(p.toString()) + ")", e);
            }
            read(p, real, text, out, reading);
        }
    }

    /** {@code a.conf includes b.conf, which includes a.conf}: the chain from the file included again. */
    private static String cycle(Deque<Path> chain, Path again) {
        StringBuilder sb = new StringBuilder();
        for (Path p : chain) {
            if (sb.length() > 0 || p.equals(again)) {
                sb.append(sb.length() == 0 ? "" : sb.indexOf(" includes ") < 0 ? " includes " : ", which includes ")
                        .append(p.getFileName());
            }
        }
        return sb.append(sb.indexOf(" includes ") < 0 ? " includes " : ", which includes ")
                .append(again.getFileName()).toString();
    }

    /** Why a file could not be read, in a few words. */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : quoted(e.getMessage());
    }

    /** Files matching an include pattern, sorted like nginx's glob (by name). */
    static List<Path> expand(Path dir, String pattern) throws IOException {
        Path full = dir.resolve(pattern).normalize();
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            return List.of(full);
        }
        Path base = full.getRoot() == null ? Path.of("") : full.getRoot();
        int firstGlob = 0;
        for (; firstGlob < full.getNameCount(); firstGlob++) {
            String part = full.getName(firstGlob).toString();
            if (part.contains("*") || part.contains("?") || part.contains("[")) {
                break;
            }
            base = base.resolve(part);
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        // nginx's glob(3) has no {a,b} alternatives: braces are literal there
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(
                "glob:" + full.toString().replace("{", "\\{").replace("}", "\\}"));
        int maxDepth = full.getNameCount() - firstGlob;
        try (Stream<Path> files = Files.walk(base, maxDepth)) {
            return files.filter(p -> matcher.matches(p) && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
