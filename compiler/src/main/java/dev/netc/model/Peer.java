package dev.netc.model;

import dev.netc.net.Cidr;
import java.util.List;
import java.util.Map;
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

        R selectedNamespaces(SelectedNamespaces peer);

        R everyone(Everyone peer);
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

    /**
     * The pods that {@code pods} chooses in every namespace whose labels {@code namespaces}
     * chooses, but those named in {@code except}: whoever owns or creates them, now or later.
     */
    record SelectedNamespaces(LabelSelector namespaces, List<String> except, LabelSelector pods) implements Peer {
        public SelectedNamespaces {
            except = List.copyOf(except);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.selectedNamespaces(this);
        }

        /** Whether it chooses the namespace with these labels (its name label among them). */
        public boolean chooses(Map<String, String> namespaceLabels) {
            return namespaces.matches(namespaceLabels) && !except.contains(namespaceLabels.get(Namespace.NAME_LABEL));
        }

        /** As netspec writes it, the same however the spec spaced or ordered it: {@code namespaces team=a pods app=x}. */
        public String text() {
            StringBuilder text = new StringBuilder("namespaces ").append(choice(namespaces));
            if (!except.isEmpty()) {
                text.append(" except ")
                        .append(except.size() == 1 ? except.get(0) : "(" + String.join(", ", except) + ")");
            }
            if (!pods.isEmpty()) {
                text.append(" pods ").append(choice(pods));
            }
            return text.toString();
        }

        private static String choice(LabelSelector selector) {
            int requirements =
                    selector.matchLabels().size() + selector.expressions().size();
            return requirements > 1 ? "(" + selector.text() + ")" : selector.text();
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof SelectedNamespaces that
                    && Objects.equals(namespaces, that.namespaces)
                    && Objects.equals(except, that.except)
                    && Objects.equals(pods, that.pods);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(namespaces) + Objects.hashCode(except)) + Objects.hashCode(pods);
        }
    }

    /**
     * Every pod of every namespace and every address: written as a rule without peers, which
     * every CNI reads as "from (or to) anyone", without relying on ipBlocks matching pods.
     */
    record Everyone() implements Peer {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.everyone(this);
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Everyone;
        }

        @Override
        public int hashCode() {
            return 1;
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
