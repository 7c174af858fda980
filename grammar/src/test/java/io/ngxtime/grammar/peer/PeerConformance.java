package io.ngxtime.grammar.peer;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.CanonicalFields;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the compiled matcher and the reference parser over a peer folder's lines, each under its own
 * format, and sorts the outcomes: parsed, rejected as listed, or a problem (a line that should parse
 * and does not, a listed reject that parses or fails elsewhere, or the two parsers disagreeing on
 * accept/reject or on any field). Then runs the folder's value comparison ({@link PeerFolder#values}) and
 * counts the mismatches. {@link #markdown} writes the result as the generated part of
 * {@code docs/conformance.md}; {@code ConformanceDocTest} keeps the two equal.
 */
public final class PeerConformance {
    private PeerConformance() {
    }

    /** A listed reject and the error the reference gave for it. */
    record Reject(PeerLine line, ParseError error) {
    }

    /**
     * A source's asserted values compared with ours: how many were compared, how many were not (their
     * convention is not ours), and each mismatch; or the error that stopped the comparison.
     */
    record Values(int compared, int notCompared, List<String> mismatches, String error) {
        static Values of(PeerChecks checks) {
            return new Values(checks.compared(), checks.notComparedCount(), checks.mismatches(), null);
        }

        static Values failed(Throwable e) {
            String message = String.valueOf(e.getMessage()).strip();
            int newline = message.indexOf('\n');
            return new Values(0, 0, List.of(), e.getClass().getSimpleName() + ": "
                    + (newline < 0 ? message : message.substring(0, newline)));
        }
    }

    /**
     * The outcome for one folder: {@code judged} are its lines judged unparseable on purpose, {@code rejects}
     * those of them rejected where the judgement says; {@code values} is null for a source that asserts no values.
     */
    public record FolderResult(PeerFolder folder, int lines, int parsed, List<PeerLine> judged, List<Reject> rejects,
                               List<String> problems, Values values) {
        int rejected() {
            return rejects.size();
        }

        /**
         * The problems that are the two parsers disagreeing (on accept/reject or on a field), without the
         * conformance problems both parsers share (a line that should parse and does not, a judged line that parses).
         */
        public List<String> disagreements() {
            return problems.stream().filter(p -> p.contains(DISAGREE_ACCEPT) || p.contains(DISAGREE_FIELDS)).toList();
        }
    }

    private static final String DISAGREE_ACCEPT = ": compiled matcher ";
    private static final String DISAGREE_FIELDS = ": fields differ: ";
    private static final Map<PeerFolder, FolderResult> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The folder's result, computed once per test run (the reference parser is slow: about 0.2 ms a line). */
    public static FolderResult result(PeerFolder folder, Path root) {
        return RESULTS.computeIfAbsent(folder, f -> check(f, root));
    }

    /** Every folder's result, in {@link PeerFolder} order. */
    public static List<FolderResult> results(Path root) {
        List<FolderResult> out = new ArrayList<>();
        for (PeerFolder f : PeerFolder.values()) {
            out.add(result(f, root));
        }
        return out;
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
                problems.add(line + DISAGREE_ACCEPT + (accepted ? "accepts" : "rejects") + ", reference "
                        + (outcome.accepted() ? "accepts" : "rejects: " + outcome.error().message()));
                continue;
            }
            if (accepted && !CanonicalFields.of(record).equals(outcome.fields())) {
                problems.add(line + DISAGREE_FIELDS + "compiled " + CanonicalFields.of(record) + ", reference "
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
                problems.add(line + ": judged unparseable on purpose (" + line.reject().why() + ") but parses");
            } else if (!line.reject().pointsAt(outcome.error().context())) {
                problems.add(line + ": rejected " + outcome.error().context() + " (" + outcome.error().message()
                        + "), judged unparseable at " + line.reject().at());
            } else {
                rejects.add(new Reject(line, outcome.error()));
            }
        }
        List<PeerLine> judged = lines.stream().filter(l -> !l.mustParse()).toList();
        return new FolderResult(folder, lines.size(), parsed, judged, rejects, problems, values(folder, root));
    }

    private static Values values(PeerFolder folder, Path root) {
        try {
            PeerChecks checks = folder.values(root);
            return checks == null ? null : Values.of(checks);
        } catch (AssertionError | RuntimeException e) {
            return Values.failed(e);
        }
    }

    /** The conformance table for the console: lines parsed and rejected per folder, then every reject and problem. */
    static String table(List<FolderResult> results) {
        StringBuilder sb = new StringBuilder();
        String row = "%-36s %6s %7s %9s %9s %9s %11s%n";
        sb.append(String.format(row, "peer folder", "lines", "parsed", "rejected", "problems", "compared",
                "mismatches"));
        for (FolderResult r : results) {
            sb.append(String.format(row, r.folder().dir(), r.lines(), r.parsed(), r.rejected(), r.problems().size(),
                    r.values() == null ? "-" : r.values().compared(), mismatchCell(r.values())));
        }
        Totals t = Totals.of(results);
        sb.append(String.format(row, "total", t.lines, t.parsed, t.rejected, t.problems, t.compared, t.mismatches));
        sb.append(String.format("%nrejected lines (all judged unparseable on purpose):%n"));
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
            if (r.values() != null) {
                for (String m : r.values().mismatches()) {
                    sb.append("  MISMATCH ").append(m).append(System.lineSeparator());
                }
            }
        }
        return sb.toString();
    }

    private record Totals(int lines, int parsed, int rejected, int problems, int compared, int mismatches) {
        static Totals of(List<FolderResult> results) {
            int lines = 0;
            int parsed = 0;
            int rejected = 0;
            int problems = 0;
            int compared = 0;
            int mismatches = 0;
            for (FolderResult r : results) {
                lines += r.lines();
                parsed += r.parsed();
                rejected += r.rejected();
                problems += r.problems().size();
                compared += r.values() == null ? 0 : r.values().compared();
                mismatches += r.values() == null ? 0 : r.values().mismatches().size();
            }
            return new Totals(lines, parsed, rejected, problems, compared, mismatches);
        }
    }

    private static String mismatchCell(Values v) {
        return v == null ? "-" : v.error() != null ? "error" : Integer.toString(v.mismatches().size());
    }

    /**
     * The generated part of {@code docs/conformance.md}: the table per source, each line judged unparseable on
     * purpose with why (and what the reference parser says about it), then today's problems and mismatches
     * grouped by line. Deterministic: folder order, then line order. Line ends are {@code \n}.
     */
    static String markdown(List<FolderResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| source | lines | parsed | rejected on purpose | problems | values compared | not compared "
                + "| mismatches |\n");
        sb.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (FolderResult r : results) {
            Values v = r.values();
            sb.append("| ").append(r.folder().dir()).append(" | ").append(r.lines()).append(" | ").append(r.parsed())
                    .append(" | ").append(r.rejected()).append(" | ").append(r.problems().size()).append(" | ")
                    .append(v == null ? "no asserted values" : Integer.toString(v.compared())).append(" | ")
                    .append(v == null ? "-" : Integer.toString(v.notCompared())).append(" | ")
                    .append(mismatchCell(v)).append(" |\n");
        }
        Totals t = Totals.of(results);
        sb.append("| **total** | ").append(t.lines).append(" | ").append(t.parsed).append(" | ").append(t.rejected)
                .append(" | ").append(t.problems).append(" | ").append(t.compared).append(" |  | ").append(t.mismatches)
                .append(" |\n");

        sb.append("\n### Lines judged unparseable on purpose\n\n");
        for (FolderResult r : results) {
            if (r.judged().isEmpty()) {
                continue;
            }
            sb.append("**").append(r.folder().dir()).append("**\n\n");
            for (PeerLine l : r.judged()) {
                Reject reject = r.rejects().stream().filter(x -> x.line().where().equals(l.where())).findFirst()
                        .orElse(null);
                sb.append("- `").append(l.file()).append(":").append(l.number()).append("` (").append(l.format().label())
                        .append("): ").append(l.reject().why()).append(". ")
                        .append(reject == null ? "Today: **not rejected as judged** (see problems below)."
                                : "Rejected: " + reject.error().message() + ".")
                        .append("\n");
            }
            sb.append("\n");
        }

        sb.append("### Problems today\n\n");
        boolean any = false;
        for (FolderResult r : results) {
            for (String p : r.problems()) {
                sb.append("- ").append(p).append("\n");
                any = true;
            }
        }
        sb.append(any ? "" : "None.\n");

        sb.append("\n### Mismatches today\n\n");
        any = false;
        for (FolderResult r : results) {
            Values v = r.values();
            if (v == null) {
                continue;
            }
            if (v.error() != null) {
                sb.append("- ").append(r.folder().dir()).append(": the comparison stopped: ").append(v.error())
                        .append("\n");
                any = true;
            }
            Map<String, List<String>> byLine = new LinkedHashMap<>();
            for (String m : v.mismatches()) {
                int colon = m.indexOf(": ");
                byLine.computeIfAbsent(m.substring(0, colon), k -> new ArrayList<>()).add(m.substring(colon + 2));
            }
            for (Map.Entry<String, List<String>> e : byLine.entrySet()) {
                List<String> what = e.getValue();
                boolean allRejected = what.stream().allMatch(w -> w.endsWith("ngxtime rejects the line"));
                sb.append("- ").append(e.getKey()).append(": ");
                if (allRejected) {
                    sb.append(what.size()).append(" asserted values, the line is rejected");
                } else {
                    sb.append(String.join("; ", what.stream().map(PeerConformance::shorten).toList()));
                }
                sb.append("\n");
                any = true;
            }
        }
        sb.append(any ? "" : "None.\n");
        return sb.toString();
    }

    /** A mismatch for the doc: long peer values (binary requests, user agents) cut to keep a line readable. */
    private static String shorten(String mismatch) {
        return mismatch.length() <= 160 ? mismatch : mismatch.substring(0, 157) + "...";
    }

    /** Prints the console table, then the markdown, for the peer folder given as the argument (or found beside the project). */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0])
                : PeerLogs.root().orElseThrow(() -> new IllegalStateException("no peer-log folder found"));
        List<FolderResult> results = new ArrayList<>();
        for (PeerFolder f : PeerFolder.values()) {
            results.add(check(f, root));
        }
        System.out.print(table(results));
        System.out.println();
        System.out.print(markdown(results));
    }
}
