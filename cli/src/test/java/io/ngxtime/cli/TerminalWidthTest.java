package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How wide a terminal is taken to be: COLUMNS, else what its device says, else 80; a pipe is never asked. */
class TerminalWidthTest {
    @Test
    void columns_COLUMNSWins_elseTheDevicesWidth_else80() {
        assertThat(new Terminal(true, Map.of("COLUMNS", "132")::get, false, () -> 200).columns()).isEqualTo(132);
        assertThat(new Terminal(true, Map.<String, String>of()::get, false, () -> 200).columns())
                .as("COLUMNS not exported: bash and zsh keep it to themselves").isEqualTo(200);
        assertThat(new Terminal(true, Map.of("COLUMNS", "wide")::get, false, () -> 120).columns()).isEqualTo(120);
        assertThat(new Terminal(true, Map.<String, String>of()::get, false, () -> 0).columns()).as("unknown").isEqualTo(80);
        assertThat(new Terminal(true, Map.<String, String>of()::get, false, () -> 5).columns()).as("implausible").isEqualTo(80);
    }

    @Test
    void tableColumns_aPipeOrAFile_isUnbounded_andItsDeviceNeverAsked() {
        AtomicInteger asked = new AtomicInteger();
        Terminal pipe = new Terminal(false, Map.<String, String>of()::get, false, () -> {
            asked.incrementAndGet();
            return 100;
        });
        assertThat(pipe.tableColumns()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pipe.columns()).isEqualTo(80);
        assertThat(asked).hasValue(0);
        assertThat(new Terminal(true, Map.<String, String>of()::get, false, () -> 100).tableColumns()).isEqualTo(100);
    }
}
