package io.ngxtime.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in the Prometheus text format (0.0.4), read strictly enough that a malformed line fails the
 * test: every sample line is {@code name{label="value",...} number}, label values with the format's three
 * escapes only, and every sample belongs to a family announced by {@code # HELP} and {@code # TYPE}.
 */
final class Exposition {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) (" + NAME.pattern() + ") (.*)");

    /** One sample: its metric name, its labels in order, its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final String text;
    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();

    Exposition(String text) {
        this.text = text;
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = COMMENT.matcher(line);
                assertThat(m.matches()).as("comment line %s", line).isTrue();
                if (m.group(1).equals("TYPE")) {
                    assertThat(m.group(3)).isIn("counter", "gauge", "histogram", "summary", "untyped");
                    types.put(m.group(2), m.group(3));
                }
                continue;
            }
            Sample s = sample(line);
            assertThat(types).as("family of %s announced before it", line).containsKey(family(s.name()));
            samples.add(s);
        }
    }

    private String family(String sampleName) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (sampleName.endsWith(suffix) && "histogram".equals(types.get(sampleName.substring(0,
                    sampleName.length() - suffix.length())))) {
                return sampleName.substring(0, sampleName.length() - suffix.length());
            }
        }
        return sampleName;
    }

    private static Sample sample(String line) {
        Matcher name = NAME.matcher(line);
        assertThat(name.lookingAt()).as("sample name in %s", line).isTrue();
        int i = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                Matcher label = NAME.matcher(line).region(i, line.length());
                assertThat(label.lookingAt()).as("label name at %d in %s", i, line).isTrue();
                i = label.end();
                assertThat(line.substring(i, i + 2)).as("=\" in %s", line).isEqualTo("=\"");
                i += 2;
                StringBuilder value = new StringBuilder();
                for (char c = line.charAt(i); c != '"'; c = line.charAt(i)) {
                    if (c == '\\') {
                        char e = line.charAt(i + 1);
                        assertThat(e).as("escape in %s", line).isIn('\\', '"', 'n');
                        value.append(e == 'n' ? '\n' : e);
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                labels.put(label.group(), value.toString());
                i++;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        assertThat(line.charAt(i)).as("space before the value in %s", line).isEqualTo(' ');
        String value = line.substring(i + 1);
        double v = switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
        return new Sample(name.group(), labels, v);
    }

    /** The samples named {@code name} whose labels include {@code labelPairs} (name, value, name, value...). */
    List<Sample> find(String name, String... labelPairs) {
        List<Sample> found = new ArrayList<>();
        for (Sample s : samples) {
            if (s.name().equals(name) && hasLabels(s, labelPairs)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The sum of the samples {@link #find} finds (0 when none). */
    double sum(String name, String... labelPairs) {
        return find(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    /** The distinct values of {@code label} over the samples named {@code name}. */
    List<String> labelValues(String name, String label) {
        return find(name).stream().map(s -> s.labels().get(label)).distinct().toList();
    }

    private static boolean hasLabels(Sample s, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
