package dev.netc.rke2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.rke2.Rke2Key.Scope;
import dev.netc.rke2.Rke2Key.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rke2KeyCatalogueTest {

    @Test
    void holdsEveryRke2KeyOnceInNameOrder() {
        List<String> names = Rke2KeyCatalogue.all().stream().map(Rke2Key::name).toList();

        assertThat(names).hasSize(135).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void spotChecksTypesAndScopes() {
        assertKey("cluster-cidr", ValueType.STRING_LIST, Scope.SERVER);
        assertKey("node-ip", ValueType.STRING_LIST, Scope.BOTH);
        assertKey("write-kubeconfig-mode", ValueType.STRING, Scope.SERVER);
        assertKey("disable-kube-proxy", ValueType.BOOL, Scope.SERVER);
        assertThat(Rke2KeyCatalogue.find("cluster-cidr").orElseThrow().defaultValue())
                .startsWith("10.42.0.0/16");
    }

    /**
     * The scope column agrees with the cited reading of RKE2's flag sets (rke2-key-scope.tsv:
     * rancher/rke2 6ce1a80 pkg/cli/cmds/server.go, agent.go): exactly those keys are server-only,
     * and an agent skips them (k3s pkg/configfilearg/parser.go stripInvalidFlags).
     */
    @Test
    void serverOnlyKeysAreThoseRke2sAgentDoesNotKnow() throws java.io.IOException {
        List<String> cited =
                java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/catalogue/rke2-key-scope.tsv"))
                        .stream()
                        .skip(1)
                        .map(line -> line.split("\t"))
                        .filter(f -> f[1].equals("server"))
                        .map(f -> f[0])
                        .sorted()
                        .toList();

        assertThat(Rke2KeyCatalogue.all().stream()
                        .filter(k -> k.scope() == Scope.SERVER)
                        .map(Rke2Key::name)
                        .toList())
                .containsExactlyElementsOf(cited);
    }

    @Test
    void serverKeysAreNotAllowedOnAgents() {
        Rke2Key clusterCidr = Rke2KeyCatalogue.find("cluster-cidr").orElseThrow();
        Rke2Key nodeIp = Rke2KeyCatalogue.find("node-ip").orElseThrow();

        assertThat(clusterCidr.allowedOn(true)).isTrue();
        assertThat(clusterCidr.allowedOn(false)).isFalse();
        assertThat(nodeIp.allowedOn(true)).isTrue();
        assertThat(nodeIp.allowedOn(false)).isTrue();
    }

    @Test
    void droppedK3sFlagsAndInventedNamesAreNotKeys() {
        for (String name : List.of("flannel-iface", "cluster-init", "fips", "tls-min-version", "canal-iface")) {
            assertThat(Rke2KeyCatalogue.find(name)).as(name).isEmpty();
            assertThat(Rke2KeyCatalogue.droppedReason(name))
                    .as(name)
                    .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        }
        assertThat(Rke2KeyCatalogue.droppedReason("flannel-iface").orElseThrow())
                .contains("dropped by RKE2");
    }

    @Test
    void unknownNamesAreNeitherKeysNorDropped() {
        assertThat(Rke2KeyCatalogue.find("no-such-key")).isEmpty();
        assertThat(Rke2KeyCatalogue.droppedReason("no-such-key")).isEmpty();
        assertThat(Rke2KeyCatalogue.droppedReason("cluster-cidr")).isEmpty();
    }

    @Test
    void catalogueIsUnmodifiable() {
        assertThatThrownBy(() -> Rke2KeyCatalogue.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertKey(String name, ValueType type, Scope scope) {
        assertThat(Rke2KeyCatalogue.find(name)).as(name).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo(name);
            assertThat(key.type()).isEqualTo(type);
            assertThat(key.scope()).isEqualTo(scope);
            assertThat(key.description()).isNotBlank();
        });
    }
}
