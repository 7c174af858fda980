package io.ngxtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A combined-format log written line by line with what the test knows of every line: a request and its
 * second, or a rejected line. {@link #expected} places each rejected line by the rule of
 * docs/report-json.md, computed here on the whole list (two passes), independently of the streaming code
 * under test: the second of the request before it in the same file, or, before the file's first request,
 * that request's second; none in a file without requests.
 */
final class HandMadeLog {
    static final ZoneOffset ZONE = ZoneOffset.ofHours(2);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** One line: {@code second} is the request's time (epoch seconds), or -1 for a rejected line. */
    record Line(String text, long second) {
        boolean rejected() {
            return second < 0;
        }
    }

    /** What a window holds by the rule. */
    record Counts(long requests, long rejected) {
        long lines() {
            return requests + rejected;
        }
    }

    /** The files, in time order (oldest first). */
    final List<List<Line>> files = new ArrayList<>();

    HandMadeLog file() {
        files.add(new ArrayList<>());
        return this;
    }

    HandMadeLog request(long epochSecond, int status) {
        current().add(new Line(line(epochSecond, "/p/" + (epochSecond % 97), status), epochSecond));
        return this;
    }

    HandMadeLog rejected(String text) {
        current().add(new Line(text, -1));
        return this;
    }

    private List<Line> current() {
        return files.get(files.size() - 1);
    }

    static String line(long epochSecond, String path, int status) {
        String time = LOCAL.format(Instant.ofEpochSecond(epochSecond).atOffset(ZONE));
        return "192.0.2." + (epochSecond % 250) + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" " + status
                + " " + (100 + epochSecond % 900) + " \"-\" \"curl/8\"";
    }

    /** A request line whose month is upper case: rejected in {@code $time_local}. */
    static String brokenTime(long epochSecond) {
        return line(epochSecond, "/broken", 200).replace("/Oct/", "/OCT/");
    }

    /** The requests and rejected lines in {@code [from, to)} (epoch seconds; Long.MIN/MAX_VALUE: open). */
    Counts expected(long from, long to) {
        long requests = 0;
        long rejected = 0;
        for (List<Line> file : files) {
            long before = -1;
            long firstRequest = file.stream().filter(l -> !l.rejected()).mapToLong(Line::second).findFirst().orElse(-1);
            for (Line l : file) {
                if (!l.rejected()) {
                    before = l.second();
                    requests += l.second() >= from && l.second() < to ? 1 : 0;
                    continue;
                }
                long t = before >= 0 ? before : firstRequest;
                boolean unwindowed = from == Long.MIN_VALUE && to == Long.MAX_VALUE;
                rejected += unwindowed || (t >= 0 && t >= from && t < to) ? 1 : 0;
            }
        }
        return new Counts(requests, rejected);
    }

    long lineCount() {
        return files.stream().mapToLong(List::size).sum();
    }

    /** Writes the files as {@code names} (in the same order); a name ending in .gz is gzipped. */
    List<Path> write(Path dir, String... names) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path p = dir.resolve(names[i]);
            try (OutputStream raw = Files.newOutputStream(p);
                 OutputStream s = names[i].endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
                 Writer w = new java.io.OutputStreamWriter(s, StandardCharsets.UTF_8)) {
                for (Line l : files.get(i)) {
                    w.write(l.text());
                    w.write('\n');
                }
            }
            out.add(p);
        }
        return out;
    }

    static String iso(long epochSecond) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE));
    }
}
