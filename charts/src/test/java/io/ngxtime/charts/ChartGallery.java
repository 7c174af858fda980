package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes every chart of the sample reports to a directory, to look at (not a test). */
public final class ChartGallery {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        Report incident = SampleReports.incident(6, args.length > 1);
        System.out.printf("incident report in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        Report week = SampleReports.week(Instant.parse("2026-10-08T14:03:12+02:00").getEpochSecond(), 900);
        write(dir, "incident", incident, ChartOptions.defaults().withLatencyOverlay(true));
        write(dir, "week", week, ChartOptions.defaults().withLatencyOverlay(true));
        try (Writer w = Files.newBufferedWriter(dir.resolve("incident.html"), StandardCharsets.UTF_8)) {
            new io.ngxtime.charts.html.HtmlReportWriter().write(incident, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("week.html"), StandardCharsets.UTF_8)) {
            new io.ngxtime.charts.html.HtmlReportWriter().write(week, w);
        }
    }

    static void write(Path dir, String name, Report r, ChartOptions o) throws Exception {
        for (ChartKind k : ChartKind.values()) {
            long t0 = System.nanoTime();
            var chart = k.create(r, o);
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + "-" + k.key() + ".png"))) {
                Charts.writePng(chart, o.size(), out);
            }
            long t1 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(dir.resolve(name + "-" + k.key() + ".svg"), StandardCharsets.UTF_8)) {
                Charts.writeSvg(chart, o.size(), k.key(), w);
            }
            long t2 = System.nanoTime();
            System.out.printf("%-8s %-13s png %4d ms  svg %4d ms %8d bytes  %s%n", name, k.key(), (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, Files.size(dir.resolve(name + "-" + k.key() + ".svg")),
                    k.missingData(r).orElse(""));
        }
    }
}
