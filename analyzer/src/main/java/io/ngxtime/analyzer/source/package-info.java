/**
 * Where log bytes come from: files, compressed files, standard input, and the line reader that splits
 * them into lines without allocating.
 */
package io.ngxtime.analyzer.source;
