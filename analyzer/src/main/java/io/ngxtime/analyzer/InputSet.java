package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.analyzer.ingest.HeadSampler;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputOrder;
import io.ngxtime.analyzer.source.Compression;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.grammar.LogFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of a run, made ready once: every input probed ({@link #probe}: a file that cannot be opened
 * is an {@link InputError}, standard input is opened once and made rewindable), the format taken or
 * detected, and the inputs put in reading order ({@link #resolve}). The one place that decides which
 * lines a format is detected from: the report, the ingest and the tail all come here.
 *
 * <p>Not thread-safe; {@link #resolve} is called once.
 */
public final class InputSet {
    /** The inputs that can be read, in the order given; standard input (at most once) as its rewindable stream. */
    private final List<Input> readable;
    /** Standard input's stream (decompressed, rewindable), or null. */
    private final BufferedInputStream stdin;
    private final List<InputError> errors;
    private LogFormat format;
    private FormatDetector.Detection detection;
    private List<Input> ordered;

    private InputSet(List<Input> readable, BufferedInputStream stdin, List<InputError> errors) {
        this.readable = readable;
        this.stdin = stdin;
        this.errors = errors;
    }

    /**
     * How the format is chosen: {@code given}, or detected among {@code candidates}.
     *
     * @param detectFromStdin whether standard input's first lines may be the sample (a report); when
     *                        false (an ingest), only files are
     */
    public record FormatChoice(LogFormat given, List<LogFormat> candidates, boolean detectFromStdin) {
        public FormatChoice {
            candidates = List.copyOf(candidates);
            if (given == null && candidates.isEmpty()) {
                throw new IllegalArgumentException("give a format or candidates to detect it from");
            }
        }
    }

    /**
     * Checks that each input can be opened (files: their first byte is read) and opens standard input
     * once (named more than once, it is read once). Nothing is detected or ordered yet.
     */
    public static InputSet probe(List<Input> inputs) {
        List<Input> readable = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        Input stdinInput = null;
        for (Input in : inputs) {
            if (in.isStdin()) {
                stdinInput = in;
                continue;
            }
            try {
                in.checkReadable();
                readable.add(in);
            } catch (IOException e) {
                errors.add(new InputError(in.name(), IoErrorText.describe(e)));
            }
        }
        BufferedInputStream stdin = null;
        if (stdinInput != null) {
            try {
                stdin = HeadSampler.rewindable(stdinInput.open());
                int at = 0;
                for (Input in : inputs) { // where it was given, among the readable ones
                    if (in.isStdin()) {
                        break;
                    }
                    if (readable.contains(in)) {
                        at++;
                    }
                }
                readable.add(Math.min(at, readable.size()), Input.of(Input.STDIN, stdin));
            } catch (IOException e) {
                errors.add(new InputError(stdinInput.name(), IoErrorText.describe(e)));
            }
        }
        return new InputSet(readable, stdin, errors);
    }

    /** Whether no input at all can be read. */
    public boolean noneReadable() {
        return readable.isEmpty();
    }

    /** Whether the first readable input, in the order given, is standard input. */
    public boolean startsWithStdin() {
        return !readable.isEmpty() && readable.get(0).isStdin();
    }

    /** Standard input's stream (decompressed, rewindable: nothing is consumed by looking), or null when not given. */
    public BufferedInputStream stdin() {
        return stdin;
    }

    /**
     * Takes or detects the format, then orders the files by their first timestamp (standard input first).
     * Files that turn out unreadable meanwhile are added to {@link #errors()}.
     *
     * @return the detection, or empty when the format was given or nothing could be read
     * @throws FormatDetectionException when no candidate fits the lines sampled
     */
    public Optional<FormatDetector.Detection> resolve(FormatChoice choice) throws FormatDetectionException {
        if (ordered != null) {
            throw new IllegalStateException("resolved already");
        }
        List<Input> files = readable.stream().filter(i -> !i.isStdin()).toList();
        format = choice.given();
        if (format == null) {
            detection = detect(choice, files);
            format = detection == null ? null : detection.format();
        }
        ordered = new ArrayList<>();
        if (format != null) {
            ordered.addAll(InputOrder.byFirstTimestamp(files, format, errors));
            if (stdin != null) {
                ordered.add(0, Input.of(Input.STDIN, stdin));
            }
        }
        return Optional.ofNullable(detection);
    }

    private FormatDetector.Detection detect(FormatChoice choice, List<Input> files) throws FormatDetectionException {
        List<byte[]> stdinHead = List.of();
        if (stdin != null && choice.detectFromStdin()) {
            try {
                stdinHead = HeadSampler.head(stdin, FormatDetector.SAMPLE_LINES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean fromStdin = choice.detectFromStdin() && stdin != null
                && (stdinHead.stream().anyMatch(l -> l.length > 0) || files.isEmpty());
        if (fromStdin) {
            return FormatDetector.detect(choice.candidates(), stdinHead, Input.of(Input.STDIN, stdin).name());
        }
        if (!files.isEmpty()) {
            // the first input with a line: one empty, or damaged before its first line, would only hide the next
            return FormatDetector.detectFirst(choice.candidates(), files);
        }
        return null;
    }

    /**
     * The format of one file that is followed (it may have no line yet): detected from its first lines,
     * or empty when it has none to detect from.
     *
     * @throws FormatDetectionException when no candidate fits its lines
     * @throws IOException              when it cannot be read
     */
    public static Optional<FormatDetector.Detection> detectFollowed(List<LogFormat> candidates, Path file)
            throws FormatDetectionException, IOException {
        FormatDetector.Detection d = FormatDetector.detect(candidates, Input.file(file));
        return d.sampled() > 0 ? Optional.of(d) : Optional.empty();
    }

    /** The format (given or detected); null before {@link #resolve} or when nothing could be read. */
    public LogFormat format() {
        return format;
    }

    /** The inputs in reading order (standard input first, then files by first timestamp), after {@link #resolve}. */
    public List<Input> inputs() {
        if (ordered == null) {
            throw new IllegalStateException("resolve first");
        }
        return List.copyOf(ordered);
    }

    /** Their names, in reading order. */
    public List<String> names() {
        return inputs().stream().map(Input::name).toList();
    }

    /**
     * Roughly how many bytes of lines the inputs hold: a file's size, ten times it when compressed;
     * standard input counts as unbounded ({@code Long.MAX_VALUE / 4}).
     */
    public long estimatedBytes() {
        long size = 0;
        for (Input in : inputs()) {
            // standard input and an input opened by name (a URL) have no size to look at: taken as large
            size += in.path() == null ? Long.MAX_VALUE / 4 : estimatedBytes(in.path());
        }
        return size;
    }

    /**
     * The bytes of lines the inputs hold, exactly, for progress: the plain files' sizes; -1 (unknown) when an
     * input is standard input, opened by name ({@link Input#opened}), or compressed, whose decompressed size is not known before reading it (a
     * guess would show a share and a time left that are wrong by as much as the guess).
     */
    public long progressTotalBytes() {
        long size = 0;
        for (Input in : inputs()) {
            if (in.path() == null || Compression.isCompressedName(in.name())) {
                return -1; // standard input, an input opened by name, or compressed: not known before reading
            }
            size += estimatedBytes(in.path());
        }
        return size;
    }

    /** A file's size, ten times it when its name says it is compressed; 0 when it cannot be read. */
    static long estimatedBytes(Path p) {
        try {
            long s = Files.size(p);
            return Compression.isCompressedName(p.getFileName().toString()) ? s * 10 : s;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The inputs that could not be read so far (probing, ordering; a run adds those that fail while read). */
    public List<InputError> errors() {
        return List.copyOf(errors);
    }
}
