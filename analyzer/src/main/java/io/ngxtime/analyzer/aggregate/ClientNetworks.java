package io.ngxtime.analyzer.aggregate;

/**
 * The client network of a remote address: the /24 of an IPv4 address, the /48 of an IPv6 one. When
 * the address field holds a list (X-Forwarded-For style), the first address is used.
 */
public final class ClientNetworks {
    private ClientNetworks() {
    }

    public static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isEmpty() || remoteAddr.equals("-")) {
            return "-";
        }
        String a = remoteAddr;
        int comma = a.indexOf(',');
        if (comma >= 0) {
            a = a.substring(0, comma).trim();
        }
        if (a.indexOf(':') >= 0) {
            String[] h = a.split(":", -1);
            if (h.length >= 3) {
                return (h[0] + ":" + h[1] + ":" + h[2] + "::/48").toLowerCase(java.util.Locale.ROOT);
            }
            return a;
        }
        int last = a.lastIndexOf('.');
        if (last > 0 && a.chars().filter(c -> c == '.').count() == 3) {
            return a.substring(0, last) + ".0/24";
        }
        return a;
    }
}
