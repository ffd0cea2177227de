package dev.netc.model;

import dev.netc.net.Cidr;
import java.util.List;

/** One end of a resolved flow. */
public sealed interface Peer {

    /** The pods of one tier. */
    record TierPeer(Tier tier) implements Peer {
    }

    /** Every pod of one namespace. */
    record NamespacePeer(String namespace) implements Peer {
    }

    /** Every pod of every namespace. */
    record AllNamespaces() implements Peer {
    }

    /** Addresses outside (or, as Calico sees it, also inside) the cluster. */
    record Addresses(String name, List<IpBlock> blocks) implements Peer {
        public Addresses {
            blocks = List.copyOf(blocks);
        }
    }

    /** An ipBlock: one CIDR minus exceptions strictly inside it. */
    record IpBlock(Cidr cidr, List<Cidr> except) {
        public IpBlock {
            except = List.copyOf(except);
        }
    }
}
