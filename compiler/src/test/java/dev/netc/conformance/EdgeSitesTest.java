package dev.netc.conformance;

import static dev.netc.conformance.ConsumerDefectsTest.cluster;
import static dev.netc.conformance.ConsumerDefectsTest.codes;
import static dev.netc.conformance.ConsumerDefectsTest.compile;
import static dev.netc.conformance.ConsumerDefectsTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge sites as operators run them: behind a proxy, air-gapped, joining through an address that
 * floats between the servers. Each boots as the harness replays the consumers.
 */
class EdgeSitesTest {
    @TempDir
    Path dir;

    /**
     * provider-rke2 hands cluster.env to RKE2 (kairos-io/provider-rke2@3442049 pkg/provider/provider.go:121-178);
     * the harness asks Go's proxy matching whether in-cluster URLs would go through the proxy.
     */
    @Test
    void behindAProxyNothingInsideTheClusterGoesThroughIt() {
        Compiler.Result result = ConsumerDefectsTest.boots(cluster("""
                domain edge.local
                  proxy { https "http://proxy.example:3128"; no-proxy ".corp.example" }""", "", ""), dir);

        assertThat(file(result, "nodes/w-1.yaml"))
                .contains("    HTTPS_PROXY: \"http://proxy.example:3128\"\n")
                .contains("NO_PROXY: \"localhost,127.0.0.1,10.42.0.0/16,10.43.0.0/16,10.0.1.0/24,192.168.1.0/24,"
                        + "10.0.1.10,.svc,.svc.edge.local,.corp.example\"");
    }

    /** RKE2 imports the archives of <data-dir>/agent/images (rancher/rke2@6ce1a80, rke2-airgap.tsv). */
    @Test
    void anAirGappedNodeHasItsArchivesWhereRke2ImportsThem() {
        Compiler.Result result = ConsumerDefectsTest.boots(cluster("""
                rke2 { data-dir = "/data/rke2" }
                  airgap { images "/opt/content"; archives rke2-images.linux-amd64.tar.zst }""", "", ""), dir);

        assertThat(file(result, "nodes/w-1.yaml"))
                .contains("  import_local_images: true\n  local_images_path: \"/opt/content\"\n")
                .contains("mkdir -p '/data/rke2/agent/images/'");
        assertThat(codes(compile(cluster("""
                cni cilium
                  airgap { images "/opt/content"; archives rke2-images.linux-amd64.tar.zst }""", "", "")))).contains(Code.NS4031);
    }

    /** A floating join address belongs to no node (server-address.tsv; provider-rke2 adds it to tls-san). */
    @Test
    void aFloatingJoinAddressBelongsToNoNode() {
        Compiler.Result result = ConsumerDefectsTest.boots(cluster("server vip 10.0.1.5", "", ""), dir);

        assertThat(file(result, "nodes/cp-2.yaml")).contains("control_plane_host: \"10.0.1.5\"");
        assertThat(codes(compile(cluster("server vip 10.0.1.10", "", "")))).contains(Code.NS4018);
    }
}
