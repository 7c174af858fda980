package io.ngxtime.cli.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.live.AlertRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class AlertRuleConverterTest {
    /** A command with tail's option, as the lead wires it into {@code tail}. */
    @Command(name = "alerting")
    static final class Alerting implements Callable<Integer> {
        @Option(names = "--alert", paramLabel = "RULE", converter = AlertRuleConverter.class)
        List<AlertRule> rules = new ArrayList<>();

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void goodRules_areRead() {
        Alerting cmd = new Alerting();
        int exit = new CommandLine(cmd).execute("--alert", "5xx>2%", "--alert", "upstream:10.0.1.3:8080 p99>500ms");

        assertThat(exit).isZero();
        assertThat(cmd.rules).extracting(AlertRule::text).containsExactly("5xx>2%", "upstream:10.0.1.3:8080 p99>500ms");
    }

    @Test
    void badRule_isAUsageError_inOneLineSayingWhatIsAccepted() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Alerting()).setErr(new PrintWriter(err));
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("ngxtime: " + ex.getMessage());
            return io.ngxtime.cli.ExitCode.USAGE;
        });

        int exit = cl.execute("--alert", "p99>800");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("ngxtime: Invalid value for option '--alert' (RULE): alert rule 'p99>800': p99 is a"
                + " time: give it in us, ms or s, as in p99>800ms" + System.lineSeparator());
    }
}
