package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.ParseError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A sampled rejected line's reason, told back from its message among the batch's reasons. */
class BatchLineOrderTest {
    private static final List<ParseError> ERRORS = List.of(
            new ParseError(5, "a digit", "'x'", "in $status"),
            new ParseError(7, "a digit", "')'", "in $body_bytes_sent"),
            new ParseError(3, "a digit", "'('", ""),
            new ParseError(1, "an IP address (IPv4, IPv6 or unix:)", "'g'", "in $remote_addr"),
            new ParseError(40, "'\"'", "end of line", "after $http_user_agent"),
            new ParseError(1, "a line both parsers accept", "one only the reference accepts", "parser disagreement, please report"),
            ParseError.emptyLine(),
            ParseError.tooLong(100));

    @Test
    void reasonOf_everyKindOfMessage_givesItsOwnReason_amongAllTheOthers() {
        Set<String> reasons = ERRORS.stream().map(ParseError::reason).collect(Collectors.toSet());
        assertThat(reasons).hasSize(ERRORS.size());
        for (ParseError e : ERRORS) {
            assertThat(BatchLineOrder.reasonOf(e.message(), reasons)).as(e.message()).isEqualTo(e.reason());
        }
    }

    @Test
    void reasonOf_aMessageOfNoneOfTheReasons_isNotGuessed_unlessTheBatchHasOnlyOne() {
        ParseError other = new ParseError(2, "'-'", "'x'", "after $remote_addr");
        assertThat(BatchLineOrder.reasonOf(other.message(), Set.of(ERRORS.get(0).reason(), ERRORS.get(1).reason()))).isNull();
        assertThat(BatchLineOrder.reasonOf(other.message(), Set.of("anything"))).isEqualTo("anything");
    }
}
