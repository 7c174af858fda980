/**
 * The reference parse of a log line, driven by the {@code LineValues.g4} grammar: slow, independent of
 * the compiled matcher, used to explain rejected lines and, in tests, to check the fast parser field by
 * field ({@link io.ngxtime.grammar.reference.CanonicalFields}).
 */
package io.ngxtime.grammar.reference;
