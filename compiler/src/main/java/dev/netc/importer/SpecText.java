package dev.netc.importer;

import dev.netc.analysis.Labels;
import dev.netc.evaluator.Cidr;
import dev.netc.evaluator.Direction;
import dev.netc.evaluator.LabelSelector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The netspec an import writes: the externals, then one namespace block per namespace in the
 * order the YAML first names it, each with its labels, isolation, tiers and flows, and comments
 * naming the policies each came from.
 */
final class SpecText {
    /** Words a name cannot be without quotes (the lexer's reserved words). */
    static final Set<String> RESERVED = Set.of("allow", "expect", "except", "in", "notin", "namespaces", "everyone");

    private final Map<String, NamespaceText> namespaces = new LinkedHashMap<>();
    /** Address blocks with exceptions, by their text: an external each. */
    private final Map<String, String> externals = new LinkedHashMap<>();

    private final Set<String> externalNames = new LinkedHashSet<>();

    NamespaceText namespace(String name) {
        return namespaces.computeIfAbsent(name, NamespaceText::new);
    }

    /** An ipBlock as a flow end: the range itself, or an external for a range with exceptions. */
    String addresses(Cidr cidr, List<Cidr> except) {
        if (except.isEmpty()) {
            return address(cidr);
        }
        String definition = address(cidr) + " except "
                + String.join(", ", except.stream().map(SpecText::address).toList());
        String existing = externals.get(definition);
        if (existing != null) {
            return existing;
        }
        String base = externalName(cidr);
        String name = base;
        for (int i = 2; !externalNames.add(name); i++) {
            name = base + "-" + i;
        }
        externals.put(definition, name);
        return name;
    }

    /** {@code net-10-0-0-0-8}, {@code net6-fd00-8}: the range in a name. */
    private static String externalName(Cidr cidr) {
        String text = cidr.toString().toLowerCase(Locale.ROOT);
        String digits = text.replace("::", "-").replaceAll("[^0-9a-f]+", "-").replaceAll("^-+|-+$", "");
        return (text.contains(":") ? "net6-" : "net-") + digits;
    }

    private static String address(Cidr cidr) {
        String text = cidr.toString();
        return text.contains(":") ? "\"" + text + "\"" : text; // an IPv6 range is safest as a string
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("// Imported by `netc import` from hand-written Namespaces and NetworkPolicies. Each flow is\n")
                .append("// one-sided: a policy says what its own pods admit or send, not what the other side does.\n");
        if (!externals.isEmpty()) {
            out.append('\n');
            externals.forEach((definition, name) -> out.append("external ")
                    .append(name)
                    .append(" = ")
                    .append(definition)
                    .append('\n'));
        }
        namespaces.values().forEach(namespace -> out.append('\n').append(namespace.render()));
        return out.toString();
    }

    /** One namespace block. */
    static final class NamespaceText {
        private final String name;
        private Map<String, String> labels = Map.of();
        private String labelSource = "";
        private final Set<Direction> isolated = EnumSet.noneOf(Direction.class);
        private final List<String> isolatedBy = new ArrayList<>();
        private final Map<LabelSelector, Tier> tiers = new LinkedHashMap<>();
        private final List<String> flows = new ArrayList<>();

        NamespaceText(String name) {
            this.name = name;
        }

        void labels(Map<String, String> all, String source) {
            Map<String, String> own = new TreeMap<>(all);
            // the API server gives every namespace its name label, and netc's own namespaces carry the
            // prune label: a spec may set neither (NS2006), and netc writes the second itself
            own.keySet().removeIf(Labels::setElsewhere);
            this.labels = own;
            this.labelSource = source;
        }

        /** A tier for these pods (the namespace's whole, {@code ns.*}, for the empty selector). */
        String pods(LabelSelector selector) {
            if (SelectorText.isEmpty(selector)) {
                return PolicyImport.quoted(name) + ".*";
            }
            return tiers.computeIfAbsent(selector, s -> new Tier(uniqueName(SelectorText.name(s)), s)).name;
        }

        void isolate(LabelSelector selector, Direction direction, String comment) {
            if (SelectorText.isEmpty(selector)) {
                isolated.add(direction);
                if (!isolatedBy.contains(comment)) {
                    isolatedBy.add(comment);
                }
            } else {
                pods(selector);
                Tier tier = tiers.get(selector);
                tier.isolated.add(direction);
                if (!tier.comments.contains(comment)) {
                    tier.comments.add(comment);
                }
            }
        }

        void flow(String comment, String text) {
            flows.add("  " + comment + "\n  " + text + "\n");
        }

        private String uniqueName(String wanted) {
            String base = wanted.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9-]+", "-")
                    .replaceAll("^-+|-+$", "");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0)) || RESERVED.contains(base)) {
                base = "pods-" + base;
            }
            String candidate = base;
            for (int i = 2; candidate.equals(name) || taken(candidate); i++) {
                candidate = base + "-" + i;
            }
            return candidate;
        }

        private boolean taken(String candidate) {
            return tiers.values().stream().anyMatch(t -> t.name.equals(candidate));
        }

        String render() {
            StringBuilder out = new StringBuilder("namespace ")
                    .append(PolicyImport.quoted(name))
                    .append(" {\n");
            if (!labels.isEmpty()) {
                out.append("  labels ")
                        .append(String.join(
                                ", ",
                                labels.entrySet().stream()
                                        .map(e -> PolicyImport.quoted(e.getKey()) + "="
                                                + PolicyImport.quoted(e.getValue()))
                                        .toList()))
                        .append(" // ")
                        .append(labelSource)
                        .append('\n');
            }
            if (!isolated.isEmpty()) {
                isolatedBy.forEach(comment -> out.append("  ").append(comment).append('\n'));
                out.append("  isolate ").append(directions(isolated)).append('\n');
            }
            boolean egress = isolated.contains(Direction.EGRESS)
                    || tiers.values().stream().anyMatch(t -> t.isolated.contains(Direction.EGRESS));
            if (egress) {
                out.append("  dns off // the policies say which DNS traffic they allow\n");
            }
            for (Tier tier : tiers.values()) {
                tier.comments.forEach(
                        comment -> out.append("  ").append(comment).append('\n'));
                out.append("  tier ").append(tier.name).append(" { pods ").append(SelectorText.pods(tier.selector));
                if (!tier.isolated.isEmpty()) {
                    out.append("; isolate ").append(directions(tier.isolated));
                }
                out.append(" }\n");
            }
            if (!flows.isEmpty()) {
                out.append('\n');
                flows.forEach(out::append);
            }
            return out.append("}\n").toString();
        }

        private static String directions(Set<Direction> directions) {
            return String.join(
                    ", ",
                    directions.stream()
                            .map(d -> d.name().toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    /** A tier: pods of one selector, and the directions policies isolate them in. */
    private static final class Tier {
        final String name;
        final LabelSelector selector;
        final Set<Direction> isolated = EnumSet.noneOf(Direction.class);
        final List<String> comments = new ArrayList<>();

        Tier(String name, LabelSelector selector) {
            this.name = name;
            this.selector = selector;
        }
    }
}
