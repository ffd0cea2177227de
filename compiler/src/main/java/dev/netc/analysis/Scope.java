package dev.netc.analysis;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a name at the end of a flow means: the one rule that the compiler's flows, {@code netc
 * query} and the editor follow. {@code ns.tier} is a tier of a namespace (unless an external has
 * that dotted name); a bare name is, in this order, a tier of the namespace it is written in, an
 * external, or a namespace (all its pods). Outside namespace blocks tiers need their namespace.
 */
public final class Scope {
    private final Map<String, Namespace> namespaces;
    private final Set<String> externals;
    /** Tiers by namespace and name, and the first namespace declaring each tier name: O(1) per lookup. */
    private final Map<String, Map<String, Tier>> tiers = new HashMap<>();

    private final Map<String, String> firstNamespaceOfTier = new HashMap<>();

    public Scope(Map<String, Namespace> namespaces, Set<String> externals) {
        this.namespaces = namespaces;
        this.externals = externals;
        namespaces.forEach((name, namespace) -> {
            Map<String, Tier> byName = new HashMap<>();
            for (Tier tier : namespace.tiers()) {
                byName.put(tier.name(), tier);
                firstNamespaceOfTier.putIfAbsent(tier.name(), name);
            }
            tiers.put(name, byName);
        });
    }

    /** The scope of a compiled spec: its namespaces and the externals that resolved. */
    public static Scope of(Model model) {
        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        model.namespaces().forEach(n -> namespaces.put(n.name(), n));
        Set<String> externals = new LinkedHashSet<>();
        model.externals().stream().map(Peer.Addresses::name).forEach(externals::add);
        return new Scope(namespaces, externals);
    }

    /** What the name means. @param context the namespace block it is written in, or null */
    public Meaning endpoint(String name, String context) {
        int dot = name.indexOf('.');
        if (dot > 0 && !externals.contains(name)) {
            String namespaceName = name.substring(0, dot);
            Namespace namespace = namespaces.get(namespaceName);
            if (namespace == null) {
                return new Meaning.NoSuchNamespace(namespaceName, dot);
            }
            Tier tier = tiers.get(namespaceName).get(name.substring(dot + 1));
            return tier == null
                    ? new Meaning.NoSuchTier(namespace, name.substring(dot + 1), dot)
                    : new Meaning.OfTier(tier, dot);
        }
        if (context != null && tiers.containsKey(context)) {
            Tier tier = tiers.get(context).get(name);
            if (tier != null) {
                return new Meaning.OfTier(tier, -1);
            }
        }
        if (externals.contains(name)) {
            return new Meaning.OfExternal(name);
        }
        if (namespaces.containsKey(name)) {
            return new Meaning.OfNamespace(namespaces.get(name));
        }
        if (context == null && firstNamespaceOfTier.containsKey(name)) {
            return new Meaning.TierOutsideNamespace(name, firstNamespaceOfTier.get(name));
        }
        return new Meaning.Unknown(name);
    }

    /**
     * What {@code namespaces SELECTOR [except NAMES] [pods SELECTOR]} means: the pods it chooses,
     * once its selectors and names are valid (what is not is reported to the sink).
     */
    public static Optional<Peer.SelectedNamespaces> selection(Endpoint.SelectedNamespaces end, DiagnosticSink sink) {
        Labels labels = new Labels(sink);
        LabelSelector namespaces = labels.selector(end.namespaces());
        LabelSelector pods = labels.selector(end.pods());
        List<String> except = new ArrayList<>();
        boolean valid = true;
        for (Name name : end.except()) {
            Optional<String> problem = Labels.dnsLabelProblem(name.text());
            if (problem.isPresent()) {
                sink.report(Diagnostic.of(Code.NS2008, name.span(), "namespace", name.text(), problem.get()));
                valid = false;
            }
            except.add(name.text());
        }
        return valid ? Optional.of(new Peer.SelectedNamespaces(namespaces, except, pods)) : Optional.empty();
    }

    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    public Set<String> namespaceNames() {
        return namespaces.keySet();
    }

    /** The names a bare name at the end of a flow could have meant, for "did you mean". */
    public List<String> candidates(String context) {
        List<String> candidates = new ArrayList<>(externals);
        candidates.addAll(namespaces.keySet());
        if (context != null && namespaces.containsKey(context)) {
            namespaces.get(context).tiers().forEach(t -> candidates.add(t.name()));
        }
        return candidates;
    }

    /** What a name at the end of a flow turned out to be; each use handles every kind through a {@link Visitor}. */
    public sealed interface Meaning {
        <R> R accept(Visitor<R> visitor);

        /** One method per meaning. */
        interface Visitor<R> {
            R tier(OfTier meaning);

            R external(OfExternal meaning);

            R namespace(OfNamespace meaning);

            R noSuchNamespace(NoSuchNamespace meaning);

            R noSuchTier(NoSuchTier meaning);

            R tierOutsideNamespace(TierOutsideNamespace meaning);

            R unknown(Unknown meaning);
        }

        /** A tier; {@code dot} is where {@code ns.tier} divides, -1 for a bare tier name. */
        record OfTier(Tier tier, int dot) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.tier(this);
            }
        }

        record OfExternal(String name) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.external(this);
            }
        }

        record OfNamespace(Namespace namespace) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.namespace(this);
            }
        }

        /** {@code ns.tier} where no namespace {@code ns} exists. */
        record NoSuchNamespace(String namespace, int dot) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.noSuchNamespace(this);
            }
        }

        /** {@code ns.tier} where the namespace has no such tier. */
        record NoSuchTier(Namespace namespace, String tier, int dot) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.noSuchTier(this);
            }
        }

        /** A bare tier name outside any namespace block: {@code owner} is a namespace that has it. */
        record TierOutsideNamespace(String tier, String owner) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.tierOutsideNamespace(this);
            }
        }

        record Unknown(String name) implements Meaning {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unknown(this);
            }
        }
    }
}
