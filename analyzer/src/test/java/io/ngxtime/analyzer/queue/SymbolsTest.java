package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.Escape;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SymbolsTest {
    private static int intern(Symbols s, String text, Escape escape) {
        byte[] b = ("  " + text).getBytes(StandardCharsets.UTF_8); // not at offset 0: offsets must be honoured
        return s.intern(b, 2, b.length, SpanDictionary.hash(b, 2, b.length), escape);
    }

    @Test
    void theSameBytes_getTheSameSymbol_andDecodeOnce() {
        Symbols s = new Symbols();
        int a = intern(s, "/api/items/1", Escape.DEFAULT);
        int b = intern(s, "/api/items/2", Escape.DEFAULT);
        assertThat(a).isPositive();
        assertThat(b).isNotEqualTo(a);
        assertThat(intern(s, "/api/items/1", Escape.DEFAULT)).isEqualTo(a);
        assertThat(s.symbol(a)).isEqualTo("/api/items/1").isSameAs(s.symbol(a));
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void theSameBytes_inAnotherEscapeMode_areAnotherString() {
        Symbols s = new Symbols();
        int byDefault = intern(s, "a\\x22b", Escape.DEFAULT);
        int byNone = intern(s, "a\\x22b", Escape.NONE);
        assertThat(byNone).isNotEqualTo(byDefault);
        assertThat(s.symbol(byDefault)).isEqualTo("a\"b");
        assertThat(s.symbol(byNone)).isEqualTo("a\\x22b");
    }

    @Test
    void aFloodOfDistinctStrings_fillsTheTableToItsBound_thenGetsNoSymbol() {
        Symbols s = new Symbols();
        for (int i = 0; i < Symbols.MAX_SYMBOLS; i++) {
            assertThat(intern(s, "/p/" + i, Escape.DEFAULT)).isEqualTo(i + 1);
        }
        assertThat(intern(s, "/one/more", Escape.DEFAULT)).isZero();
        assertThat(intern(s, "/p/7", Escape.DEFAULT)).isEqualTo(8); // the kept ones are still found
        assertThat(s.symbol(Symbols.MAX_SYMBOLS)).isEqualTo("/p/" + (Symbols.MAX_SYMBOLS - 1));
        assertThat(intern(s, "x".repeat(Symbols.MAX_LENGTH + 1), Escape.DEFAULT)).isZero();
    }
}
