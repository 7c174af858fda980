package io.ngxtime.analyzer.queue;

/**
 * How far one input has been read, stored with the records it produced so that a restarted ingest
 * continues exactly where the queue ends.
 *
 * @param fingerprint identity of the file's content: a hash of its first line (stable while the file
 *                    grows, and across rename and compression by logrotate); 0 for standard input
 * @param path        the name it was read under (informational)
 * @param offset      bytes of (decompressed) content consumed, up to and including the last newline
 * @param lines       lines consumed
 */
public record SourceCheckpoint(long fingerprint, String path, long offset, long lines) {
}
