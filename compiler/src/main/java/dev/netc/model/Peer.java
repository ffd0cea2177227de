package dev.netc.model;

import dev.netc.net.Cidr;
import java.util.List;
import java.util.Objects;

/**
 * One end of a resolved flow. Code that treats each kind of peer in its own way does it through a
 * {@link Visitor}, so that a new kind is a compile error wherever it needs handling.
 */
public sealed interface Peer {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of peer. */
    interface Visitor<R> {
        R tier(TierPeer peer);

        R namespace(NamespacePeer peer);

        R allNamespaces(AllNamespaces peer);

        R addresses(Addresses peer);
    }

    /** The pods of one tier. */
    record TierPeer(Tier tier) implements Peer {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tier(this);
        }
    }

    /** Every pod of one namespace. */
    record NamespacePeer(String namespace) implements Peer {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.namespace(this);
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof NamespacePeer that && Objects.equals(namespace, that.namespace);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(namespace);
        }
    }

    /** Every pod of every namespace. */
    record AllNamespaces() implements Peer {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.allNamespaces(this);
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof AllNamespaces;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Addresses outside (or, as Calico sees it, also inside) the cluster. */
    record Addresses(String name, List<IpBlock> blocks) implements Peer {
        public Addresses {
            blocks = List.copyOf(blocks);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addresses(this);
        }
    }

    /** An ipBlock: one CIDR minus exceptions strictly inside it. */
    record IpBlock(Cidr cidr, List<Cidr> except) {
        public IpBlock {
            except = List.copyOf(except);
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof IpBlock that
                    && Objects.equals(cidr, that.cidr)
                    && Objects.equals(except, that.except);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(cidr) + Objects.hashCode(except);
        }
    }
}
