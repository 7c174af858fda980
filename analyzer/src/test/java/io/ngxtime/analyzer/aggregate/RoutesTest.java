package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {
    @Test
    void of_collapsesIdentifiersAndDropsTheQuery() {
        assertThat(Routes.of("/videos/123")).isEqualTo("/videos/:id");
        assertThat(Routes.of("/api/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301?x=1")).isEqualTo("/api/orders/:uuid");
        assertThat(Routes.of("/blob/0123456789abcdef0123")).isEqualTo("/blob/:hex");
        assertThat(Routes.of("/static/app.3f9a2c1b.js")).isEqualTo("/static/app.:hash.js");
        assertThat(Routes.of("/search?q=a")).isEqualTo("/search");
        assertThat(Routes.of("/")).isEqualTo("/");
        assertThat(Routes.of("")).isEqualTo("/");
        assertThat(Routes.of(null)).isEqualTo(Routes.INVALID);
        assertThat(Routes.of("/about/team")).isEqualTo("/about/team");
        assertThat(Routes.of("/" + "a/".repeat(300))).hasSizeLessThanOrEqualTo(Routes.MAX_LENGTH);
    }

    @Test
    void derivedRoutes_giveWhatRoutesGives_throughCollisionsAndAFloodOfPaths() {
        DerivedStrings cache = DerivedStrings.routes();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            int n = rnd.nextInt(50_000); // far more distinct paths than slots: slots are replaced
            String path = switch (n % 3) {
                case 0 -> "/products/" + n;
                case 1 -> "/static/app." + Integer.toHexString(n * 7919) + "abc.js";
                default -> "/about/" + (char) ('a' + n % 26);
            };
            assertThat(cache.of(new String(path))).isEqualTo(Routes.of(path));
        }
        assertThat(cache.of(null)).isEqualTo(Routes.INVALID);
        DerivedStrings networks = DerivedStrings.networks();
        for (String addr : java.util.List.of("10.1.2.3", "2001:db8::1", "10.1.2.3", "garbage")) {
            assertThat(networks.of(new String(addr))).isEqualTo(ClientNetworks.of(addr));
        }
        assertThat(networks.of(null)).isEqualTo("-");
    }

    @Test
    void staticExtension_ofARawTarget_leavesOutQueryAndFragment_andIgnoresCase() {
        assertThat(Routes.staticExtension("/css/site.CSS?v=3")).isEqualTo("css");
        assertThat(Routes.staticExtension("/img/a.png#top")).isEqualTo("png");
        assertThat(Routes.staticExtension("/search?file=a.js")).isNull(); // the extension is in the query
        assertThat(Routes.staticExtension("/app.js.php")).isNull();
        assertThat(Routes.staticExtension("/v1.2/users")).isNull();
        assertThat(Routes.staticExtension("/file.woff2x")).isNull(); // longer than any listed: not looked up
        assertThat(Routes.staticExtension("/.")).isNull();
        assertThat(Routes.staticExtension(null)).isNull();
    }

    @Test
    void isStatic_byExtension() {
        assertThat(Routes.isStatic("/static/app.:hash.js")).isTrue();
        assertThat(Routes.isStatic("/img/:id.png")).isTrue();
        assertThat(Routes.isStatic("/api/v1.2/users")).isFalse();
    }

    @Test
    void clientNetworks() {
        assertThat(ClientNetworks.of("192.0.2.77")).isEqualTo("192.0.2.0/24");
        assertThat(ClientNetworks.of("2001:db8:1:2::5")).isEqualTo("2001:db8:1::/48");
        assertThat(ClientNetworks.of("10.0.0.2, 10.0.0.1")).isEqualTo("10.0.0.0/24");
        assertThat(ClientNetworks.of("unix:")).isEqualTo("unix:");
    }

    @Test
    void clientNetworks_ipv6_isTheCanonicalCompressedSlash48() {
        // Regression: "2a02:cf40::" printed as "2a02:cf40:::/48" (three colons).
        assertThat(ClientNetworks.of("2a02:cf40::")).isEqualTo("2a02:cf40::/48");
        assertThat(ClientNetworks.of("2001:db8::1")).isEqualTo("2001:db8::/48");
        assertThat(ClientNetworks.of("2001:DB8:0:1::5")).isEqualTo("2001:db8::/48");
        assertThat(ClientNetworks.of("2001:0db8:00a1:0002:0:0:0:5")).isEqualTo("2001:db8:a1::/48");
        assertThat(ClientNetworks.of("0:0:1:2::")).isEqualTo("0:0:1::/48");
        assertThat(ClientNetworks.of("::1")).isEqualTo("::/48");
        assertThat(ClientNetworks.of("fe80::1%eth0")).isEqualTo("fe80::/48");
        assertThat(ClientNetworks.of("[2a02:cf40:7::9]")).isEqualTo("2a02:cf40:7::/48");
        assertThat(ClientNetworks.of("2a02:cf40::1, 10.0.0.1")).isEqualTo("2a02:cf40::/48");
        assertThat(ClientNetworks.of("::ffff:192.0.2.77")).isEqualTo("192.0.2.0/24");
    }

    @Test
    void clientNetworks_notAnIpv6Address_isKeptAsItIs() {
        assertThat(ClientNetworks.of("2a02:cf40::::::::4e36")).isEqualTo("2a02:cf40::::::::4e36");
        assertThat(ClientNetworks.of("1:2:3")).isEqualTo("1:2:3");
        assertThat(ClientNetworks.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(ClientNetworks.of("12345::")).isEqualTo("12345::");
        assertThat(ClientNetworks.of("::ffff:300.1.1.1")).isEqualTo("::ffff:300.1.1.1");
    }
}
