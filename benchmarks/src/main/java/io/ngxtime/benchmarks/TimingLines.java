package io.ngxtime.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Varied, realistic lines in the {@code timing} format for the parser benchmark. */
final class TimingLines {
    private static final String[] PATHS = {"/api/users/%d", "/api/orders/%d?expand=items", "/static/app.%x.js",
        "/videos/%d", "/search?q=term%d&page=2", "/api/catalog", "/img/%d.png"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"};

    private TimingLines() {
    }

    static byte[][] make(int n, SplittableRandom rnd) {
        byte[][] out = new byte[n][];
        long msec = 1_791_665_736_000L;
        for (int i = 0; i < n; i++) {
            msec += rnd.nextInt(50);
            String path = String.format(PATHS[rnd.nextInt(PATHS.length)], rnd.nextInt(100_000));
            boolean upstream = !path.startsWith("/static") && !path.startsWith("/img");
            String ua;
            String us;
            String uct;
            String uht;
            String urt;
            int rt;
            if (!upstream) {
                ua = us = uct = uht = urt = "-";
                rt = rnd.nextInt(3);
            } else if (rnd.nextInt(20) == 0) {
                ua = "10.0.1.1:8080, 10.0.1.2:8080";
                us = "502, 200";
                uct = "0.001, 0.001";
                uht = "-, 0.021";
                int t = 20 + rnd.nextInt(40);
                urt = "0.003, " + String.format("0.%03d", t);
                rt = t + 5;
            } else {
                ua = "10.0.1." + (1 + rnd.nextInt(3)) + ":8080";
                us = "200";
                uct = "0.001";
                int t = 5 + rnd.nextInt(200);
                uht = String.format("0.%03d", t - 1);
                urt = String.format("0.%03d", t);
                rt = t + rnd.nextInt(3);
            }
            long sec = msec / 1000;
            String line = "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + " - - ["
                    + timeLocal(sec) + "] \"GET " + path + " HTTP/1.1\" 200 " + rnd.nextInt(50_000)
                    + " \"https://www.example.com/\" \"" + AGENTS[rnd.nextInt(AGENTS.length)] + "\" rt="
                    + String.format("%d.%03d", rt / 1000, rt % 1000) + " ua=\"" + ua + "\" us=\"" + us + "\" uct=\"" + uct
                    + "\" uht=\"" + uht + "\" urt=\"" + urt + "\" ucs=" + (upstream ? "MISS" : "-") + " msec="
                    + sec + "." + String.format("%03d", msec % 1000);
            out[i] = line.getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static String timeLocal(long epochSecond) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochSecond(epochSecond).atOffset(java.time.ZoneOffset.ofHours(2)));
    }
}
