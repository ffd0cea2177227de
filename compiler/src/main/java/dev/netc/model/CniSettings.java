package dev.netc.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@code calico}, {@code cilium} or {@code flannel} block says of the CNI's chart (Canal has
 * its own, {@link Canal}): the network whose interfaces it uses, its encapsulation, and for Calico
 * an explicit pod MTU.
 *
 * @param cni the CNI, as {@code cni} names it: {@code calico}, {@code cilium} or {@code flannel}
 * @param backend a word of the CNI's backends; empty for the chart's default
 * @param psk flannel's WireGuard pre-shared key, only with that backend
 */
public record CniSettings(
        String cni, Optional<Network> network, Optional<String> backend, OptionalInt mtu, Optional<Secret> psk) {}
