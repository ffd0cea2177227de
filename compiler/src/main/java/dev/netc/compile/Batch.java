package dev.netc.compile;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.OutputFile;
import dev.netc.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiles many sites in one process: the sites of a fleet (one template and a sites file of
 * parameter values, the template parsed once) or a folder of sites, each with its own specs.
 *
 * <p>Sites are compiled in parallel on a fixed pool of threads. Each site's files are handed to
 * the {@link Output} as soon as they are ready, so a fleet's output is never all in memory at
 * once; the outcomes come back in the order of the sites, so what is reported does not depend
 * on the number of threads or on timing.
 */
public final class Batch {
    /**
     * One site: the name of its output folder, where it is listed (a row of the sites file; null
     * for a site found in a folder), and what to compile.
     */
    public record Site(String name, Span origin, Compiler.Request request, Supplier<Compiler.Loaded> files) {}

    /**
     * A compiled site and what it reported; its files were written when there is no error.
     *
     * @param redactor what the site's diagnostics must not show (its cluster token), found from
     *     its compilation, which is not kept
     */
    public record Outcome(Site site, List<Diagnostic> diagnostics, Redactor redactor) {
        public Outcome {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Where a site's files go; called on the thread that compiled the site. */
    @FunctionalInterface
    public interface Output {
        void write(Site site, List<OutputFile> files) throws IOException;
    }

    private Batch() {}

    /** One site per row of a sites file, all sharing the parsed {@code template}. */
    public static List<Site> fleet(Compiler.Loaded template, List<SitesFile.Row> rows, Compiler.Request base) {
        List<Site> sites = new ArrayList<>(rows.size());
        for (SitesFile.Row row : rows) {
            Map<String, String> params = new LinkedHashMap<>(base.params());
            params.putAll(row.params());
            sites.add(new Site(row.name(), row.span(), base.withParams(params), () -> template));
        }
        return sites;
    }

    /** The names of the {@code param}s the template declares. */
    public static Set<String> declaredParams(Compiler.Loaded template) {
        Set<String> names = new LinkedHashSet<>();
        for (SpecFile file : template.files()) {
            for (Statement statement : file.statements()) {
                if (statement instanceof Statement.Param param) {
                    names.add(param.name().text());
                }
            }
        }
        return names;
    }

    /**
     * The sites in folders: every sub-folder (all its specs compiled together) and every
     * {@code .netspec} file directly inside, named after the folder or the file. Names starting
     * with {@code .} or {@code _} are not sites: {@code _common/} can hold modules the sites import.
     */
    public static List<Site> folders(List<Path> folders, Compiler.Request base, DiagnosticSink sink) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                sink.report(
                        Diagnostic.of(
                                        Code.NS0020,
                                        null,
                                        folder,
                                        Files.exists(folder) ? "not a folder" : "no such folder")
                                .withNote(
                                        "`--batch` compiles each sub-folder and each .netspec file of the folders it is given"));
                continue;
            }
            for (Path entry : siteEntries(folder, sink)) {
                String file = entry.getFileName().toString();
                String name = Files.isDirectory(entry) ? file : file.substring(0, file.length() - ".netspec".length());
                Path previous = byName.putIfAbsent(name, entry);
                if (previous != null) {
                    sink.report(Diagnostic.of(Code.NS1002, null, "site", name)
                            .withNote("both `" + previous + "` and `" + entry + "` would be written to the folder `"
                                    + name + "`"));
                }
            }
        }
        List<Site> sites = new ArrayList<>();
        byName.forEach((name, entry) -> {
            Compiler.Request request = new Compiler.Request(
                    List.of(entry),
                    List.of(),
                    base.root(),
                    base.workingDirectory(),
                    base.params(),
                    base.secrets(),
                    base.emitOptions());
            sites.add(new Site(name, null, request, () -> Compiler.load(request)));
        });
        return sites;
    }

    private static List<Path> siteEntries(Path folder, DiagnosticSink sink) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith(".")
                                && !name.startsWith("_")
                                && (Files.isDirectory(p) || name.endsWith(".netspec") && Files.isRegularFile(p));
                    })
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            sink.report(Diagnostic.of(Code.NS0020, null, folder, "cannot list it: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Compiles every site on {@code threads} threads and writes each one that has no error.
     *
     * @throws IOException when writing a site's output fails; sites still running are stopped
     */
    public static List<Outcome> run(List<Site> sites, int threads, Output output) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "netc-site");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> pending = new ArrayList<>(sites.size());
            for (Site site : sites) {
                pending.add(pool.submit(() -> compile(site, output)));
            }
            List<Outcome> outcomes = new ArrayList<>(sites.size());
            for (Future<Outcome> future : pending) {
                outcomes.add(await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome compile(Site site, Output output) throws IOException {
        Compiler.Result result = Compiler.compile(site.files().get(), site.request());
        if (!result.hasErrors()) {
            output.write(site, result.files());
        }
        return new Outcome(site, result.diagnostics(), Redactor.of(result));
    }

    private static Outcome await(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling sites", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            } else if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            } else if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
