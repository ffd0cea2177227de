package dev.netc.load;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.parse.SpecParser;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the files of a compilation: the entry files and, transitively, what they import.
 *
 * <p>{@code import "std/ports"} names a module of the standard library shipped in the jar;
 * any other import is a path relative to the importing file ({@code .netspec} may be left
 * out), and must stay inside the project root. Each module is parsed once.
 */
public final class ModuleLoader {
    private static final String STDLIB_PREFIX = "std/";

    private final Path root;
    private final Path workingDirectory;
    private final long maxFileBytes;
    private final DiagnosticSink sink;
    private final Map<String, SpecFile> loaded = new LinkedHashMap<>();
    /** The files whose imports are being followed, the entry first: a cycle is an import of one of them. */
    private final List<Loading> stack = new ArrayList<>();
    /** The keys of {@link #stack}, for a quick look-up on every import. */
    private final Set<String> keysOnStack = new HashSet<>();
    /** Where each import led: the span of its path → the file it loaded (or found loaded). */
    private final Map<Span, SourceFile> importTargets = new LinkedHashMap<>();

    /**
     * @param root the project root: imports may not leave it
     * @param maxFileBytes a larger file is refused unread
     */
    public ModuleLoader(Path root, Path workingDirectory, long maxFileBytes, DiagnosticSink sink) {
        this.root = root.toAbsolutePath().normalize();
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
        this.sink = sink;
    }

    /** Loads an entry file from disk. */
    public void loadFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        String key = absolute.toString();
        if (!loaded.containsKey(key)) {
            readAndLoad(key, absolute);
        }
    }

    /** Loads an entry given as text (tests, standard input). */
    public void loadSource(SourceFile source) {
        load(source.displayName(), source);
    }

    /** Every loaded file: entries in the order given, each followed by what it imports first. */
    public List<SpecFile> files() {
        return List.copyOf(loaded.values());
    }

    /** The file each import statement loaded, by the span of its path: imports that failed are absent. */
    public Map<Span, SourceFile> importTargets() {
        return Map.copyOf(importTargets);
    }

    /** A file that is too large or not text is loaded as an empty file: reported once, and imported at most once. */
    private void readAndLoad(String key, Path file) throws IOException {
        read(file).ifPresentOrElse(source -> load(key, source), () -> loadEmpty(key, file));
    }

    /** An imported file: read, parsed and put on the stack, its own imports followed by {@link #load}'s loop. */
    private void readTarget(String key, Path file) throws IOException {
        read(file).ifPresentOrElse(source -> open(key, source), () -> loadEmpty(key, file));
    }

    private Optional<SourceFile> read(Path file) throws IOException {
        return SourceReader.read(file, displayName(file), maxFileBytes, sink);
    }

    private void loadEmpty(String key, Path file) {
        loaded.put(key, new SpecFile(new SourceFile(displayName(file), "", file), List.of()));
    }

    /**
     * Parses a file and, depth first, what it imports. The files being loaded are a stack of
     * their own (each with the imports still to follow) rather than the thread's: a chain of
     * thousands of imports must not overflow it.
     */
    private void load(String key, SourceFile source) {
        int bottom = stack.size();
        open(key, source);
        while (stack.size() > bottom) {
            Loading top = stack.get(stack.size() - 1);
            if (top.imports.hasNext()) {
                resolveImport(top.imports.next(), top.source);
            } else {
                keysOnStack.remove(stack.remove(stack.size() - 1).key);
            }
        }
    }

    /** Parses a file and puts it on the stack, to have its imports followed. */
    private void open(String key, SourceFile source) {
        SpecFile file = SpecParser.parse(source, sink);
        loaded.put(key, file);
        List<Statement.Import> imports = new ArrayList<>();
        for (Statement statement : file.statements()) {
            if (statement instanceof Statement.Import importStatement) {
                imports.add(importStatement);
            }
        }
        stack.add(new Loading(key, source, imports.iterator()));
        keysOnStack.add(key);
    }

    /** A file whose imports are being followed. */
    private record Loading(String key, SourceFile source, Iterator<Statement.Import> imports) {}

    private int indexOnStack(String key) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).key.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private boolean onStack(String key) {
        return keysOnStack.contains(key);
    }

    private void resolveImport(Statement.Import statement, SourceFile from) {
        if (!statement.path().isPlain()) {
            sink.report(Diagnostic.of(
                    Code.NS2009, statement.path().span(), "a plain module path", "an interpolated string"));
            return;
        }
        String path = statement.path().plainText();
        if (path.startsWith(STDLIB_PREFIX)) {
            importStdlib(statement, path);
            return;
        }
        Path base = from.path().map(Path::getParent).orElse(workingDirectory);
        Path target = base.resolve(path.endsWith(".netspec") ? path : path + ".netspec")
                .toAbsolutePath()
                .normalize();
        if (Path.of(path).isAbsolute() || !target.startsWith(root) || escapesThroughLink(target)) {
            sink.report(Diagnostic.of(Code.NS1010, statement.path().span(), path)
                    .withNote("the project root is `" + displayName(root) + "`; pass `--root` to widen it"));
            return;
        }
        String key = target.toString();
        recordTarget(statement, key);
        if (onStack(key)) {
            List<String> cycle = new ArrayList<>();
            for (Loading loading : stack.subList(indexOnStack(key), stack.size())) {
                cycle.add(loading.key);
            }
            cycle.add(key);
            sink.report(Diagnostic.of(
                    Code.NS1004,
                    statement.span(),
                    "import",
                    String.join(
                            " -> ",
                            cycle.stream().map(k -> displayName(Path.of(k))).toList())));
            return;
        }
        if (loaded.containsKey(key)) {
            return;
        }
        if (!Files.isRegularFile(target)) {
            sink.report(Diagnostic.of(Code.NS1003, statement.path().span(), path)
                    .withLabel("no such file")
                    .withNote("looked for `" + displayName(target) + "`"));
            return;
        }
        try {
            readTarget(key, target);
            recordTarget(statement, key);
        } catch (IOException e) {
            sink.report(Diagnostic.of(Code.NS1003, statement.path().span(), path)
                    .withNote("cannot read it: " + e.getMessage()));
        }
    }

    private void recordTarget(Statement.Import statement, String key) {
        SpecFile file = loaded.get(key);
        if (file != null) {
            importTargets.put(statement.path().span(), file.source());
        }
    }

    /** True when a symbolic link on the way leads outside the root. */
    private boolean escapesThroughLink(Path target) {
        try {
            return Files.exists(target) && !target.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void importStdlib(Statement.Import statement, String path) {
        String key = path;
        if (loaded.containsKey(key) || onStack(key)) {
            recordTarget(statement, key);
            return;
        }
        Optional<String> text = StdlibSources.text(path.substring(STDLIB_PREFIX.length()));
        if (text.isEmpty()) {
            Diagnostic missing =
                    Diagnostic.of(Code.NS1003, statement.path().span(), path).withLabel("not in the standard library");
            sink.report(dev.netc.analysis.Suggest.didYouMean(
                            missing,
                            path,
                            StdlibSources.NAMES.stream()
                                    .map(m -> STDLIB_PREFIX + m)
                                    .toList())
                    .orElse(missing.withNote("standard modules: "
                            + String.join(
                                    ", ",
                                    StdlibSources.NAMES.stream()
                                            .map(m -> STDLIB_PREFIX + m)
                                            .toList()))));
            return;
        }
        open(key, new SourceFile(path + ".netspec", text.get()));
        recordTarget(statement, key);
    }

    private String displayName(Path absolute) {
        Path relative = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        String text = relative.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
