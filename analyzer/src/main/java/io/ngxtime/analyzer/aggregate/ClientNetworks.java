package io.ngxtime.analyzer.aggregate;

/**
 * The client network of a remote address: the /24 of an IPv4 address, the /48 of an IPv6 one, the
 * latter in its canonical compressed form (RFC 5952: {@code 2a02:cf40::/48}, {@code 2001:db8:1::/48}).
 * An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.7}) is the IPv4 client it stands for. When the
 * address field holds a list (X-Forwarded-For style), the first address is used. Anything that is not
 * an address (a unix socket, garbage) is returned as it is.
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
            return ipv6Network(a);
        }
        return ipv4Network(a);
    }

    private static String ipv4Network(String a) {
        int last = a.lastIndexOf('.');
        if (last > 0 && dots(a) == 3) {
            return a.substring(0, last) + ".0/24";
        }
        return a;
    }

    private static int dots(String a) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) == '.') {
                n++;
            }
        }
        return n;
    }

    private static String ipv6Network(String a) {
        int[] groups = ipv6Groups(a);
        if (groups == null) {
            return a;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + ".0/24";
        }
        // The last five groups of a /48 are zero, so the longest zero run always ends the address:
        // drop the prefix's own trailing zero groups into it and write it as "::".
        int kept = 3;
        while (kept > 0 && groups[kept - 1] == 0) {
            kept--;
        }
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < kept; i++) {
            sb.append(Integer.toHexString(groups[i])).append(':');
        }
        if (kept == 0) {
            sb.append(':');
        }
        return sb.append(":/48").toString();
    }

    /**
     * The eight 16-bit groups of an IPv6 address in text form ({@code [..]} and a {@code %zone} are
     * allowed, and an IPv4 tail), or null when it is not one.
     */
    static int[] ipv6Groups(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap >= 0 ? hexGroups(s.substring(0, gap)) : hexGroups(s);
        int[] tail = gap >= 0 ? hexGroups(s.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int n = head.length + tail.length;
        if (gap >= 0 ? n > 7 : n != 8) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return groups;
    }

    /** Colon-separated hex groups, the last one possibly a dotted IPv4 address (two groups). */
    private static int[] hexGroups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int last = parts.length - 1;
        boolean v4 = parts[last].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == last && v4) {
                int[] octets = ipv4Octets(p);
                if (octets == null) {
                    return null;
                }
                groups[i] = octets[0] << 8 | octets[1];
                groups[i + 1] = octets[2] << 8 | octets[3];
            } else {
                if (p.isEmpty() || p.length() > 4) {
                    return null;
                }
                int g = 0;
                for (int k = 0; k < p.length(); k++) {
                    int d = Character.digit(p.charAt(k), 16);
                    if (d < 0) {
                        return null;
                    }
                    g = g << 4 | d;
                }
                groups[i] = g;
            }
        }
        return groups;
    }

    private static int[] ipv4Octets(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }
}
