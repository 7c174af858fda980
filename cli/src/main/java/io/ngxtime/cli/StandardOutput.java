package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands write it: text as UTF-8 through this {@link PrintWriter}, bytes (a
 * gzip stream) through {@link #bytes()}, and the first write failure kept, so that a full disk or a
 * closed pipe is told with its cause instead of swallowed. {@link PrintWriter} and
 * {@link System#out} never throw; whoever delivers an output asks {@link #check} before saying it is
 * done, and {@link Cli} asks once more after every command.
 */
public final class StandardOutput extends PrintWriter {
    private final FailureKeepingStream stream;

    private StandardOutput(FailureKeepingStream stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /** Standard output over {@code out} (the process's file descriptor 1, not {@link System#out}, which hides failures). */
    public static StandardOutput of(OutputStream out) {
        return new StandardOutput(new FailureKeepingStream(out));
    }

    /**
     * The raw bytes of standard output, for binary data: the text written so far is flushed first.
     * Closing the stream flushes it and leaves standard output open.
     */
    public OutputStream bytes() {
        flush();
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Flushes {@code out} and fails with {@link ExitCode#IO} and one line naming standard output (with the
     * cause when {@code out} is a {@link StandardOutput}) if anything written to it was lost.
     */
    public static void check(PrintWriter out) {
        String failure = failure(out);
        if (failure != null) {
            throw readerGone(out) ? new UserException(ExitCode.CLOSED_PIPE, null) : new UserException(ExitCode.IO, failure);
        }
    }

    /**
     * Whether what was lost went to a pipe whose reader had closed it ({@code ngxtime report ... | head}):
     * the reader has what it wanted, so this is said with {@link ExitCode#CLOSED_PIPE} and no message,
     * as other Unix tools say it. Java ignores SIGPIPE, so the write fails with EPIPE, "Broken pipe".
     */
    static boolean readerGone(PrintWriter out) {
        IOException cause = out instanceof StandardOutput s ? s.stream.failure : null;
        return cause != null && "Broken pipe".equals(cause.getMessage());
    }

    /** Flushes {@code out}; the one-line message when a write to it failed, else null. */
    static String failure(PrintWriter out) {
        out.flush();
        boolean lost = out.checkError();
        // bytes written through bytes() fail below the PrintWriter, which never hears of it
        IOException cause = out instanceof StandardOutput s ? s.stream.failure : null;
        if (!lost && cause == null) {
            return null;
        }
        return "cannot write standard output" + (cause == null ? "" : ": " + IoErrorText.describe(cause));
    }

    /** Keeps the first failure of the stream under it; writes go straight through. */
    private static final class FailureKeepingStream extends FilterOutputStream {
        private IOException failure;

        FailureKeepingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
