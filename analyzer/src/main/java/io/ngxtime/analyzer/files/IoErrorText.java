package io.ngxtime.analyzer.files;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.ZipException;

/** The one line shown for an I/O failure: what went wrong, without a stack trace or the exception's class. */
public final class IoErrorText {
    private IoErrorText() {
    }

    /** One line for an I/O failure, without a stack trace. */
    public static String describe(IOException e) {
        if (e instanceof OneLineMessage) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return ((NoSuchFileException) e).getReason() != null ? ((NoSuchFileException) e).getReason() : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return "corrupt or truncated compressed data (" + e.getMessage() + ")";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        if (m != null && m.contains("Is a directory")) {
            return "is a directory";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
