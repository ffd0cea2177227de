package dev.netc.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the rke2-canal HelmChartConfig should say.
 *
 * @param network the underlay network whose interfaces flannel uses, when given
 * @param mtu an explicit pod MTU ({@code calico.vethuMTU}); otherwise derived from the network
 */
public record Canal(Optional<Network> network, Backend backend, OptionalInt mtu, OptionalInt port, OptionalInt vni) {

    /** flannel backends and the bytes their encapsulation costs (IPv4, IPv6), as Calico documents them. */
    public enum Backend {
        VXLAN("vxlan", 50, 70), WIREGUARD("wireguard", 60, 80), HOST_GW("host-gw", 0, 0);

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
