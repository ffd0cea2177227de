package dev.netc.load;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a file's bytes into source text, the one way every input is read: UTF-8, strictly
 * (a byte that is not UTF-8 is an error at its position, not a silent replacement character),
 * a leading byte order mark dropped, and no file larger than the limit read at all.
 */
public final class SourceReader {
    /** 8 MiB: hundreds of times the largest real spec. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SourceReader() {}

    /** Reads a file from disk; empty (with the problem reported) when it is too large or not UTF-8 text. */
    static Optional<SourceFile> read(Path file, String displayName, long maxBytes, DiagnosticSink sink)
            throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            // checked before reading: a huge file must not be loaded into memory just to refuse it
            sink.report(Diagnostic.of(
                            Code.NS0008,
                            startOf(new SourceFile(displayName, "", file)),
                            "the file has " + size + " bytes, more than the limit of " + maxBytes)
                    .withLabel("too large")
                    .withHelp("split the spec into files that import each other"));
            return Optional.empty();
        }
        return decode(displayName, Files.readAllBytes(file), file, sink);
    }

    /**
     * Decodes source bytes; empty, with a diagnostic at the offending position, when they are
     * not UTF-8 text.
     *
     * @param path the file the bytes came from, or null
     */
    public static Optional<SourceFile> decode(String displayName, byte[] bytes, Path path, DiagnosticSink sink) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // show the line with the bad byte as a replacement character, and point at it
            String shown = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            int offset = out.position();
            int badByte = bytes[in.position()] & 0xFF;
            sink.report(notText(
                    new SourceFile(displayName, shown, path),
                    offset,
                    String.format(Locale.ROOT, "byte 0x%02X is not UTF-8", badByte),
                    looksLikeUtf16(bytes)));
            return Optional.empty();
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            sink.report(notText(
                    new SourceFile(displayName, text, path),
                    nul,
                    "a NUL character: this looks like a binary file",
                    false));
            return Optional.empty();
        }
        return Optional.of(new SourceFile(displayName, text, path));
    }

    private static Diagnostic notText(SourceFile source, int offset, String what, boolean utf16) {
        Span span = new Span(source, offset, Math.min(offset + 1, source.text().length()));
        Diagnostic diagnostic = Diagnostic.of(Code.NS0010, span, what).withLabel("here");
        return utf16
                ? diagnostic.withHelp("the file looks like UTF-16: save it as UTF-8")
                : diagnostic.withHelp("netspec files are UTF-8 text: save the file as UTF-8");
    }

    /** A UTF-16 byte order mark (without one, UTF-16 text is caught by its NUL bytes). */
    private static boolean looksLikeUtf16(byte[] bytes) {
        return bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Span startOf(SourceFile source) {
        return new Span(source, 0, 0);
    }
}
