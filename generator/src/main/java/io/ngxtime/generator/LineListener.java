package io.ngxtime.generator;

/**
 * Sees every line as it is written, with what it was made from: the hook the tests use to check lines
 * against their generated values. Called on the generating thread; the buffer is only valid during the call.
 */
@FunctionalInterface
interface LineListener {
    LineListener NONE = (line, from, to, request, malformed) -> { };

    /**
     * @param line      buffer holding the line at {@code [from, to)}, without its newline
     * @param request   the request the line was rendered from, or null for a malformed line
     * @param malformed the kind of a malformed line, or null for a valid one
     */
    void line(byte[] line, int from, int to, GeneratedRequest request, MalformedKind malformed);
}
