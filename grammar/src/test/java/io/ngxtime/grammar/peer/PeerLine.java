package io.ngxtime.grammar.peer;

import java.nio.charset.StandardCharsets;

/**
 * One line of a peer folder with the format it follows. {@code reject} is null for a line that must
 * parse; for the few lines nginx could not have written under the folder's format it says why, and at
 * which variable the reference parser must place the error.
 */
public record PeerLine(PeerFolder folder, String file, int number, byte[] bytes, PeerFormat format, ExpectedReject reject) {

    /**
     * Why a line is expected to be rejected, and the variable ({@code $remote_addr}) the reference parser's
     * error must point at: its {@code ParseError.context()} is {@code in $remote_addr} or
     * {@code after $remote_addr}. Either reads as "this is where the line stops being what the format writes";
     * which of the two depends on how far the parser got into the value, not on the judgement.
     */
    public record ExpectedReject(String why, String at) {
        public ExpectedReject {
            if (!at.startsWith("$")) {
                throw new IllegalArgumentException("at must name a variable ($name), not '" + at + "'");
            }
        }

        /** Whether a reject with this {@code ParseError.context()} is at the listed variable. */
        boolean pointsAt(String context) {
            return context.equals("in " + at) || context.equals("after " + at);
        }
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
