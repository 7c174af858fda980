package io.ngxtime.charts;

import java.awt.Color;
import java.util.Locale;

/**
 * The colours of every chart and of the HTML report, so a tier, a status class or a part of the time
 * has the same colour wherever it appears. Based on the Okabe-Ito palette (distinguishable with the
 * common colour-vision deficiencies).
 */
public final class Palette {
    /** Requests nginx answered itself. */
    public static final Color NGINX = new Color(0xE69F00);
    /** Requests served from nginx's cache. */
    public static final Color CACHE = new Color(0x009E73);
    /** Requests with an upstream attempt. */
    public static final Color UPSTREAM = new Color(0x0072B2);

    /** All requests (the traffic line). */
    public static final Color TRAFFIC = new Color(0x2F3E4E);
    /** The 1-second min-max envelope around the traffic line. */
    public static final Color TRAFFIC_ENVELOPE = new Color(0x7F93A8);
    /** The request p99 overlay. */
    public static final Color LATENCY = new Color(0xCC79A7);
    /** Peak markers, and upstreams a finding calls slow. */
    public static final Color ALERT = new Color(0xD55E00);

    /** Where the time goes: upstream connect, wait (header), transfer (body); nginx/client is {@link #NGINX}. */
    public static final Color CONNECT = new Color(0x8EC3E6);
    public static final Color WAIT = UPSTREAM;
    public static final Color TRANSFER = new Color(0x003F63);
    /** Upstream response time not split into wait and transfer ({@code $upstream_header_time} not logged). */
    public static final Color UNSPLIT = new Color(0x7A8FA3);

    /** Status classes, index 0 (other) and 1 to 5 as in the report model. */
    private static final Color[] STATUS = {
        new Color(0x5F5F5F), new Color(0xB0B0B0), new Color(0x8FA3B5), new Color(0x56B4E9), new Color(0xE6C300),
        new Color(0xD55E00),
    };

    /** Background shading of every other day. */
    public static final Color DAY_SHADE = new Color(0xF3F5F7);
    public static final Color GRID = new Color(0xDDE1E5);
    public static final Color TEXT = new Color(0x222222);
    public static final Color MUTED_TEXT = new Color(0x5A6570);

    private Palette() {
    }

    /** Requests the format cannot place exactly: nginx or its cache, or any tier. */
    public static final Color UNKNOWN_TIER = new Color(0x9A8C98);
    public static final Color NGINX_OR_CACHE = new Color(0x8C9A6E);

    /**
     * The colour of a tier by its report key (nginx, cache, upstream, nginx_or_cache, unknown).
     *
     * @throws IllegalArgumentException for another key
     */
    public static Color tier(String key) {
        return switch (key) {
            case "nginx" -> NGINX;
            case "cache" -> CACHE;
            case "upstream" -> UPSTREAM;
            case "nginx_or_cache" -> NGINX_OR_CACHE;
            case "unknown" -> UNKNOWN_TIER;
            default -> throw new IllegalArgumentException("no tier '" + key + "' (nginx, cache, upstream, nginx_or_cache, unknown)");
        };
    }

    /** The colour of status class {@code c}: 1 to 5 for 1xx to 5xx, 0 for anything else. */
    public static Color statusClass(int c) {
        if (c < 0 || c >= STATUS.length) {
            throw new IllegalArgumentException("status class " + c + " is not 0 to 5");
        }
        return STATUS[c];
    }

    /** {@code #rrggbb}, for CSS. */
    public static String hex(Color c) {
        return String.format(Locale.US, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    /** The colour with an alpha (0-255). */
    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
