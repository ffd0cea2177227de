package dev.netc.analysis;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final Map<String, Declaration> byName;
    private final Map<Declaration, List<Use>> usesOf;
    private final Map<SourceFile, List<Use>> usesIn;

    private Bindings(List<Declaration> declarations, List<Use> uses, List<Form> forms) {
        this.declarations = List.copyOf(declarations);
        this.forms = List.copyOf(forms);
        this.byName = new HashMap<>();
        declarations.forEach(d -> byName.put(key(d.kind(), d.name()), d));
        // declarations are unique objects: by identity, which also spares the record's generated hashCode at start-up
        this.usesOf = new IdentityHashMap<>();
        this.usesIn = new HashMap<>();
        for (Use use : uses) {
            usesOf.computeIfAbsent(use.target(), d -> new ArrayList<>()).add(use);
            usesIn.computeIfAbsent(use.span().file(), f -> new ArrayList<>()).add(use);
        }
    }

    public List<Declaration> declarations() {
        return declarations;
    }

    public List<Declaration> ofKind(Kind kind) {
        return declarations.stream().filter(d -> d.kind() == kind).toList();
    }

    public Optional<Declaration> find(Kind kind, String name) {
        return Optional.ofNullable(byName.get(key(kind, name)));
    }

    /** Every use of a declaration, in source order. */
    public List<Use> usesOf(Declaration declaration) {
        return usesOf.getOrDefault(declaration, List.of());
    }

    /**
     * What is declared or used at an offset of a file: the innermost use there, else a declaration
     * whose name is there (a module's name is nowhere in its file).
     */
    public Optional<Declaration> at(SourceFile file, int offset) {
        Optional<Use> use = usesIn.getOrDefault(file, List.of()).stream()
                .filter(u -> contains(u.span(), file, offset))
                .min(Comparator.comparingInt(u -> u.span().end() - u.span().start()));
        if (use.isPresent()) {
            return Optional.of(use.get().target());
        }
        return declarations.stream()
                .filter(d -> d.kind() != Kind.MODULE && contains(d.nameSpan(), file, offset))
                .findFirst();
    }

    /** The innermost form of the language written at an offset of a file, if any. */
    public Optional<Form> formAt(SourceFile file, int offset) {
        return forms.stream()
                .filter(f -> contains(f.span(), file, offset))
                .min(Comparator.comparingInt(f -> f.span().end() - f.span().start()));
    }

    private static boolean contains(Span span, SourceFile file, int offset) {
        return span != null && span.file() == file && span.start() <= offset && offset <= span.end();
    }

    private static String key(Kind kind, String name) {
        return kind.ordinal() + ":" + name;
    }

    /**
     * Collects declarations and uses while the analysis runs. A name's first declaration counts (a
     * second is an error reported elsewhere); a use may be recorded before its declaration, and one
     * of a name never declared is dropped.
     */
    static final class Recorder {
        private final Map<String, Declaration> declared = new LinkedHashMap<>();
        private final Set<PendingUse> uses = new LinkedHashSet<>();

        private record PendingUse(Span span, Kind kind, String name) {
            // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
            @Override
            public boolean equals(Object other) {
                return other instanceof PendingUse that
                        && span.equals(that.span)
                        && kind == that.kind
                        && name.equals(that.name);
            }

            @Override
            public int hashCode() {
                return 31 * (31 * span.hashCode() + kind.hashCode()) + name.hashCode();
            }
        }

        void declare(Kind kind, String name, Span nameSpan, Span span) {
            declared.putIfAbsent(key(kind, name), new Declaration(kind, name, nameSpan, span));
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
            List<Use> resolved = new ArrayList<>();
            for (PendingUse use : uses) {
                Declaration target = declared.get(key(use.kind(), use.name()));
                if (target != null) {
                    resolved.add(new Use(use.span(), target));
                }
            }
            resolved.sort(Comparator.comparing((Use u) -> u.span().file().displayName())
                    .thenComparingInt(u -> u.span().start()));
            return new Bindings(List.copyOf(declared.values()), resolved, List.copyOf(forms.values()));
        }
    }
}
