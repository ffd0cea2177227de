package dev.netc.analysis;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every name a compilation declares, and every place that uses one, as the analysis resolved them:
 * the editor (hover, definition, references, rename, completion), {@code netc query} and the other
 * commands read the compiler's answer here instead of repeating its rules.
 */
public final class Bindings {
    public static final Bindings EMPTY = new Recorder().build();

    /** What a declaration declares. */
    public enum Kind {
        NETWORK("network"),
        CLUSTER("cluster"),
        NODE("node"),
        NAMESPACE("namespace"),
        TIER("tier"),
        TIER_PORT("port"),
        EXTERNAL("external"),
        PORT_CONSTANT("port"),
        PARAM("param"),
        MODULE("module");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The word that declares it. */
        public String keyword() {
            return keyword;
        }
    }

    /**
     * A declared name.
     *
     * @param name as a use writes it; tiers {@code ns.tier}, tier ports {@code ns.tier:port}, modules
     *     their file's display name
     * @param nameSpan where the name is declared (the start of the file for a module)
     * @param span the whole declaring statement
     */
    public record Declaration(Kind kind, String name, Span nameSpan, Span span) {
        /** The last part of the name: the tier of {@code ns.tier}, the port of {@code ns.tier:port}. */
        public String shortName() {
            int cut = Math.max(name.lastIndexOf(':'), kind == Kind.TIER ? name.indexOf('.') : -1);
            return name.substring(cut + 1);
        }
    }

    /** A place that uses a declared name. */
    public record Use(Span span, Declaration target) {}

    /**
     * A word of the language in a flow that stands for something without naming a declaration
     * ({@code everyone}, {@code namespaces team=a}, {@code allow ingress}, {@code tcp},
     * {@code http/tcp}), and what the analysis made of it, in Markdown: what the editor shows on
     * hover.
     *
     * @param title the form as written, or its word
     */
    public record Form(Span span, String title, String meaning) {}

    private final List<Declaration> declarations;
    private final List<Form> forms;
    private final Map<Kind, Map<String, Declaration>> byName;
    /** The uses as recorded, until {@link #index()} resolves them: a compile never asks for them. */
    private List<Recorder.PendingUse> recorded;

    private Index index;

    /** The uses resolved, in source order, by declaration and by file. */
    private record Index(Map<Declaration, List<Use>> usesOf, Map<SourceFile, List<Use>> usesIn) {}

    private Bindings(
            List<Declaration> declarations,
            Map<Kind, Map<String, Declaration>> byName,
            List<Recorder.PendingUse> recorded,
            List<Form> forms) {
        this.declarations = List.copyOf(declarations);
        this.byName = byName;
        this.recorded = recorded;
        this.forms = List.copyOf(forms);
    }

    public List<Declaration> declarations() {
        return declarations;
    }

    public List<Declaration> ofKind(Kind kind) {
        return declarations.stream().filter(d -> d.kind() == kind).toList();
    }

    public Optional<Declaration> find(Kind kind, String name) {
        return Optional.ofNullable(byName.get(kind).get(name));
    }

    /** Every use of a declaration, in source order. */
    public List<Use> usesOf(Declaration declaration) {
        return index().usesOf().getOrDefault(declaration, List.of());
    }

    /**
     * What is declared or used at an offset of a file: the innermost use there, else a declaration
     * whose name is there (a module's name is nowhere in its file).
     */
    public Optional<Declaration> at(SourceFile file, int offset) {
        Optional<Use> use = index().usesIn().getOrDefault(file, List.of()).stream()
                .filter(u -> contains(u.span(), file, offset))
                .min(Comparator.comparingInt(u -> u.span().end() - u.span().start()));
        if (use.isPresent()) {
            return Optional.of(use.get().target());
        }
        return declarations.stream()
                .filter(d -> d.kind() != Kind.MODULE && contains(d.nameSpan(), file, offset))
                .findFirst();
    }

    /** Resolves the uses now, so that the first question after a compile is answered as fast as the next. */
    public void resolveUses() {
        index();
    }

    /** The innermost form of the language written at an offset of a file, if any. */
    public Optional<Form> formAt(SourceFile file, int offset) {
        return forms.stream()
                .filter(f -> contains(f.span(), file, offset))
                .min(Comparator.comparingInt(f -> f.span().end() - f.span().start()));
    }

