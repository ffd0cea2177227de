package dev.netc.ast;

import dev.netc.source.Span;
import java.util.List;

/** One end of a flow as written; each kind is handled through a {@link Visitor}. */
public sealed interface Endpoint {
    Span span();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of flow end. */
    interface Visitor<R> {
        R everyNamespace(EveryNamespace end);

        R wholeNamespace(WholeNamespace end);

        R named(Named end);

        R address(Address end);

        R selectedNamespaces(SelectedNamespaces end);

        R everyone(Everyone end);
    }

    /** {@code *}: every pod of every namespace. */
    record EveryNamespace(Span span) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.everyNamespace(this);
        }
    }

    /** {@code app.*}: every pod of one namespace. */
    record WholeNamespace(Name namespace, Span span) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wholeNamespace(this);
        }
    }

    /** {@code frontend}, {@code app.frontend}, {@code app}, {@code internet}: resolved later. */
    record Named(Name name) implements Endpoint {
        public Span span() {
            return name.span();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.named(this);
        }
    }

    /** {@code 10.0.0.0/8}, {@code "10.${site}.0.0/16"}. */
    record Address(Value value) implements Endpoint {
        public Span span() {
            return value.span();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.address(this);
        }
    }

    /**
     * {@code namespaces team=payments}, {@code namespaces (env in (prod, stage), !legacy) except
     * staging pods app=client}: the pods of every namespace whose labels the selectors choose, but
     * those named after {@code except}, optionally only the pods that {@code pods} chooses. An empty
     * list of selectors is {@code *}.
     */
    record SelectedNamespaces(List<Selector> namespaces, List<Name> except, List<Selector> pods, Span span)
            implements Endpoint {
        public SelectedNamespaces {
            namespaces = List.copyOf(namespaces);
            except = List.copyOf(except);
            pods = List.copyOf(pods);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.selectedNamespaces(this);
        }
    }

    /** {@code everyone}: every pod of every namespace and every address. */
    record Everyone(Span span) implements Endpoint {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.everyone(this);
        }
    }
}
