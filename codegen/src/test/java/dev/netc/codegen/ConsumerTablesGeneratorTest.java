package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerTablesGeneratorTest {
    private static final String FLAGS = "flag\ttype\tmodes\tsource\n"
            + "iptables-sync-period\tduration\tiptables,nftables\tkubernetes/kubernetes@c57e115 cmd/kube-proxy/app/options.go:150\n"
            + "ipvs-scheduler\tstring\tipvs\tkubernetes/kubernetes@c57e115 cmd/kube-proxy/app/options.go:160; more\n";
    private static final String RECORD = "package dev.netc.consumers;\n"
            + "public record KubeProxyFlag(String flag, String type, String modes, String source) {}\n";

    @TempDir
    Path dir;

    @Test
    void everyRowBecomesARecordInTheTableOrder() throws Exception {
        Path tsv = write("kube-proxy-flags.tsv", FLAGS);
        Path source = GeneratedSources.write(
                ConsumerTablesGenerator.generate(
                        List.of(ConsumerTablesGenerator.load(tsv + "=KubeProxyFlag=KUBE_PROXY_FLAGS")),
                        "dev.netc.consumers"),
                dir.resolve("out"));
        Path record = write("KubeProxyFlag.java", RECORD);

        ClassLoader loader = Javac.compile(dir.resolve("classes"), source, record);
        List<?> rows = (List<?>) loader.loadClass("dev.netc.consumers.ConsumerTables")
                .getField("KUBE_PROXY_FLAGS")
                .get(null);

        assertThat(rows)
                .extracting(Object::toString)
                .containsExactly(
                        "KubeProxyFlag[flag=iptables-sync-period, type=duration, modes=iptables,nftables, source=kubernetes/kubernetes@c57e115 cmd/kube-proxy/app/options.go:150]",
                        "KubeProxyFlag[flag=ipvs-scheduler, type=string, modes=ipvs, source=kubernetes/kubernetes@c57e115 cmd/kube-proxy/app/options.go:160; more]");
        assertThat(Files.readString(source)).contains("kube-proxy-flags.tsv: 2 rows.");
    }

    @Test
    void aRowWithoutACitationFailsTheBuildNamingItsLine() throws IOException {
        Path tsv = write("t.tsv", "key\tsource\nx\tk3s docs say so\n");

        assertThatThrownBy(() -> ConsumerTablesGenerator.load(tsv + "=Row=ROWS"))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("t.tsv:2")
                .hasMessageContaining("owner/repo@commit path:line");
    }

    @Test
    void aTableWithoutASourceColumnIsRefused() throws IOException {
        Path tsv = write("t.tsv", "key\tvalue\nx\ty\n");

        assertThatThrownBy(() -> ConsumerTablesGenerator.load(tsv + "=Row=ROWS"))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("t.tsv:1")
                .hasMessageContaining("source");
    }

    @Test
    void constantNamesBecomeMethodNames() {
        assertThat(ConsumerTablesGenerator.lowerCamel("KUBE_PROXY_FLAGS")).isEqualTo("kubeProxyFlags");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
