package io.ngxtime.cli.dashboard;

import java.util.List;
import org.jline.utils.AttributedString;

/** A part of the screen that can be shown whole or cut to fewer lines. */
interface Block {
    /** Lines when shown whole. */
    int size();

    /** The fewest lines it is shown in with what makes it worth showing (else it is left out). */
    int minimum();

    /** At most {@code max} lines: whole when {@code max >= size()}. */
    List<AttributedString> lines(int max);
}
