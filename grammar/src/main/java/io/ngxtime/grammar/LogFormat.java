package io.ngxtime.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled nginx {@code log_format}: its name, escape mode and parts. Immutable and thread-safe;
 * parsers made from it ({@link #newParser()}) are not, so make one per thread.
 */
public final class LogFormat {
    private final String name;
    private final Escape escape;
    private final String text;
    private final List<FormatPart> parts;
    private final List<FormatPart.Variable> variables;
    private final Map<String, Integer> firstIndexByName;

    LogFormat(String name, Escape escape, String text, List<FormatPart> parts) {
        this.name = name;
        this.escape = escape;
        this.text = text;
        this.parts = List.copyOf(parts);
        List<FormatPart.Variable> vars = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (FormatPart p : parts) {
            if (p instanceof FormatPart.Variable v) {
                index.putIfAbsent(v.name(), vars.size());
                vars.add(v);
            }
        }
        this.variables = Collections.unmodifiableList(vars);
        this.firstIndexByName = Map.copyOf(index);
    }

    /** The format's name ({@code combined}, the name in nginx.conf, or {@code custom}). */
    public String name() {
        return name;
    }

    /** How nginx escaped variable values. */
    public Escape escape() {
        return escape;
    }

    /** The format text, quoted parts concatenated. */
    public String text() {
        return text;
    }

    /** Literals and variables in order. */
    public List<FormatPart> parts() {
        return parts;
    }

    /** The variables in order; a record's variable index is the position in this list. */
    public List<FormatPart.Variable> variables() {
        return variables;
    }

    /** Number of variables (with repeats). */
    public int variableCount() {
        return variables.size();
    }

    /** The index of the first variable called {@code name}, or -1. */
    public int indexOf(String name) {
        Integer i = firstIndexByName.get(name);
        return i == null ? -1 : i;
    }

    /** Whether the format logs variable {@code name}. */
    public boolean has(String name) {
        return firstIndexByName.containsKey(name);
    }

    /** Whether the format logs any upstream timing list. */
    public boolean hasUpstreamTiming() {
        return variables.stream().anyMatch(v -> v.kind().isUpstreamList());
    }

    /** A new fast line parser for this format (not thread-safe). */
    public LineParser newParser() {
        return new CompiledLineParser(this);
    }

    /** A new empty record sized for this format. */
    public LogRecord newRecord() {
        return new LogRecord(this);
    }

    /** The {@code log_format} directive that defines this format. */
    public String directive() {
        String quoted = text.replace("\\", "\\\\").replace("'", "\\'");
        // nginx takes a first string starting "escape=" as the parameter, quoted or not: such a text needs it spelt out
        boolean escapeWord = escape != Escape.DEFAULT || text.startsWith("escape=");
        return "log_format " + name + (escapeWord ? " escape=" + escape : "") + " '" + quoted + "';";
    }

    @Override
    public String toString() {
        return name + " '" + text + "'";
    }
}
