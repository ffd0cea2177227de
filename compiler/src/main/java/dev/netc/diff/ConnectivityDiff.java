package dev.netc.diff;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.netc.compile.Compiler;
import dev.netc.query.Connectivity;
import dev.netc.query.DifferingPairs;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.Endpoints;
import dev.netc.query.PortSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How the effective connectivity of two versions of a spec differs: for every pair of
 * endpoints either version has (tiers by qualified name, namespaces, externals by name, and the
 * stand-ins for other namespaces and other addresses), the ports allowed before and after,
 * each computed by evaluating that version's emitted policies.
 */
public record ConnectivityDiff(List<Change> changes) {
    public ConnectivityDiff {
        changes = List.copyOf(changes);
    }

    /** How the ports allowed between two endpoints changed. */
    public enum Kind {
        /** Nothing was allowed before. */
        ADDED,
        /** Nothing is allowed after. */
        REMOVED,
        /** More ports, none lost. */
        WIDENED,
        /** Fewer ports, none gained. */
        NARROWED,
        /** Some ports gained and others lost. */
        CHANGED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The ports allowed from one endpoint to another, before and after. */
    public record Change(String from, String to, PortSet before, PortSet after) {
        public PortSet gained() {
            return after.minus(before);
        }

        public PortSet lost() {
            return before.minus(after);
        }

        public Kind kind() {
            if (before.isEmpty()) {
                return Kind.ADDED;
            } else if (after.isEmpty()) {
                return Kind.REMOVED;
            } else if (lost().isEmpty()) {
                return Kind.WIDENED;
            }
            return gained().isEmpty() ? Kind.NARROWED : Kind.CHANGED;
        }
    }

    /** Compares two compilations without errors; pods keep their addresses across both. */
    public static ConnectivityDiff between(Compiler.Result before, Compiler.Result after) {
        SortedSet<String> pods = new TreeSet<>(Endpoints.podNames(before.model()));
        pods.addAll(Endpoints.podNames(after.model()));
        Sides.Both<Connectivity> both = Sides.of(
                () -> Connectivity.of(EmittedPolicies.of(before, pods)),
                () -> Connectivity.of(EmittedPolicies.of(after, pods)));
        Connectivity was = both.before();
        Connectivity is = both.after();
        List<Change> changes = new ArrayList<>();
        for (DifferingPairs.Pair pair : DifferingPairs.of(was, is)) {
            changes.add(new Change(
                    pair.from(), pair.to(), was.ports(pair.from(), pair.to()), is.ports(pair.from(), pair.to())));
        }
        changes.sort(Comparator.comparing(Change::from).thenComparing(Change::to));
        return new ConnectivityDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many changes of each kind, every kind listed. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        changes.forEach(change -> counts.merge(change.kind(), 1, Integer::sum));
        return counts;
    }

    /** A summary line, then one line per change, sorted by source and destination. */
    public String text() {
        if (isEmpty()) {
            return "no change in connectivity\n";
        }
        List<String> kinds = new ArrayList<>();
        counts().forEach((kind, count) -> {
            if (count > 0) {
                kinds.add(count + " " + kind.word());
            }
        });
        StringBuilder text = new StringBuilder(changes.size() + (changes.size() == 1 ? " change" : " changes")
                + " in connectivity: " + String.join(", ", kinds) + "\n");
        for (Change change : changes) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-9s %s -> %s: %s%n",
                    change.kind().word(),
                    change.from(),
                    change.to(),
                    describe(change)));
        }
        return text.toString();
    }

    private static String describe(Change change) {
        return switch (change.kind()) {
            case ADDED -> change.after().toString();
            case REMOVED -> change.before().toString();
            case WIDENED -> change.before() + ", now " + change.after() + " (+ " + change.gained() + ")";
            case NARROWED -> change.before() + ", now " + change.after() + " (- " + change.lost() + ")";
            case CHANGED ->
                change.before() + ", now " + change.after() + " (+ " + change.gained() + "; - " + change.lost() + ")";
        };
    }

    /** The same as JSON: {@code equal}, counts per kind, and each change with its port lists. */
    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("equal", isEmpty());
        JsonObject summary = new JsonObject();
        counts().forEach((kind, count) -> summary.addProperty(kind.word(), count));
        root.add("summary", summary);
        JsonArray list = new JsonArray();
        for (Change change : changes) {
            JsonObject item = new JsonObject();
            item.addProperty("kind", change.kind().word());
            item.addProperty("from", change.from());
            item.addProperty("to", change.to());
            item.add("before", ports(change.before()));
            item.add("after", ports(change.after()));
            item.add("gained", ports(change.gained()));
            item.add("lost", ports(change.lost()));
            list.add(item);
        }
        root.add("changes", list);
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(root) + "\n";
    }

    static JsonArray ports(PortSet ports) {
        JsonArray array = new JsonArray();
        ports.texts().forEach(array::add);
        return array;
    }
}