    /**
     * Resolves the recorded uses to their declarations, once: sorted by file name, then position,
     * each (span, name) once in the order first recorded. Synchronized: the indexes are built on
     * the first question, from whichever thread asks it.
     */
    private synchronized Index index() {
        if (index != null) {
            return index;
        }
        List<Use> resolved = new ArrayList<>();
        for (Recorder.PendingUse use : recorded) {
            Declaration target = byName.get(use.kind()).get(use.name());
            if (target != null) {
                resolved.add(new Use(use.span(), target));
            }
        }
        // by file name, then position (stable: uses at one position stay in the order recorded);
        // uses in one file (nearly all of them) skip comparing its name
        resolved.sort((a, b) -> {
            SourceFile one = a.span().file();
            SourceFile other = b.span().file();
            int byFile = one == other ? 0 : one.displayName().compareTo(other.displayName());
            return byFile != 0
                    ? byFile
                    : Integer.compare(a.span().start(), b.span().start());
        });
        // declarations are unique objects: by identity, which also spares the record's generated hashCode at start-up
        Map<Declaration, List<Use>> usesOf = new IdentityHashMap<>();
        Map<SourceFile, List<Use>> usesIn = new HashMap<>();
        for (Use use : withoutRepeats(resolved)) {
            usesOf.computeIfAbsent(use.target(), d -> new ArrayList<>()).add(use);
            usesIn.computeIfAbsent(use.span().file(), f -> new ArrayList<>()).add(use);
        }
        index = new Index(usesOf, usesIn);
        recorded = null;
        return index;
    }

    /**
     * The sorted uses with a use recorded again (same span, same declaration) dropped: among the
     * uses at one position, the first of each stays, as recording them in a set did.
     */
    private static List<Use> withoutRepeats(List<Use> sorted) {
        List<Use> result = new ArrayList<>(sorted.size());
        int group = 0; // where the uses at the current position start in the result
        for (Use use : sorted) {
            if (group < result.size() && !samePosition(result.get(group), use)) {
                group = result.size();
            }
            boolean repeat = false;
            for (int i = group; i < result.size() && !repeat; i++) {
                repeat = result.get(i).target() == use.target()
                        && result.get(i).span().equals(use.span());
            }
            if (!repeat) {
                result.add(use);
            }
        }
        return result;
    }

    /** Whether two uses sort as equal: same file name, same start. */
    private static boolean samePosition(Use a, Use b) {
        return a.span().start() == b.span().start()
                && a.span().file().displayName().equals(b.span().file().displayName());
    }

    private static boolean contains(Span span, SourceFile file, int offset) {
        return span != null && span.file() == file && span.start() <= offset && offset <= span.end();
    }

    /**
     * Collects declarations and uses while the analysis runs. A name's first declaration counts (a
     * second is an error reported elsewhere); a use may be recorded before its declaration, and one
     * of a name never declared is dropped.
     */
    static final class Recorder {
        /** In order of declaration. */
        private final List<Declaration> declarations = new ArrayList<>();
        /**
         * By kind, then name: a map per kind rather than one keyed by kind and name together,
         * whose key strings were built anew for every lookup (a hundred thousand uses in a large spec).
         */
        private final Map<Kind, Map<String, Declaration>> declared = new EnumMap<>(Kind.class);
        /** Every use in the order recorded, repeats included (dropped when resolved, see {@link Bindings#index()}). */
        private final List<PendingUse> uses = new ArrayList<>();

        Recorder() {
            for (Kind kind : Kind.values()) {
                declared.put(kind, new HashMap<>());
            }
        }

        record PendingUse(Span span, Kind kind, String name) {}

        void declare(Kind kind, String name, Span nameSpan, Span span) {
            Map<String, Declaration> ofKind = declared.get(kind);
            if (!ofKind.containsKey(name)) {
                Declaration declaration = new Declaration(kind, name, nameSpan, span);
                ofKind.put(name, declaration);
                declarations.add(declaration);
            }
        }

        /** By span: a port written once is resolved once per destination of its flow. */
        private final Map<Span, Form> forms = new LinkedHashMap<>();

        /** A form of the language at {@code span} and what it means (see {@link Form}); the first one counts. */
        void form(Span span, String title, String meaning) {
            forms.putIfAbsent(span, new Form(span, title, meaning));
        }

        void use(Span span, Kind kind, String name) {
            if (span != null) {
                uses.add(new PendingUse(span, kind, name));
            }
        }

        Bindings build() {
            Map<Kind, Map<String, Declaration>> byName = new EnumMap<>(Kind.class);
            declared.forEach((kind, names) -> byName.put(kind, Collections.unmodifiableMap(names)));
            return new Bindings(declarations, byName, List.copyOf(uses), List.copyOf(forms.values()));
        }
    }
}
