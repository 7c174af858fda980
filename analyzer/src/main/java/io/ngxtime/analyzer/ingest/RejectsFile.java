package io.ngxtime.analyzer.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Every rejected line as data, one JSON object per line (JSON Lines), in the order read:
 * <pre>
 * {"source":"access.log","line":6,"reason":"expected a digit in $status at column 62, found 'x'","bytes":118,"truncated":false,"text":"..."}
 * </pre>
 * <ul>
 * <li>{@code source}, {@code line}, {@code reason}: the file, the 1-based line number and the reason with
 * its column, as in the report's {@code rejects.samples}.</li>
 * <li>{@code bytes}: the line's whole length in bytes, its newline not counted.</li>
 * <li>{@code truncated}: true when the line is over the reader's limit ({@code --max-line-bytes}): it was
 * never held whole, and the line given is its first bytes only.</li>
 * <li>The line itself, byte for byte (a {@code \r} before the newline included): {@code text} when it is
 * valid UTF-8, else {@code text_base64}, the raw bytes in base64. Exactly one of the two is present.</li>
 * </ul>
 * The file is printable ASCII and newlines only: every other character (control bytes, terminal escape
 * sequences, tabs, DEL, anything not ASCII) is a JSON {@code \}{@code uXXXX} escape. Printing it replays
 * nothing, no line of a log can add a record or a field, and a spreadsheet sees no formula. Decoding the
 * JSON gives back the line exactly. Not thread-safe; the caller closes the writer.
 */
public final class RejectsFile implements LineSink {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .characterEscapes(new AsciiOnly())
            .build();

    private final JsonGenerator json;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Writes to {@code out}, which the caller closes (after {@link #flush}). */
    public RejectsFile(Writer out) {
        try {
            json = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null); // each record ends with its own newline
    }

    @Override
    public void accept(LogRecord record) {
        // only rejected lines are written
    }

    @Override
    public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
        write(source, lineNumber, error, b, from, to, to - from, false);
    }

    @Override
    public void rejectTooLong(String source, long lineNumber, ParseError error, byte[] b, int from, int to,
                              long lineBytes) {
        write(source, lineNumber, error, b, from, to, lineBytes, true);
    }

    private void write(String source, long lineNumber, ParseError error, byte[] b, int from, int to, long lineBytes,
                       boolean truncated) {
        try {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeNumberField("line", lineNumber);
            json.writeStringField("reason", error.message());
            json.writeNumberField("bytes", lineBytes);
            json.writeBooleanField("truncated", truncated);
            CharBuffer text = decode(b, from, to);
            if (text != null) {
                json.writeFieldName("text");
                json.writeString(text.array(), text.arrayOffset() + text.position(), text.remaining());
            } else {
                json.writeStringField("text_base64", Base64.getEncoder().encodeToString(
                        java.util.Arrays.copyOfRange(b, from, to)));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line as text when it is valid UTF-8 (so that encoding the text again gives its bytes), else null. */
    private CharBuffer decode(byte[] b, int from, int to) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Writes what is buffered to the writer (and flushes it). */
    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON's own escapes, plus DEL: with {@link JsonWriteFeature#ESCAPE_NON_ASCII}, only printable ASCII is left as is. */
    private static final class AsciiOnly extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        AsciiOnly() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
