package io.ngxtime.grammar.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Superclass of the generated {@code LineValues} parser: the semantic predicates its rules use to find
 * where free text ends. The reference parser sets the stop before invoking each rule.
 */
public abstract class LineValuesBase extends Parser {
    /** Free text followed directly by a numeric variable stops at a digit or '-'. */
    public static final int STOP_DIGIT_OR_DASH = 1;
    /** Free text followed directly by a path variable stops at '/'. */
    public static final int STOP_SLASH = 2;

    private String stopLiteral;
    private int stopRequired;
    private int stopClass;
    private boolean escapes;

    protected LineValuesBase(TokenStream input) {
        super(input);
    }

    /**
     * Sets where free text ends: at {@code literal} (one char per byte, ISO-8859-1), of which the first
     * {@code required} characters must be there (fewer than all only for the format's last part, whose
     * trailing whitespace a line may lack), or when it is null at a character of {@code stopClass}
     * (0: only at the end of the line).
     */
    public void setStop(String literal, int required, int stopClass) {
        this.stopLiteral = literal;
        this.stopRequired = required;
        this.stopClass = stopClass;
    }

    /** Whether a backslash escapes the next character. */
    public void setEscapes(boolean escapes) {
        this.escapes = escapes;
    }

    protected boolean escapes() {
        return escapes;
    }

    /** Whether the input at the current position is where the value ends. */
    public boolean atStop() {
        if (stopLiteral != null) {
            for (int k = 0; k < stopLiteral.length(); k++) {
                Token t = _input.LT(k + 1);
                if (t.getType() == Token.EOF) {
                    return k >= stopRequired;
                }
                if (t.getText().charAt(0) != stopLiteral.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
        Token t = _input.LT(1);
        if (t.getType() == Token.EOF) {
            return false;
        }
        char c = t.getText().charAt(0);
        return switch (stopClass) {
            case STOP_DIGIT_OR_DASH -> (c >= '0' && c <= '9') || c == '-';
            case STOP_SLASH -> c == '/';
            default -> false;
        };
    }
}
