package io.ngxtime.generator;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The user agents of the generated traffic, with their share of requests (relative weights) and the kind
 * of client that sends them.
 */
enum UserAgent {
    CHROME_WINDOWS("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/129.0.0.0 Safari/537.36", ClientKind.BROWSER, 17),
    CHROME_WINDOWS_OLD("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/127.0.0.0 Safari/537.36", ClientKind.BROWSER, 3),
    CHROME_MAC("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/129.0.0.0 Safari/537.36", ClientKind.BROWSER, 7),
    CHROME_LINUX("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/129.0.0.0 Safari/537.36", ClientKind.BROWSER, 1.5),
    CHROME_ANDROID("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/129.0.0.0 Mobile Safari/537.36", ClientKind.BROWSER, 12),
    SAMSUNG_INTERNET("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", ClientKind.BROWSER, 2),
    SAFARI_IPHONE("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", ClientKind.BROWSER, 11),
    SAFARI_IPHONE_17("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", ClientKind.BROWSER, 5),
    SAFARI_IPAD("Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.6 Mobile/15E148 Safari/604.1", ClientKind.BROWSER, 1.5),
    SAFARI_MAC("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/18.0 Safari/605.1.15", ClientKind.BROWSER, 3),
    CHROME_IOS("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "CriOS/129.0.6668.69 Mobile/15E148 Safari/604.1", ClientKind.BROWSER, 1.5),
    FIREFOX_WINDOWS("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
            ClientKind.BROWSER, 3.5),
    FIREFOX_LINUX("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0",
            ClientKind.BROWSER, 1),
    FIREFOX_MAC("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:131.0) Gecko/20100101 Firefox/131.0",
            ClientKind.BROWSER, 0.8),
    EDGE("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0", ClientKind.BROWSER, 4),
    OPERA("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/128.0.0.0 Safari/537.36 OPR/114.0.0.0", ClientKind.BROWSER, 0.6),
    FACEBOOK_IN_APP("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/482.0.0.45.107;FBBV/640395116;"
            + "FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.6;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]",
            ClientKind.BROWSER, 1.2),
    APP_ANDROID("okhttp/4.12.0", ClientKind.APP, 5),
    APP_IOS("ShopApp/5.12.1 (iPhone; iOS 18.0; Scale/3.00)", ClientKind.APP, 5),
    GOOGLEBOT("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", ClientKind.CRAWLER, 2),
    GOOGLEBOT_SMARTPHONE("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/129.0.6668.70 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)", ClientKind.CRAWLER, 2.5),
    BINGBOT("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", ClientKind.CRAWLER, 1.2),
    YANDEXBOT("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", ClientKind.CRAWLER, 0.4),
    AHREFSBOT("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", ClientKind.CRAWLER, 0.6),
    GPTBOT("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
            + "+https://openai.com/gptbot)", ClientKind.CRAWLER, 0.5),
    APPLEBOT("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
            ClientKind.CRAWLER, 0.3),
    FACEBOOK_PREVIEW("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            ClientKind.CRAWLER, 0.3),
    PINGDOM("Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)", ClientKind.MONITOR, 0.8),
    KUBE_PROBE("kube-probe/1.30", ClientKind.MONITOR, 1.5),
    ZGRAB("Mozilla/5.0 zgrab/0.x", ClientKind.SCANNER, 0.4),
    NO_AGENT("-", ClientKind.SCANNER, 0.2),
    CURL("curl/8.5.0", ClientKind.TOOL, 0.7),
    PYTHON_REQUESTS("python-requests/2.32.3", ClientKind.TOOL, 0.8);

    private final byte[] bytes;
    private final ClientKind kind;
    private final double weight;

    UserAgent(String text, ClientKind kind, double weight) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.kind = kind;
        this.weight = weight;
    }

    byte[] bytes() {
        return bytes;
    }

    ClientKind kind() {
        return kind;
    }

    boolean isMobile() {
        String s = name();
        return s.contains("ANDROID") || s.contains("IPHONE") || s.contains("IOS") || this == SAMSUNG_INTERNET
                || this == FACEBOOK_IN_APP;
    }

    /** The agents in proportion to their weights. */
    static WeightedTable<UserAgent> table() {
        return weighted(a -> true);
    }

    /** Mobile browsers, in proportion to their weights: the audience of a partner's deal. */
    static WeightedTable<UserAgent> mobileBrowsers() {
        return weighted(a -> a.kind == ClientKind.BROWSER && a.isMobile());
    }

    /** The agents {@code which} accepts, in declaration order, in proportion to their weights. */
    private static WeightedTable<UserAgent> weighted(Predicate<UserAgent> which) {
        WeightedTable.Builder<UserAgent> b = WeightedTable.builder();
        for (UserAgent a : values()) {
            if (which.test(a)) {
                b.add(a, a.weight);
            }
        }
        return b.build();
    }
}
