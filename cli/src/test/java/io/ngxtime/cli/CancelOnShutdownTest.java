package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CancelOnShutdownTest {
    @Test
    void aShutdown_cancelsTheWork_andIsLetGoOnceTheWorkHasEnded() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        CancelOnShutdown onInterrupt = CancelOnShutdown.install(() -> cancelled.set(true), Duration.ofDays(1));
        Thread shutdown = new Thread(onInterrupt.hook()::run); // what the JVM would run on Ctrl-C
        shutdown.start();
        while (!cancelled.get()) {
            Thread.onSpinWait();
        }
        assertThat(shutdown.isAlive()).as("held until the work ends").isTrue();
        onInterrupt.close();
        shutdown.join();
        assertThat(Runtime.getRuntime().removeShutdownHook(onInterrupt.hook())).as("removed by close").isFalse();
    }

    @Test
    void close_removesTheHook_soALaterShutdownCancelsNothing() {
        CancelOnShutdown onInterrupt = CancelOnShutdown.install(() -> { }, Duration.ZERO);
        onInterrupt.close();
        assertThat(Runtime.getRuntime().removeShutdownHook(onInterrupt.hook())).isFalse();
    }
}
