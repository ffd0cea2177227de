package dev.netc.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The check catalogue {@code docs/checks.md}: every check id cited in the repository, such as
 * "(K29)" in a comment or "K3-K7" in the docs, is a row of it; its rows are K1, K2, ... without
 * gap, and each says how netc meets the check, naming only codes that exist.
 */
class ChecksCatalogueTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "checks.md");
    /** Where check ids are cited (tests run in the compiler module's folder). */
    private static final List<Path> CITING = List.of(
            Path.of("src"),
            Path.of("..", "docs"),
            Path.of("..", "README.md"),
            Path.of("..", "examples"),
            Path.of("..", "stdlib"));

    private static final Pattern ROW = Pattern.compile("^\\| K(\\d+) \\|(.*)\\|\\s*$", Pattern.MULTILINE);
    /** A range of checks, {@code K3-K7} or {@code K14–K18}. */
    private static final Pattern RANGE = Pattern.compile("\\bK(\\d+)\\s*[-–]\\s*K(\\d+)\\b");
    /**
     * One check id; not the start of an RKE2 token such as {@code K10-test-token}, which the tests
     * use as recognisable fake secrets ({@code K10<hash>::...} is RKE2's own token format).
     */
    private static final Pattern ID = Pattern.compile("\\bK(\\d+)\\b(?!-[a-z])");

    private static final Pattern CODE = Pattern.compile("\\bNS\\d{4}\\b");

    @Test
    void everyCitedCheckIsInTheCatalogue() throws IOException {
        Set<Integer> catalogued = catalogued();
        List<String> unknown = new ArrayList<>();
        for (Path root : CITING) {
            for (Path file : files(root)) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (int id : cited(text)) {
                    if (!catalogued.contains(id)) {
                        unknown.add("K" + id + " in " + file);
                    }
                }
            }
        }
        assertThat(unknown).as("checks cited but not listed in %s", CATALOGUE).isEmpty();
    }

    @Test
    void theCatalogueListsEachCheckOnceWithHowNetcMeetsIt() throws IOException {
        Matcher row = ROW.matcher(Files.readString(CATALOGUE, StandardCharsets.UTF_8));
        int expected = 1;
        while (row.find()) {
            assertThat(Integer.parseInt(row.group(1)))
                    .as("the check after K%d", expected - 1)
                    .isEqualTo(expected);
            String[] columns = row.group(2).split(" \\| ");
            assertThat(columns)
                    .as("columns of K%d: check, severity, source, in netc", expected)
                    .hasSize(4);
            assertThat(columns[3].strip()).as("how netc meets K%d", expected).isNotEmpty();
            Matcher code = CODE.matcher(columns[3]);
            while (code.find()) {
                assertThat(Code.parse(code.group()))
                        .as("%s, named for K%d", code.group(), expected)
                        .isNotNull();
            }
            expected++;
        }
        assertThat(expected - 1).as("checks in %s", CATALOGUE).isEqualTo(39);
    }

    @Test
    void citationsAreReadAsChecks() {
        assertThat(cited("MetalLB needs strict ARP (K29); K3-K5, K14–K16 and K20/K21"))
                .containsExactly(3, 4, 5, 14, 15, 16, 20, 21, 29);
        assertThat(cited("token \"K10-test-token\", K10example, K10abc::server:x"))
                .isEmpty();
    }

    private static Set<Integer> catalogued() throws IOException {
        Set<Integer> ids = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(CATALOGUE, StandardCharsets.UTF_8));
        while (row.find()) {
            ids.add(Integer.parseInt(row.group(1)));
        }
        return ids;
    }

    /** The check ids a text cites, ranges expanded. */
    static Set<Integer> cited(String text) {
        Set<Integer> ids = new TreeSet<>();
        Matcher range = RANGE.matcher(text);
        while (range.find()) {
            for (int id = Integer.parseInt(range.group(1)); id <= Integer.parseInt(range.group(2)); id++) {
                ids.add(id);
            }
        }
        Matcher id = ID.matcher(text);
        while (id.find()) {
            ids.add(Integer.parseInt(id.group(1)));
        }
        return ids;
    }

    private static List<Path> files(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
