package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc compile --sites FILE} and {@code --batch FOLDER}: many sites in one run. */
class BatchCliTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private static final String TEMPLATE = """
            param site: int
            param backup: int = 9
            namespace shop {
              isolate ingress, egress
              tier web { pods app=web; port http 80/tcp }
            }
            external office = "10.${site}.0.0/16"
            allow office -> shop.web:http
            allow shop.web -> "192.168.${backup}.0/24":443/tcp
            """;

    private int netc(String... args) {
        return Netc.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** {@code netc compile TEMPLATE --sites sites.csv -o fleet} in the test folder; its exit code. */
    private int compileFleet(String template, String sites) throws IOException {
        return netc(
                "compile",
                write("shop.netspec", template).toString(),
                "--sites",
                write("sites.csv", sites).toString(),
                "-o",
                dir.resolve("fleet").toString());
    }

    /**
     * Every file under {@code root} by relative path, with its content; not the lock files that
     * the output writer leaves beside each output folder.
     */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".netc-lock"))
                    .toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void eachRowOfTheSitesFileIsCompiledIntoItsOwnFolderAsASingleCompileWould() throws IOException {
        Path template = write("shop.netspec", TEMPLATE);
        Path sites = write("sites.csv", """
                # every store of the fleet
                name,     site, backup
                store-1,  1,    11
                store-2,  2,    9
                """);
        Path fleet = dir.resolve("fleet");
        assertThat(netc("compile", template.toString(), "--sites", sites.toString(), "-o", fleet.toString()))
                .isZero();
        assertThat(err.toString()).isEmpty();
        try (Stream<Path> list = Files.list(fleet)) {
            assertThat(list.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .sorted())
                    .containsExactly("store-1", "store-2");
        }

        Path single = dir.resolve("single");
        assertThat(netc(
                        "compile",
                        template.toString(),
                        "--set",
                        "site=2",
                        "--set",
                        "backup=9",
                        "-o",
                        single.toString()))
                .isZero();
        assertThat(tree(fleet.resolve("store-2"))).isEqualTo(tree(single)).containsKey("policies/shop.yaml");
        assertThat(tree(fleet.resolve("store-1")).get("policies/shop.yaml"))
                .contains("10.1.0.0/16")
                .contains("192.168.11.0/24");
    }

    @Test
    void theOutputDoesNotDependOnTheNumberOfThreads() throws IOException {
        Path template = write("shop.netspec", TEMPLATE);
        StringBuilder rows = new StringBuilder("name,site\n");
        for (int i = 1; i <= 40; i++) {
            rows.append("store-").append(i).append(',').append(i).append('\n');
        }
        Path sites = write("sites.csv", rows.toString());
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        assertThat(netc("compile", template.toString(), "--sites", sites.toString(), "-j", "1", "-o", one.toString()))
                .isZero();
        assertThat(netc("compile", template.toString(), "--sites", sites.toString(), "-j", "4", "-o", four.toString()))
                .isZero();
        Map<String, String> files = tree(one);
        assertThat(files).hasSize(40 * 2); // a policy file and the manifest per site
        assertThat(tree(four)).isEqualTo(files);
    }

    @Test
    void aFirstColumnNamedAfterAParameterAlsoSetsIt() throws IOException {
        assertThat(compileFleet(TEMPLATE, "site\n7\n8\n")).isZero();
        Path fleet = dir.resolve("fleet");
        assertThat(Files.readString(fleet.resolve("7/policies/shop.yaml"))).contains("10.7.0.0/16");
        assertThat(Files.readString(fleet.resolve("8/policies/shop.yaml"))).contains("10.8.0.0/16");
    }

    @Test
    void aSiteWithErrorsIsNotWrittenAndIsNamedWithItsRowWhileTheOthersAreWritten() throws IOException {
        assertThat(compileFleet(TEMPLATE, "name,site\nstore-1,1\nstore-2,300\nstore-3,3\n"))
                .isEqualTo(1);
        Path fleet = dir.resolve("fleet");
        Path sites = dir.resolve("sites.csv");
        assertThat(fleet.resolve("store-1/policies/shop.yaml")).exists();
        assertThat(fleet.resolve("store-3/policies/shop.yaml")).exists();
        assertThat(fleet.resolve("store-2")).doesNotExist();
        assertThat(err.toString())
                .contains("error[NS2001]: invalid CIDR `10.300.0.0/16`")
                .contains("shop.netspec:7:")
                .contains("= note: in site `store-2` (" + sites + ":3:1)")
                .contains("error: 1 of 3 sites have errors")
                .doesNotContain("store-1`")
                .doesNotContain("Exception");
        try (Stream<Path> list = Files.list(fleet)) { // no staging folder left behind
            assertThat(list.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(".netc-"));
        }
    }

    @Test
    void aDiagnosticSharedBySitesIsPrintedOnceWithTheSitesThatReportedIt() throws IOException {
        assertThat(compileFleet(
                        TEMPLATE.replace("param backup: int = 9", "param backup: int"),
                        "name,site\na,1\nb,2\nc,3\nd,4\ne,5\nf,6\ng,7\n"))
                .isEqualTo(1);
        Path sites = dir.resolve("sites.csv");
        assertThat(err.toString().split("error\\[NS1008\\]", -1)).hasSize(2);
        assertThat(err.toString())
                .contains("= note: in 7 sites: `a` (" + sites + ":2:1), `b` (")
                .contains("and 2 more")
                .contains("error: 7 of 7 sites have errors");
    }

    @Test
    void aBrokenSitesFileCompilesNoSite() throws IOException {
        assertThat(compileFleet(TEMPLATE, "name,site\nstore-1,1\nstore-2,2,2\n"))
                .isEqualTo(1);
        assertThat(dir.resolve("fleet")).doesNotExist();
        Path sites = dir.resolve("sites.csv");
        assertThat(err.toString())
                .contains("error[NS1030]")
                .contains(sites + ":3:1")
                .contains("no site was compiled");
    }

    @Test
    void everySubFolderAndSpecOfABatchFolderIsASite() throws IOException {
        Path sites = dir.resolve("sites");
        write("sites/_common/ports.netspec", "port web = 80/tcp\n");
        write("sites/north/app.netspec", """
                import "../_common/ports"
                namespace north { isolate ingress; tier web { pods app=web } }
                allow 10.1.0.0/16 -> north.web:web
                """);
        write("sites/south.netspec", "namespace south { isolate ingress; tier web { pods app=web } }\n");
        Path out = dir.resolve("out");
        assertThat(netc("compile", "--batch", sites.toString(), "-o", out.toString()))
                .as(err.toString())
                .isZero();
        Map<String, String> files = tree(out);
        assertThat(files.keySet())
                .containsExactly(
                        "north/.netc-manifest",
                        "north/policies/north.yaml",
                        "south/.netc-manifest",
                        "south/policies/south.yaml");
        assertThat(files.get("north/policies/north.yaml")).contains("port: 80");
    }

    @Test
    void sitesAndBatchTogetherAreAUsageError() throws IOException {
        Path template = write("shop.netspec", TEMPLATE);
        assertThat(netc(
                        "compile",
                        template.toString(),
                        "--sites",
                        "x.csv",
                        "--batch",
                        "-o",
                        dir.resolve("o").toString()))
                .isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("cannot be used together");
    }
}
