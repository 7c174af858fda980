package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.grammar.ParseError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule of a window's rejected lines: each takes the time of a neighbouring request of its input. */
class WindowedRejectsTest {
    private static final long FROM = 10_000;
    private static final long TO = 20_000;

    private final Rejects tally = new Rejects(10);
    private final WindowedRejects window = new WindowedRejects(TimeWindow.between(FROM, TO), tally);

    private void reject(Object input, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        window.rejected(input, input.toString(), 1, b, 0, b.length, ParseError.emptyLine());
    }

    private List<String> sampled() {
        return tally.samples().stream().map(LineSample::text).toList();
    }

    @Test
    void rejectedLine_takesTheTimeOfTheRequestBeforeIt() {
        window.request("a", FROM - 1);
        reject("a", "after a request before the window");
        window.request("a", FROM);
        reject("a", "after the window's first request");
        window.request("a", TO - 1);
        reject("a", "after its last request");
        window.request("a", TO);
        reject("a", "after a request at its end");
        assertThat(sampled()).containsExactly("after the window's first request", "after its last request");
        assertThat(tally.total()).isEqualTo(2);
    }

    @Test
    void linesBeforeAnInputsFirstRequest_takeThatRequestsTime() {
        reject("a", "first line of a");
        reject("a", "second line of a");
        window.request("a", FROM + 5);
        reject("b", "first line of b");
        window.request("b", TO + 5);
        assertThat(sampled()).containsExactly("first line of a", "second line of a");
    }

    @Test
    void inputsAreApart_aRequestOfOneInputTellsNothingOfAnothersLines() {
        window.request("a", FROM + 5);
        reject("b", "b has had no request yet");
        window.request("b", FROM - 5);
        reject("a", "a's last request is in the window");
        assertThat(sampled()).containsExactly("a's last request is in the window");
    }

    @Test
    void anInputWithoutRequests_hasItsLinesInNoWindow_butWithoutAWindowTheyCount() {
        reject("a", "no request ever");
        window.request("a", -1); // a request without a time tells nothing
        assertThat(tally.total()).isZero();

        Rejects all = new Rejects(10);
        WindowedRejects none = new WindowedRejects(TimeWindow.ALL, all);
        byte[] b = "x".getBytes(StandardCharsets.UTF_8);
        none.rejected("a", "a", 1, b, 0, 1, ParseError.emptyLine());
        assertThat(all.total()).isEqualTo(1);
    }

    @Test
    void anInputThatContinuesFromBeforeTheWindow_hasItsFirstLinesBeforeIt() {
        window.continuesFromBeforeTheWindow("a");
        reject("a", "after requests a seek passed over");
        window.request("a", FROM);
        reject("a", "in");
        assertThat(sampled()).containsExactly("in");
    }

    @Test
    void countedLines_followTheSameRule_byReason() {
        window.request("q", FROM);
        window.rejected("q", 3, Map.of("empty line", 2L, "expected a digit in $status", 1L),
                List.of(new LineSample("q", 7, "empty line", "")));
        window.request("q", TO);
        window.rejected("q", 5, Map.of("empty line", 5L), List.of());
        assertThat(tally.total()).isEqualTo(3);
        assertThat(tally.byReason()).containsExactly(Map.entry("empty line", 2L), Map.entry("expected a digit in $status", 1L));
    }
}
