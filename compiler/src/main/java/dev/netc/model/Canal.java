package dev.netc.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the rke2-canal HelmChartConfig should say.
 *
 * @param network the underlay network whose interfaces flannel uses, when given
 * @param mtu an explicit pod MTU ({@code calico.vethuMTU}); otherwise derived from the network
 * @param psk WireGuard's pre-shared key ({@code flannel.psk}), only with that backend
 */
public record Canal(
        Optional<Network> network,
        Backend backend,
        OptionalInt mtu,
        OptionalInt port,
        OptionalInt vni,
        Optional<Secret> psk) {

    /**
     * flannel backends and the bytes their encapsulation costs (IPv4, IPv6 pods). WireGuard: flannel
     * gives its device the underlay MTU minus 80 for both families (flannel-backends.tsv). VXLAN:
     * flannel subtracts 50 for both, but VXLAN over an IPv6 underlay carries 70 bytes of headers
     * (40 IPv6, 8 UDP, 8 VXLAN, 14 Ethernet), so pods that speak IPv6 must stay 20 bytes smaller than
     * flannel's device to avoid fragmentation. {@code CanalOverheadTest} holds every figure at or
     * above flannel's.
     */
    public enum Backend {
        VXLAN("vxlan", 50, 70),
        WIREGUARD("wireguard", 80, 80),
        HOST_GW("host-gw", 0, 0);

        private final String chartValue;
        private final int overheadV4;
        private final int overheadV6;

        Backend(String chartValue, int overheadV4, int overheadV6) {
            this.chartValue = chartValue;
            this.overheadV4 = overheadV4;
            this.overheadV6 = overheadV6;
        }

        public String chartValue() {
            return chartValue;
        }

        /** Overhead for the cluster's families: the IPv6 figure as soon as IPv6 is in use. */
        public int overhead(boolean ipv6) {
            return ipv6 ? overheadV6 : overheadV4;
        }

        public static Optional<Backend> byChartValue(String value) {
            for (Backend backend : values()) {
                if (backend.chartValue.equals(value)) {
                    return Optional.of(backend);
                }
            }
            return Optional.empty();
        }
    }
}
