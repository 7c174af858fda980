package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests a report covers ({@code --status}, {@code --path}, {@code --upstream}, {@code --method},
 * {@code --tier}); the time window is applied where requests are read. Immutable.
 */
public final class RequestFilter implements java.io.Serializable {
    public static final RequestFilter ALL = new RequestFilter(List.of(), null, null, null, null);

    private final List<int[]> statusRanges;
    private final Pattern path;
    private final String pathPrefix;
    /** The path filter with its %XX escapes decoded: matched against decoded paths (see {@link #pathMatches}). */
    private final Pattern decodedPath;
    private final String decodedPathPrefix;
    private final String upstream;
    private final Set<String> methods;
    private final Set<Tier> tiers;
    private final String description;

    private RequestFilter(List<int[]> statusRanges, String path, String upstream, Set<String> methods, Set<Tier> tiers) {
        this.statusRanges = statusRanges;
        if (path != null && (path.contains("*") || path.contains("?"))) {
            this.path = Pattern.compile(globToRegex(path));
            this.pathPrefix = null;
            this.decodedPath = Pattern.compile(globToRegex(PercentDecoder.decode(path)));
            this.decodedPathPrefix = null;
        } else {
            this.path = null;
            this.pathPrefix = path;
            this.decodedPath = null;
            this.decodedPathPrefix = path == null ? null : PercentDecoder.decode(path);
        }
        this.upstream = upstream;
        this.methods = methods;
        this.tiers = tiers;
        List<String> d = new ArrayList<>();
        if (!statusRanges.isEmpty()) {
            d.add("status " + describeStatus(statusRanges));
        }
        if (path != null) {
            d.add("path " + path);
        }
        if (upstream != null) {
            d.add("upstream " + upstream);
        }
        if (methods != null) {
            d.add("method " + String.join(",", methods));
        }
        if (tiers != null) {
            d.add("tier " + String.join(",", tiers.stream().map(Tier::key).sorted().toList()));
        }
        this.description = String.join("; ", d);
    }

    /**
     * @param status   comma-separated codes or classes ({@code 502,504} or {@code 5xx}), or null
     * @param path     a prefix ({@code /api/}) or a glob with * and ? ({@code /api/*\/orders}), or null; a path
     *                 matches as logged or with its %XX escapes decoded ({@code /caf%C3%A9} matches {@code /café})
     * @param upstream an upstream address any attempt went to, or null
     * @param methods  comma-separated methods, or null
     * @param tiers    comma-separated tiers (nginx, cache, upstream), or null
     */
    public static RequestFilter of(String status, String path, String upstream, String methods, String tiers) {
        List<int[]> ranges = new ArrayList<>();
        if (status != null) {
            for (String s : status.split(",")) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.matches("[1-5]xx")) {
                    int c = t.charAt(0) - '0';
                    ranges.add(new int[] {c * 100, c * 100 + 99});
                } else if (t.matches("\\d{3}")) {
                    int c = Integer.parseInt(t);
                    ranges.add(new int[] {c, c});
                } else if (t.matches("\\d{3}-\\d{3}")) {
                    ranges.add(new int[] {Integer.parseInt(t.substring(0, 3)), Integer.parseInt(t.substring(4))});
                } else {
                    throw new IllegalArgumentException("bad status '" + s + "': write codes (502), classes (5xx) or ranges (500-504)");
                }
            }
        }
        Set<String> m = methods == null ? null : Set.of(methods.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
        Set<Tier> ts = null;
        if (tiers != null) {
            java.util.EnumSet<Tier> set = java.util.EnumSet.noneOf(Tier.class);
            for (String t : tiers.split(",")) {
                try {
                    set.add(Tier.valueOf(t.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad tier '" + t + "': write nginx, cache or upstream");
                }
            }
            ts = set;
        }
        return new RequestFilter(ranges, path, upstream, m, ts);
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    private static String describeStatus(List<int[]> ranges) {
        List<String> parts = new ArrayList<>();
        for (int[] r : ranges) {
            parts.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
        }
        return String.join(",", parts);
    }

    /** Whether every request passes (no filter given). */
    public boolean isAll() {
        return description.isEmpty();
    }

    /** The filters as a user would read them, or empty. */
    public String description() {
        return description;
    }

    /**
     * Whether a path passes {@code --path}: as logged against the filter as given, or (both spelt
     * differently) with the %XX escapes of each decoded, as routes are.
     */
    private boolean pathMatches(String p) {
        if (p == null) {
            return false;
        }
        if (matches(p, pathPrefix, path)) {
            return true;
        }
        String decoded = PercentDecoder.decode(p);
        return matches(decoded, decodedPathPrefix, decodedPath);
    }

    private static boolean matches(String p, String prefix, Pattern glob) {
        if (prefix != null) {
            return p.startsWith(prefix);
        }
        int q = p.indexOf('?');
        return glob.matcher(p).matches() || q >= 0 && glob.matcher(p.substring(0, q)).matches();
    }

    public boolean test(Request r) {
        if (!statusRanges.isEmpty()) {
            boolean ok = false;
            for (int[] range : statusRanges) {
                if (r.status() >= range[0] && r.status() <= range[1]) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        if ((pathPrefix != null || path != null) && !pathMatches(r.path())) {
            return false;
        }
        if (methods != null && (r.method() == null || !methods.contains(r.method()))) {
            return false;
        }
        if (tiers != null && !tiers.contains(r.tier())) {
            return false;
        }
        if (upstream != null) {
            boolean any = false;
            for (int i = 0; i < r.attemptCount(); i++) {
                if (upstream.equals(r.attemptAddress(i))) {
                    any = true;
                    break;
                }
            }
            return any;
        }
        return true;
    }
}
