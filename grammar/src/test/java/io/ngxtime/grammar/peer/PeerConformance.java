package io.ngxtime.grammar.peer;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.CanonicalFields;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the compiled matcher and the reference parser over a peer folder's lines, each under its own
 * format, and sorts the outcomes: parsed, rejected as listed, or a problem (a line that should parse
 * and does not, a listed reject that parses or fails elsewhere, or the two parsers disagreeing on
 * accept/reject or on any field).
 */
public final class PeerConformance {
    private PeerConformance() {
    }

    /** A listed reject and the error the reference gave for it. */
    record Reject(PeerLine line, ParseError error) {
    }

    /** The outcome for one folder. */
    public record FolderResult(PeerFolder folder, int lines, int parsed, List<Reject> rejects, List<String> problems) {
        int rejected() {
            return rejects.size();
        }
    }

    private static final Map<PeerFolder, FolderResult> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The folder's result, computed once per test run (the reference parser is slow: about 0.2 ms a line). */
    public static FolderResult result(PeerFolder folder, Path root) {
        return RESULTS.computeIfAbsent(folder, f -> check(f, root));
    }

    static FolderResult check(PeerFolder folder, Path root) {
        Map<PeerFormat, LineParser> fast = new HashMap<>();
        Map<PeerFormat, LogRecord> records = new HashMap<>();
        Map<PeerFormat, ReferenceLineParser> reference = new HashMap<>();
        List<PeerLine> lines = folder.lines(root);
        int parsed = 0;
        List<Reject> rejects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PeerLine line : lines) {
            PeerFormat f = line.format();
            LineParser parser = fast.computeIfAbsent(f, k -> k.format().newParser());
            LogRecord record = records.computeIfAbsent(f, k -> k.format().newRecord());
            ReferenceLineParser ref = reference.computeIfAbsent(f, k -> new ReferenceLineParser(k.format()));
            byte[] b = line.bytes();
            boolean accepted = parser.parse(b, 0, b.length, record);
            ReferenceLineParser.Outcome outcome = ref.parse(b, 0, b.length);
            if (accepted != outcome.accepted()) {
                problems.add(line + ": compiled matcher " + (accepted ? "accepts" : "rejects") + ", reference "
                        + (outcome.accepted() ? "accepts" : "rejects: " + outcome.error().message()));
                continue;
            }
            if (accepted && !CanonicalFields.of(record).equals(outcome.fields())) {
                problems.add(line + ": fields differ: compiled " + CanonicalFields.of(record) + ", reference "
                        + outcome.fields());
                continue;
            }
            if (line.mustParse()) {
                if (accepted) {
                    parsed++;
                } else {
                    problems.add(line + ": should parse, rejected: " + outcome.error().message());
                }
            } else if (accepted) {
                problems.add(line + ": listed as rejected (" + line.reject().why() + ") but parses");
            } else if (!outcome.error().context().equals(line.reject().context())) {
                problems.add(line + ": rejected " + outcome.error().context() + " (" + outcome.error().message()
                        + "), listed as rejected " + line.reject().context());
            } else {
                rejects.add(new Reject(line, outcome.error()));
            }
        }
        return new FolderResult(folder, lines.size(), parsed, rejects, problems);
    }

    /** The conformance table: lines parsed and rejected per folder, then every reject with its reason. */
    static String table(List<FolderResult> results) {
        StringBuilder sb = new StringBuilder();
        String row = "%-36s %6s %7s %9s %9s%n";
        sb.append(String.format(row, "peer folder", "lines", "parsed", "rejected", "problems"));
        int lines = 0;
        int parsed = 0;
        int rejected = 0;
        int problems = 0;
        for (FolderResult r : results) {
            sb.append(String.format(row, r.folder().dir(), r.lines(), r.parsed(), r.rejected(), r.problems().size()));
            lines += r.lines();
            parsed += r.parsed();
            rejected += r.rejected();
            problems += r.problems().size();
        }
        sb.append(String.format(row, "total", lines, parsed, rejected, problems));
        sb.append(String.format("%nrejected lines (all expected):%n"));
        for (FolderResult r : results) {
            for (Reject reject : r.rejects()) {
                sb.append(String.format("  %s [%s]%n    %s%n    why: %s%n", reject.line().where(),
                        reject.line().format().label(), reject.error().message(), reject.line().reject().why()));
            }
        }
        for (FolderResult r : results) {
            for (String p : r.problems()) {
                sb.append("  PROBLEM ").append(p).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /** Prints the table for the peer folder given as the argument (or found beside the project). */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0])
                : PeerLogs.root().orElseThrow(() -> new IllegalStateException("no peer-log folder found"));
        List<FolderResult> results = new ArrayList<>();
        for (PeerFolder f : PeerFolder.values()) {
            results.add(check(f, root));
        }
        System.out.print(table(results));
    }
}
