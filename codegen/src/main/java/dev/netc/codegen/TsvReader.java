package dev.netc.codegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader for small tab-separated files: UTF-8, LF line ends, an exact header row, the
 * header's number of fields on every row, no blank lines, no spaces around a field.
 */
final class TsvReader {

    /** One data row; {@code line} is 1-based, as editors count. */
    record Row(Path file, int line, List<String> fields) {
        String field(int index) {
            return fields.get(index);
        }

        String where() {
            return file + ":" + line;
        }

        CatalogueFormatException error(String message) {
            return new CatalogueFormatException(where() + ": " + message);
        }
    }

    private TsvReader() {}

    /** The first row of a file, split at tabs: for tables whose columns the reader takes as they are. */
    static List<String> header(Path file) throws IOException {
        String text = decode(file);
        int end = text.indexOf('\n');
        return Arrays.asList((end < 0 ? text : text.substring(0, end)).split("\t", -1));
    }

    static List<Row> read(Path file, List<String> header) throws IOException {
        String text = decode(file);
        String[] lines = text.split("\n", -1);
        // A final LF leaves one empty string after it; that is the only empty line allowed.
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        if (count == 0) {
            throw new CatalogueFormatException(file + ":1: empty file; expected header row " + show(header));
        }
        if (lines[0].indexOf('\r') >= 0) {
            throw new CatalogueFormatException(file + ":1: carriage return (CRLF line end?); use LF only");
        }
        List<String> actualHeader = Arrays.asList(lines[0].split("\t", -1));
        if (!actualHeader.equals(header)) {
            throw new CatalogueFormatException(
                    file + ":1: header row must be " + show(header) + " but is " + show(actualHeader));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            rows.add(row(file, i + 1, lines[i], header));
        }
        return rows;
    }

    private static Row row(Path file, int lineNumber, String line, List<String> header) {
        Row row = new Row(file, lineNumber, List.of(line.split("\t", -1)));
        if (line.indexOf('\r') >= 0) {
            throw row.error("carriage return (CRLF line end?); use LF only");
        }
        if (line.isBlank()) {
            throw row.error("blank line");
        }
        if (row.fields().size() != header.size()) {
            throw row.error("expected " + header.size() + " tab-separated fields " + show(header) + " but found "
                    + row.fields().size());
        }
        for (int i = 0; i < header.size(); i++) {
            String value = row.field(i);
            if (!value.equals(value.strip())) {
                throw row.error("field '" + header.get(i) + "' has leading or trailing whitespace: '" + value + "'");
            }
        }
        return row;
    }

    private static String decode(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueFormatException(file + ": not valid UTF-8", e);
        }
    }

    private static String show(List<String> fields) {
        return "[" + String.join(" TAB ", fields) + "]";
    }
}
