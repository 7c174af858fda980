package io.ngxtime.grammar.peer;

import java.nio.charset.StandardCharsets;

/**
 * One line of a peer folder with the format it follows. {@code reject} is null for a line that must
 * parse; for the few lines no format of the folder can accept it says why, and in which part of the
 * format the reference parser must place the error.
 */
public record PeerLine(PeerFolder folder, String file, int number, byte[] bytes, PeerFormat format, ExpectedReject reject) {

    /** Why a line is expected to be rejected, and the {@code ParseError.context()} the reference must give. */
    public record ExpectedReject(String why, String context) {
    }

    public boolean mustParse() {
        return reject == null;
    }

    /** {@code folder/file:line}. */
    public String where() {
        return folder.dir() + "/" + file + ":" + number;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return where() + " [" + format.label() + "]";
    }
}
