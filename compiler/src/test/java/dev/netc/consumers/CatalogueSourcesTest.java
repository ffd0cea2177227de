package dev.netc.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table of the catalogue is listed in its SOURCES.md with the number of rows it has, and
 * every row cites the consumer's code: the generator checks the tables it turns into code, this
 * checks the ones only the conformance harness and people read.
 */
class CatalogueSourcesTest {
    private static final Path CATALOGUE = Path.of("src", "main", "catalogue");
    /** {@code owner/repo@commit-or-tag path}: how a citation starts. */
    private static final Pattern CITATION = Pattern.compile("^[\\w.-]+/[\\w.-]+@[\\w.-]+ \\S+");

    private static List<Path> tables() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            return files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    @Test
    void everyTableIsListedWithItsRowCount() throws IOException {
        String sources = Files.readString(CATALOGUE.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        for (Path table : tables()) {
            String name = table.getFileName().toString();
            assertThat(sources).as("SOURCES.md names %s", name).contains("`" + name + "`");
            Matcher row = Pattern.compile("\\| `" + Pattern.quote(name) + "` \\| (\\d+) \\|")
                    .matcher(sources);
            if (row.find()) {
                long rows = Files.readAllLines(table, StandardCharsets.UTF_8).size() - 1L;
                assertThat(Long.parseLong(row.group(1))).as("rows of %s", name).isEqualTo(rows);
            }
        }
    }

    @Test
    void everyRowOfEveryCitedTableStartsItsSourceWithACitation() throws IOException {
        for (Path table : tables()) {
            List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int source = header.indexOf("source");
            if (source < 0) {
                continue; // the RKE2 key catalogue, whose origin SOURCES.md gives for the whole file
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                assertThat(fields)
                        .as("%s:%d has the header's fields", table.getFileName(), i + 1)
                        .hasSize(header.size());
                assertThat(fields[source])
                        .as("%s:%d cites the consumer's code", table.getFileName(), i + 1)
                        .containsPattern(CITATION);
            }
        }
    }
}
