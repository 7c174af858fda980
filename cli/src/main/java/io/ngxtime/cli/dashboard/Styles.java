package io.ngxtime.cli.dashboard;

import io.ngxtime.charts.Palette;
import java.awt.Color;
import org.jline.utils.AttributedStyle;

/**
 * The dashboard's styles for one {@link Colouring}. Colours are given as the charts' RGB values; JLine
 * writes each as the nearest colour the terminal has (256, 16 or 8), or as is on a true-colour terminal.
 */
final class Styles {
    private final boolean colour;

    Styles(Colouring colouring) {
        this.colour = colouring == Colouring.COLOUR;
    }

    AttributedStyle plain() {
        return AttributedStyle.DEFAULT;
    }

    AttributedStyle title() {
        return AttributedStyle.BOLD;
    }

    /** Column headers and secondary text. */
    AttributedStyle dim() {
        return colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
    }

    /** A tier's name, in its colour in the charts. */
    AttributedStyle tier(String key) {
        if (!colour) {
            return AttributedStyle.DEFAULT;
        }
        try {
            return rgb(Palette.tier(key));
        } catch (IllegalArgumentException e) {
            return AttributedStyle.DEFAULT; // a tier the charts have no colour for: plain
        }
    }

    /** 5xx figures and failing rows. */
    AttributedStyle error() {
        return colour ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
    }

    AttributedStyle alert(DashboardState.Severity severity) {
        return switch (severity) {
            case FIRING -> colour ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD.inverse();
            case SURGE -> colour ? rgb(Palette.ALERT).bold() : AttributedStyle.BOLD;
        };
    }

    /** What is awaited or wrong but not an alert: a missing file, a format hint, a backlog. */
    AttributedStyle warn() {
        return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW) : AttributedStyle.DEFAULT;
    }

    /** The paused mark and the selected file. */
    AttributedStyle marked() {
        return AttributedStyle.BOLD.inverse();
    }

    private static AttributedStyle rgb(Color c) {
        return AttributedStyle.DEFAULT.foregroundRgb(c.getRGB() & 0xFFFFFF);
    }
}
