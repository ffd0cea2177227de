package dev.netc.query;

import dev.netc.evaluator.Cidr;
import dev.netc.evaluator.Direction;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.Peer;
import dev.netc.evaluator.PolicyRef;
import dev.netc.evaluator.Rule;
import dev.netc.evaluator.SideVerdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an answer rests on the addresses netc gives the pods of its synthetic cluster, said so:
 * a rule's {@code ipBlock} that reaches into the pod range matches a pod by its address (as
 * Calico does), and the synthetic pod's address is not the real pod's; an address in the pod
 * range given in a query is no pod of the synthetic cluster, though on the cluster it is a pod's.
 */
final class SyntheticAddresses {
    private final List<Cidr> podRanges;
    private final List<NetworkPolicy> policies;

    SyntheticAddresses(List<dev.netc.net.Cidr> podRanges, List<NetworkPolicy> policies) {
        this.podRanges = podRanges.stream().map(c -> Cidr.parse(c.toString())).toList();
        this.policies = policies;
    }

    /** The pod range that holds the address, if one does. */
    Optional<Cidr> podRangeOf(IpAddress address) {
        return podRanges.stream().filter(range -> range.contains(address)).findFirst();
    }

    /**
     * Notes on one side of a connection whose other end is a synthetic pod: each address block of
     * the side's isolating policies that overlaps the pod range, once.
     */
    List<String> notes(SideVerdict side, NamedEndpoint other) {
        if (!side.isolated() || !other.kind().isPod()) {
            return List.of();
        }
        Set<String> blocks = new LinkedHashSet<>();
        for (PolicyRef ref : side.isolatedBy()) {
            policies.stream()
                    .filter(p -> p.ref().equals(ref))
                    .forEach(policy -> blocks.addAll(podRangeBlocks(policy, side.direction())));
        }
        List<String> notes = new ArrayList<>();
        for (String block : blocks) {
            notes.add("  note: " + block + " in these policies matches pods by address, as Calico does: "
                    + other.name() + " is evaluated at its synthetic address "
                    + other.endpoint().ip()
                    + "; on the cluster its pods have other addresses, and the answer may differ");
        }
        return notes;
    }

    private List<String> podRangeBlocks(NetworkPolicy policy, Direction direction) {
        List<String> blocks = new ArrayList<>();
        for (Rule rule : policy.rules(direction)) {
            for (Peer peer : rule.peers()) {
                if (peer instanceof Peer.IpBlockPeer block) {
                    podRanges.stream()
                            .filter(range -> overlaps(block.cidr(), range))
                            .findFirst()
                            .ifPresent(range -> blocks.add("`ipBlock " + block.cidr() + "` (pod range " + range + ")"));
                }
            }
        }
        return blocks;
    }

    private static boolean overlaps(Cidr a, Cidr b) {
        return a.contains(b.network()) || b.contains(a.network());
    }
}
