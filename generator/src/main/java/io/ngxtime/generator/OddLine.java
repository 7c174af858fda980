package io.ngxtime.generator;

/** Valid lines that look odd but that real servers write; each is a counted request. */
enum OddLine {
    /** A connection that sent an empty request: {@code ""} with status 400. */
    EMPTY_REQUEST("emptyRequest"),
    /** A TLS ClientHello on the plain-HTTP port: the request is binary, status 400. */
    TLS_HANDSHAKE("tlsHandshake"),
    /** A user agent holding a double quote and a non-ASCII character (escaped by nginx). */
    QUOTED_USER_AGENT("quotedUserAgent"),
    /** A request path with an encoded space ({@code %20}). */
    ENCODED_SPACE_PATH("encodedSpacePath");

    private final String key;

    OddLine(String key) {
        this.key = key;
    }

    /** The name in the ground truth's JSON. */
    String key() {
        return key;
    }
}
