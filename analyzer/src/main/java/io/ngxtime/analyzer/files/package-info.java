/**
 * The lowest layer of the analyzer, used by every other: the one line shown for an I/O failure
 * ({@link io.ngxtime.analyzer.files.IoErrorText}) and temporary directories
 * ({@link io.ngxtime.analyzer.files.TempDirectories}). It uses only the JDK: no other package of the
 * analyzer (an exception that already carries its one line says so with
 * {@link io.ngxtime.analyzer.files.OneLineMessage}, so this package needs to know none of them).
 */
package io.ngxtime.analyzer.files;
