/**
 * Where log bytes come from: files, compressed files, standard input, and the line reader that splits
 * them into lines without allocating. Uses only {@code files} of the analyzer.
 *
 * <h2>Reading once</h2>
 * {@link io.ngxtime.analyzer.source.Input} opens a file or standard input (gzip, bzip2, xz and zstd
 * recognised by their magic bytes: {@link io.ngxtime.analyzer.source.Compression});
 * {@link io.ngxtime.analyzer.source.LineReader} splits the bytes into lines over one reused buffer
 * of about 2 MiB, keeping only a sample of a line longer than its limit.
 *
 * <h2>Damaged compressed data</h2>
 * A truncated or corrupt compressed input is read up to the damage, never ended early in silence:
 * the decompressed stream hands out every byte that decoded, then throws
 * {@link io.ngxtime.analyzer.source.CompressedDataException} (what broke, the compressed offset) on every
 * read; the line reader hands out the line the damage cut short flagged {@code isCut()} and then throws
 * it located in lines. {@code GzipStream} is our gzip framing over the JDK's inflater (every member,
 * pipes included, trailing bytes reported); {@code DecoderStream} holds the bzip2, xz and zstd libraries
 * to the same contract.
 *
 * <h2>Knowing a file by its content</h2>
 * {@link io.ngxtime.analyzer.source.FileHead} holds a file's first 4 KiB; its
 * {@link io.ngxtime.analyzer.source.Fingerprint} (hashes of the first line and of the head, with the head's
 * length) identifies the file whatever it is called, grows with the file while it is shorter, and tells
 * apart two files that start with the same line. {@link io.ngxtime.analyzer.source.RotatedFiles} lists
 * the files logrotate made of a log ({@code access.log.1}, {@code .2.gz}, {@code -20261205}), oldest first.
 *
 * <h2>Following</h2>
 * {@link io.ngxtime.analyzer.source.FileFollower} follows one path like {@code tail -F}: it starts at the
 * end, the beginning or a checkpoint ({@link io.ngxtime.analyzer.source.FollowStart}; checkpoints are
 * looked up by the head of every file it opens), hands out complete lines only, reads a renamed or deleted
 * file to its end before moving to the file now at the path, reads a truncated file again from offset 0,
 * and waits for a missing file; a {@link io.ngxtime.analyzer.source.FollowListener} is told of each
 * truncation, move and wait, where lines can be lost. Each line carries the file's fingerprint and the
 * offset after it, so a caller checkpoints exactly.
 * <ul>
 * <li>Layout: {@code FileFollower} (the state machine: which file, when to switch) over one
 *     {@code FollowedFile} at a time (handle, file key, fingerprint, reading position), whose
 *     {@code CompleteLinesStream} lets a {@code LineReader} see bytes only up to the last newline in the
 *     file; {@code NewlineScanner} finds that newline by positional reads.</li>
 * <li>Cost: while lines are ready, none beyond the line reader's. While idle, one {@code stat} of the path
 *     and one {@code fstat} of the open file per poll (250 ms by default); when the file grew, one
 *     backwards read of the new bytes to find the last newline (each byte scanned once, however long the
 *     line in progress) and a read of its first 4 KiB to check its fingerprint. Starting at the end reads
 *     the file once to count its lines, so that line numbers stay true.</li>
 * <li>Footprint: one open file, the line reader's buffer, 64 KiB of scratch.</li>
 * <li>Thread-safety: none, except {@code FileFollower.wakeup()}.</li>
 * </ul>
 */
package io.ngxtime.analyzer.source;
