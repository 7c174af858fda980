package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandDocsTest {
    @TempDir
    Path dir;

    /** The package's completion once listed no command: the generators built the tree from an annotation without them. */
    @Test
    void bashCompletion_completesEveryCommand_andItsOptions() throws Exception {
        Path script = dir.resolve("ngxtime.bash");
        CommandDocs.main(new String[] {"--bash", script.toString()});
        String text = Files.readString(script);
        for (Class<?> command : NgxtimeCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            assertThat(text).as(name).contains("_picocli_ngxtime_" + name + "()");
        }
        assertThat(text).contains("--cache-ttl").contains("--vs");
    }
}
