package io.ngxtime.charts;

/** Rendering failed because the machine has no usable font (headless Java needs fontconfig and a font). */
public final class NoFontsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoFontsException(Throwable cause) {
        super(Fonts.NO_FONTS, cause);
    }
}
