package io.ngxtime.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text measured as a terminal shows it: wide characters two columns, marks and colour sequences none. */
class TerminalColumnsTest {
    private static final String EMOJI = "\uD83D\uDE80"; // one code point, two UTF-16 units, two columns

    @Test
    void width_countsColumns_notCharacters() {
        assertThat(TerminalColumns.width("abc")).isEqualTo(3);
        assertThat(TerminalColumns.width("説明")).isEqualTo(4);
        assertThat(TerminalColumns.width(EMOJI)).isEqualTo(2);
        assertThat(TerminalColumns.width("e\u0301")).as("a combining accent").isEqualTo(1);
        assertThat(TerminalColumns.width("\u001b[1mbold\u001b[0m")).as("colour sequences").isEqualTo(4);
    }

    @Test
    void clip_fitsTheColumns_endsWithAnEllipsis_andNeverCutsACharacterInTwo() {
        assertThat(TerminalColumns.clip("abcdef", 6)).isEqualTo("abcdef");
        assertThat(TerminalColumns.clip("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(TerminalColumns.clip("説明説明", 6)).as("a wide character that would not fit is left out")
                .isEqualTo("説明…");
        assertThat(TerminalColumns.clip("説明説明", 5)).isEqualTo("説明…");
        for (int columns = 1; columns <= 12; columns++) {
            String clipped = TerminalColumns.clip("ab" + EMOJI.repeat(8), columns);
            assertThat(TerminalColumns.width(clipped)).as("%d columns", columns).isLessThanOrEqualTo(columns);
            assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 1))).isFalse();
        }
        assertThat(TerminalColumns.clip("abc", 0)).isEmpty();
    }

    @Test
    void cell_isExactlyItsColumns_clippedOrPadded() {
        for (String s : new String[] {"", "a", "説明", "/商品/" + "説明".repeat(20), EMOJI + "x", "plain text longer than that"}) {
            for (int columns = 1; columns <= 30; columns++) {
                assertThat(TerminalColumns.width(TerminalColumns.cell(s, columns))).as("'%s' in %d", s, columns)
                        .isEqualTo(columns); // a wide character that does not fit leaves a space
            }
        }
        assertThat(TerminalColumns.cell("ab", 4)).isEqualTo("ab  ");
    }

    @Test
    void clipStart_keepsTheEnd() {
        assertThat(TerminalColumns.clipStart("/var/log/nginx/access.log", 12)).isEqualTo("…/access.log");
        assertThat(TerminalColumns.width(TerminalColumns.clipStart("/日志/" + "説明".repeat(9), 9))).isLessThanOrEqualTo(9);
    }
}
