package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.ProgressListener.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final StringWriter written = new StringWriter();
    private final ProgressLine line = new ProgressLine(new PrintWriter(written), nanos::get, () -> 200);

    private void after(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void text_quarterReadInTenSeconds_saysBytesLinesRateAndThirtySecondsLeft() {
        String text = ProgressLine.text(new Progress(12_000_000, 48_000_000, 40_000, false), TimeUnit.SECONDS.toNanos(10));

        assertThat(text).isEqualTo("ngxtime: read 12.0 MB of 48.0 MB (25%), 40,000 lines, 4,000 lines/s, 30 s left");
    }

    @Test
    void progress_onANarrowTerminal_isCutToOneColumnLess_andSoIsItsErasing() {
        StringWriter narrow = new StringWriter();
        ProgressLine forty = new ProgressLine(new PrintWriter(narrow), nanos::get, () -> 40);
        forty.progress(new Progress(12_000_000, 48_000_000, 40_000, false));
        after(10_000);
        forty.progress(new Progress(24_000_000, 48_000_000, 80_000, false));
        after(1_000);
        forty.progress(new Progress(48_000_000, 48_000_000, 160_000, true));

        String[] draws = narrow.toString().split("\r");
        assertThat(draws).hasSizeGreaterThan(3);
        for (String d : draws) {
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(d)).as(d).isLessThanOrEqualTo(39);
        }
        assertThat(narrow.toString()).contains("\rngxtime: read 24.0 MB of 48.0 MB (50%)…");
    }

    @Test
    void text_unknownTotal_saysOnlyWhatWasReadAndHowFast() {
        String text = ProgressLine.text(new Progress(5_000_000, -1, 20_000, false), TimeUnit.SECONDS.toNanos(2));

        assertThat(text).isEqualTo("ngxtime: read 5.0 MB, 20,000 lines, 10,000 lines/s");
    }

    @Test
    void progress_eventsCloserThanTheRedrawInterval_drawOnceAndDoneErasesTheLine() {
        line.progress(new Progress(1_000_000, 4_000_000, 100, false));
        after(100);
        line.progress(new Progress(2_000_000, 4_000_000, 200, false));
        String first = written.toString();
        after(200);
        line.progress(new Progress(3_000_000, 4_000_000, 300, false));
        String second = written.toString().substring(first.length());
        line.progress(new Progress(4_000_000, 4_000_000, 400, true));
        String erased = written.toString().substring(first.length() + second.length());

        assertThat(first).isEqualTo("\rngxtime: read 1.0 MB of 4.0 MB (25%), 100 lines");
        assertThat(second).isEqualTo("\rngxtime: read 3.0 MB of 4.0 MB (75%), 300 lines");
        assertThat(erased).isEqualTo("\r" + " ".repeat(first.length() - 1) + "\r");
    }

    @Test
    void progress_doneWithoutAnythingDrawn_writesNothing() {
        line.progress(new Progress(0, 0, 0, true));

        assertThat(written.toString()).isEmpty();
    }
}
