package io.ngxtime.grammar;

/**
 * The text nginx prints for a socket address ({@code $remote_addr}, {@code $server_addr},
 * {@code $realip_remote_addr}): IPv4 in dotted decimal, IPv6 in hex groups (with {@code ::} and an
 * optional trailing IPv4, as {@code ngx_inet6_ntop} writes it), or a unix socket: {@code unix:} and the
 * socket's path, if any. Reads bytes without allocating.
 */
final class AddressSyntax {
    private static final byte[] UNIX = {'u', 'n', 'i', 'x', ':'};

    private AddressSyntax() {
    }

    /**
     * The end of the longest run at {@code p} that an address could span: for {@code unix:} every byte up
     * to a space, {@code "} or {@code ,}; otherwise hex digits, {@code .} and {@code :}.
     */
    static int runEnd(byte[] b, int p, int to) {
        if (startsWithUnix(b, p, to)) {
            int q = p + UNIX.length;
            while (q < to && b[q] != ' ' && b[q] != '"' && b[q] != ',') {
                q++;
            }
            return q;
        }
        int q = p;
        while (q < to && isAddressChar(b[q])) {
            q++;
        }
        return q;
    }

    private static boolean isAddressChar(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    }

    private static boolean startsWithUnix(byte[] b, int p, int to) {
        if (to - p < UNIX.length) {
            return false;
        }
        for (int i = 0; i < UNIX.length; i++) {
            if (b[p + i] != UNIX[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of a dotted IPv4 address at {@code p} when it is the whole run {@link #runEnd} would find
     * there (the byte after it is not an address character), else -1: the common case, in one pass.
     *
     * <p>Group by group, each a short loop: reports and ingests of files up to 2 GB run on the client compiler
     * alone, which turns the branch-free arithmetic of one loop over digits and dots (what the optimising compiler
     * likes) into more branches than this; on the client compiler this takes 45-65 ns an address against 85-105 ns
     * for the single loop, and the same on the optimising one (docs/performance.md).
     */
    static int ipv4End(byte[] b, int p, int to) {
        int q = p;
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                if (q >= to || b[q] != '.') {
                    return -1;
                }
                q++;
            }
            int start = q;
            int value = 0;
            while (q < to && q - start < 4) { // a fourth digit is read only to refuse the group
                int digit = b[q] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                value = value * 10 + digit;
                q++;
            }
            if (q == start || q - start > 3 || value > 255) {
                return -1;
            }
        }
        if (q < to && isAddressChar(b[q])) {
            return -1; // more of an address follows: a fifth group, hex, a port, not IPv4 alone
        }
        return q;
    }

    /** Whether {@code b[from, to)} is exactly one address. */
    static boolean isAddress(byte[] b, int from, int to) {
        if (startsWithUnix(b, from, to)) {
            return true;
        }
        return isIpv4(b, from, to) || isIpv6(b, from, to);
    }

    /** Four decimal groups of one to three digits, each at most 255, separated by dots. */
    static boolean isIpv4(byte[] b, int from, int to) {
        int groups = 0;
        int p = from;
        while (true) {
            int value = 0;
            int digits = 0;
            while (p < to && b[p] >= '0' && b[p] <= '9' && digits < 4) {
                value = value * 10 + (b[p] - '0');
                digits++;
                p++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
            groups++;
            if (p == to) {
                return groups == 4;
            }
            if (b[p] != '.' || groups == 4) {
                return false;
            }
            p++;
        }
    }

    /**
     * Up to eight groups of one to four hex digits separated by {@code :}, with at most one {@code ::}
     * standing for one or more zero groups, and optionally an IPv4 address in place of the last two.
     */
    static boolean isIpv6(byte[] b, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int p = from;
        if (b[p] == ':') {
            if (b[p + 1] != ':') {
                return false;
            }
            compressed = true;
            p += 2;
            if (p == to) {
                return true;
            }
        }
        while (p < to) {
            int groupStart = p;
            int digits = 0;
            while (p < to && isHex(b[p]) && digits < 5) {
                digits++;
                p++;
            }
            if (p < to && b[p] == '.') {
                // an embedded IPv4 takes the place of the last two groups
                return groups <= (compressed ? 5 : 6) && (compressed || groups == 6) && isIpv4(b, groupStart, to);
            }
            if (digits == 0 || digits > 4) {
                return false;
            }
            groups++;
            if (p == to) {
                break;
            }
            if (b[p] != ':') {
                return false;
            }
            p++;
            if (p < to && b[p] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                p++;
                if (p == to) {
                    break;
                }
            } else if (p == to) {
                return false; // a trailing single ':'
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
