package io.ngxtime.analyzer.record;

/** What nginx writes in {@code $upstream_addr}: a server's address, or the name of an upstream group. */
public final class UpstreamAddress {
    private UpstreamAddress() {
    }

    /**
     * Whether an element of {@code $upstream_addr} names an upstream group rather than a server: nginx
     * writes a server as {@code IP:port}, {@code [IPv6]:port} or {@code unix:path}, and the group's name
     * when no server of it was live (or a host it could not resolve).
     */
    public static boolean isGroupName(String element) {
        if (element.startsWith("unix:")) {
            return false;
        }
        int colon = element.lastIndexOf(':');
        if (colon < 0 || colon == element.length() - 1) {
            return true;
        }
        for (int i = colon + 1; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c < '0' || c > '9') {
                return true;
            }
        }
        return false;
    }
}
