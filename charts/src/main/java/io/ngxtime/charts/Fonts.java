package io.ngxtime.charts;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Whether text can be drawn. Headless Java still needs fontconfig and at least one font: without them
 * the first text drawn fails deep in the JDK ("Fontconfig head is null", "No fonts found", a
 * NullPointerException in sun.font). {@link #check()} turns that into one {@link NoFontsException}
 * before anything is written; {@link #isFontFailure} recognises the same failures during rendering.
 */
public final class Fonts {
    /** The one line a command prints when there is no font. */
    public static final String NO_FONTS = "no fonts: install fontconfig and a font package such as fonts-dejavu-core";

    private Fonts() {
    }

    /**
     * Draws a little text off-screen.
     *
     * @throws NoFontsException when that fails
     */
    public static void check() {
        check(Fonts::probe);
    }

    /** Runs {@code probe}; any failure other than running out of memory or stack means no fonts. */
    static void check(Runnable probe) {
        try {
            probe.run();
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new NoFontsException(e);
        }
    }

    private static void probe() {
        if (GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length == 0) {
            throw new IllegalStateException("no font families");
        }
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setFont(ChartStyle.TICK_FONT);
            FontMetrics m = g.getFontMetrics();
            if (m.stringWidth("0123456789 req/s") <= 0) {
                throw new IllegalStateException("the font has no glyphs");
            }
            g.drawString("ngxtime", 0, 12);
        } finally {
            g.dispose();
        }
    }

    /** Whether a failure while rendering came from the font machinery. */
    public static boolean isFontFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("fontconfig") || m.contains("no fonts")) {
                return true;
            }
            for (StackTraceElement e : c.getStackTrace()) {
                String cls = e.getClassName();
                if (cls.startsWith("sun.font.") || cls.startsWith("sun.awt.FontConfiguration")
                        || cls.equals("java.awt.Font")) {
                    return true;
                }
            }
        }
        return false;
    }
}
