package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.KubeProxyStopFlag;
import dev.netc.consumers.KubeletNodeLabel;
import dev.netc.consumers.SpecialAddressRange;
import dev.netc.consumers.ValueRule;
import dev.netc.net.Cidr;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code that implements the cited rules, held to the tables that state them. */
class ConsumerRulesTest {

    /** Every rule is about an RKE2 key (or what netc derives one from), and every rule the code cites has a row. */
    @Test
    void valueRulesAreAboutRke2KeysAndEveryCitedRuleHasARow() {
        Set<String> derived = Set.of("node-ip", "*-arg");
        for (ValueRule rule : ConsumerTables.VALUE_RULES) {
            assertThat(derived.contains(rule.key())
                            || Rke2KeyCatalogue.find(rule.key()).isPresent())
                    .as("rke2-value-rules.tsv key %s", rule.key())
                    .isTrue();
        }
        for (String key : List.of(
                "node-ip",
                "node-label",
                "node-taint",
                "service-node-port-range",
                "lb-server-port",
                "write-kubeconfig-mode",
                "cluster-domain",
                "tls-san",
                "config",
                "disable",
                "disable-kube-proxy",
                "*-arg")) {
            assertThat(Rke2ValueRules.rule(key)).startsWith(key + ": ");
        }
    }

    /** Every `*-arg` key of RKE2 takes a list: its items are what the flag rule checks. */
    @Test
    void componentArgumentKeysAreLists() {
        assertThat(Rke2KeyCatalogue.all().stream().filter(k -> k.name().endsWith("-arg")))
                .isNotEmpty()
                .allMatch(k -> k.type() == Rke2Key.ValueType.STRING_LIST);
    }

    @Test
    void specialRangesParseAndNameTheirUses() {
        for (SpecialAddressRange row : ConsumerTables.SPECIAL_ADDRESS_RANGES) {
            for (String range : row.rangeTexts()) {
                assertThat(Cidr.parse(range)).as(range).isInstanceOf(Cidr.ParseResult.Ok.class);
            }
            assertThat(Set.of("node", "pod", "service"))
                    .containsAll(List.of(row.appliesTo().split(" ")));
        }
    }

    /** Only keys under kubernetes.io or k8s.io need kubelet's leave: the table lists nothing else. */
    @Test
    void kubeletLabelsAreUnderKubernetesIo() {
        for (KubeletNodeLabel label : ConsumerTables.KUBELET_NODE_LABELS) {
            String domain =
                    label.kind().equals("namespace") ? label.key() : label.key().split("/")[0];
            assertThat(domain).as(label.key()).endsWith("kubernetes.io");
            if (label.kind().equals("label")) {
                assertThat(Rke2ValueRules.labelProblem(label.key() + "=x"))
                        .as(label.key())
                        .isEmpty();
            }
        }
        assertThat(Rke2ValueRules.labelProblem("node-role.kubernetes.io/worker=true"))
                .isPresent();
        assertThat(Rke2ValueRules.labelProblem("a.node.kubernetes.io/pool=x")).isEmpty();
    }

    /** The flags netc owns and those that stop kube-proxy are kube-proxy's own. */
    @Test
    void kubeProxyFlagsNamedByTheCodeExist() {
        Set<String> flags = Set.copyOf(
                ConsumerTables.KUBE_PROXY_FLAGS.stream().map(f -> f.flag()).toList());
        assertThat(flags).containsAll(KubeProxyAnalyzer.PROPERTY_OF_FLAG.keySet());
        assertThat(flags)
                .containsAll(ConsumerTables.KUBE_PROXY_STOP_FLAGS.stream()
                        .map(KubeProxyStopFlag::flag)
                        .toList());
    }

    @Test
    void portRangesAsKubeApiserverReadsThem() {
        assertThat(Rke2ValueRules.portRangeProblem("30000-32767")).isEmpty();
        assertThat(Rke2ValueRules.portRangeProblem(" 30000+2767 ")).isEmpty();
        assertThat(Rke2ValueRules.portRangeProblem("8080")).isEmpty();
        assertThat(Rke2ValueRules.portRangeProblem("40000-30000")).isPresent();
        assertThat(Rke2ValueRules.portRangeProblem("30000-70000")).isPresent();
        assertThat(Rke2ValueRules.portRangeProblem("-5-10")).isPresent();
        assertThat(Rke2ValueRules.portRangeProblem("1+2-3")).isPresent();
    }

    @Test
    void certificateNamesAsDynamiclistenerTakesThem() {
        assertThat(CertificateNames.problem("api.edge.example")).isEmpty();
        assertThat(CertificateNames.problem("*.edge.example")).isEmpty();
        assertThat(CertificateNames.problem("fd00::10")).isEmpty();
        assertThat(CertificateNames.problem("api edge")).isPresent();
        assertThat(CertificateNames.problem("-api")).isPresent();
        assertThat(CertificateNames.problem("api.")).isPresent();
        assertThat(CertificateNames.domainProblem("cluster.local")).isEmpty();
        assertThat(CertificateNames.domainProblem("Cluster.Local")).isPresent();
    }
}
