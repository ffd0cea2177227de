package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Batch;
import dev.netc.compile.Compiler;
import dev.netc.compile.Redactor;
import dev.netc.compile.SitesFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code netc compile} that compile many sites in one run, each into its own
 * folder {@code DIR/<site>/} (see {@link Batch}). A site with errors leaves its folder as it
 * was and makes the run exit 1; the other sites are still written. A problem of the run itself
 * (a broken sites file, a template that does not parse) writes nothing.
 */
final class BatchOptions {
    static final Option SITES = Option.value(
            "FILE",
            ValueType.PATH,
            "compile the spec once per row of FILE (a header row, then one site a row: its name and the values"
                    + " of its parameters, comma-separated) into DIR/<site>/",
            "--sites");
    static final Option BATCH = Option.flag(
            "each PATH is a folder of sites: every sub-folder and every .netspec file in it is compiled on its own"
                    + " into DIR/<name>/",
            "--batch");
    static final Option JOBS = Option.value(
            "N",
            ValueType.INTEGER,
            "sites compiled at the same time with --sites or --batch (default: the number of processors)",
            "-j",
            "--jobs");
    static final List<Option> OPTIONS = List.of(SITES, BATCH, JOBS);

    private final Path sitesFile;
    private final boolean folders;
    private final Integer jobs;

    private BatchOptions(Path sitesFile, boolean folders, Integer jobs) {
        this.sitesFile = sitesFile;
        this.folders = folders;
        this.jobs = jobs;
    }

    static BatchOptions of(Arguments arguments) {
        return new BatchOptions(arguments.path(SITES), arguments.has(BATCH), arguments.integer(JOBS));
    }

    boolean requested() {
        return sitesFile != null || folders;
    }

    int compile(CompileOptions options, Path output, Emitter.Options emitOptions, PrintWriter err)
            throws IOException, UsageException {
        if (sitesFile != null && folders) {
            throw new UsageException("`--sites` and `--batch` cannot be used together");
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("`--jobs` needs a number of at least 1, found " + jobs);
        }
        Compiler.Request base = options.requestForOutput(emitOptions);
        DiagnosticSink sink = new DiagnosticSink();
        Compiler.Loaded template = sitesFile != null ? Compiler.load(base) : null;
        List<Batch.Site> sites =
                template != null ? fleet(template, base, sink) : Batch.folders(options.inputs, base, sink);
        // the problems of the run itself: a template's are masked as a compile of it masks them
        List<Diagnostic> global = sink.sorted();
        Redactor redactor =
                Redactor.of(new Compiler.Loaded(template != null ? template.files() : List.of(), Map.of(), global));
        SiteReport report = new SiteReport(CompileOptions.useColor(options.color), err);
        if (sink.hasErrors()) {
            report.print(global, redactor, List.of());
            return Netc.INPUT_ERRORS;
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        List<Batch.Outcome> outcomes;
        try (OutputWriter.SiteFolders siteFolders = OutputWriter.openSites(output)) {
            outcomes = Batch.run(sites, threads, (site, files) -> siteFolders.write(site.name(), files));
        }
        report.print(global, redactor, outcomes);
        return outcomes.stream().anyMatch(Batch.Outcome::hasErrors) ? Netc.INPUT_ERRORS : Netc.OK;
    }

    /** One site per row of the sites file, sharing the template parsed once; none when either is broken. */
    private List<Batch.Site> fleet(Compiler.Loaded template, Compiler.Request base, DiagnosticSink sink) {
        if (template.hasErrors()) {
            template.diagnostics().forEach(sink::report);
            return List.of();
        }
        Path path = sitesFile.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            sink.report(Diagnostic.of(Code.NS1030, null, sitesFile, "cannot read it")
                    .withNote(String.valueOf(e.getMessage())));
            return List.of();
        }
        SourceFile source = new SourceFile(sitesFile.toString().replace('\\', '/'), text, path);
        List<SitesFile.Row> rows = SitesFile.parse(source, Batch.declaredParams(template), sink);
        return Batch.fleet(template, rows, base);
    }
}
