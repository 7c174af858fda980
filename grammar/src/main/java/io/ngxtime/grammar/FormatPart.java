package io.ngxtime.grammar;

/** One piece of a compiled log_format: literal text, or a variable. */
public sealed interface FormatPart {

    /** Literal text written as-is by nginx between variables. */
    record Literal(String text) implements FormatPart {
        public Literal {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
        }
    }

    /** A variable such as {@code $request_time}; {@code name} has no {@code $}. */
    record Variable(String name, FieldKind kind) implements FormatPart {
        public Variable(String name) {
            this(name, FieldKind.of(name));
        }
    }
}
