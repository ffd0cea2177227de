package dev.netc.evaluator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One element of a rule's {@code from} or {@code to} list. */
public sealed interface Peer permits Peer.SelectorPeer, Peer.IpBlockPeer {

    /**
     * Whether the endpoint at the other end of the connection is this peer.
     *
     * @param other           the remote endpoint (the source for ingress, the destination for egress)
     * @param policyNamespace the namespace of the policy holding the rule
     * @param universe        where the remote pod's namespace labels come from
     */
    boolean matches(Endpoint other, String policyNamespace, Universe universe);

    /**
     * A peer given by selectors. With only a pod selector it means pods of the policy's own
     * namespace; with only a namespace selector, every pod of the selected namespaces; with both
     * (in one element) pods matching both. It never matches an external endpoint.
     *
     * @param podSelector       the pod selector, if given
     * @param namespaceSelector the namespace selector, if given
     */
    record SelectorPeer(Optional<LabelSelector> podSelector, Optional<LabelSelector> namespaceSelector)
            implements Peer {

        public SelectorPeer {
            if (podSelector.isEmpty() && namespaceSelector.isEmpty()) {
                throw new IllegalArgumentException("a peer needs a pod selector, a namespace selector or both");
            }
        }

        @Override
        public boolean matches(Endpoint other, String policyNamespace, Universe universe) {
            if (!(other instanceof Pod pod)) {
                return false;
            }
            boolean namespaceMatches = namespaceSelector
                    .map(selector -> selector.matches(universe.namespace(pod.namespace())
                            .orElseGet(() -> Namespace.named(pod.namespace()))
                            .labels()))
                    .orElse(pod.namespace().equals(policyNamespace));
            return namespaceMatches
                    && podSelector
                            .map(selector -> selector.matches(pod.labels()))
                            .orElse(true);
        }
    }

    /**
     * A peer given by addresses: everything in {@code cidr} except the {@code except} ranges. It
     * matches pod IPs as well as external addresses, as Calico does (Cilium does not).
     *
     * @param cidr   the range allowed
     * @param except ranges removed from it
     */
    record IpBlockPeer(Cidr cidr, List<Cidr> except) implements Peer {

        public IpBlockPeer {
            Objects.requireNonNull(cidr, "cidr");
            except = List.copyOf(except);
        }

        @Override
        public boolean matches(Endpoint other, String policyNamespace, Universe universe) {
            return cidr.contains(other.ip()) && except.stream().noneMatch(range -> range.contains(other.ip()));
        }
    }
}
