package io.ngxtime.analyzer.files;

/**
 * An exception whose message is already the one line to show a user (what broke and where), so
 * {@link IoErrorText#describe} shows it as it is.
 */
public interface OneLineMessage {
}
