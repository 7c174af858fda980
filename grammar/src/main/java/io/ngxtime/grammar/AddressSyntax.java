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
     */
    static int ipv4End(byte[] b, int p, int to) {
        // one loop over digits and dots with the checks folded into arithmetic, so that the random lengths of
        // the groups cost no mispredicted branches: bad is non-zero once a group is empty, long or over 255
        int q = p;
        int dots = 0;
        int groupLength = 0;
        int value = 0;
        int bad = 0;
        while (q < to) {
            int c = b[q];
            int digit = c - '0';
            boolean isDigit = digit >= 0 && digit <= 9;
            if (!isDigit && c != '.') {
                break;
            }
            int dot = isDigit ? 0 : 1;
            bad |= dot & (groupLength == 0 ? 1 : 0);
            dots += dot;
            value = isDigit ? value * 10 + digit : 0;
            groupLength = isDigit ? groupLength + 1 : 0;
            bad |= (groupLength > 3 ? 1 : 0) | (value > 255 ? 1 : 0);
            q++;
        }
        if (bad != 0 || dots != 3 || groupLength == 0 || (q < to && isAddressChar(b[q]))) {
            return -1;
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
