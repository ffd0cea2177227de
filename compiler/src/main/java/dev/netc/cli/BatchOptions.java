package dev.netc.cli;

import dev.netc.analysis.Labels;
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
import dev.netc.gitops.FleetBundle;
import dev.netc.gitops.GitOpsLayout;
import dev.netc.gitops.KustomizeOverlay;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    static final Option FLEET = Option.value(
            "DIR",
            ValueType.PATH,
            "also write each site's policies as a Rancher Fleet bundle, DIR/<site>/fleet.yaml, deployed to the"
                    + " cluster labelled with the site's name; the servers then no longer apply them",
            "--fleet");
    static final Option KUSTOMIZE = Option.value(
            "DIR",
            ValueType.PATH,
            "also write each site's policies as a Kustomize directory, DIR/<site>/kustomization.yaml, for Argo CD"
                    + " or Flux; the servers then no longer apply them",
            "--kustomize");
    static final Option SITE_LABEL = Option.value(
            "KEY",
            ValueType.TEXT,
            "the cluster label whose value is the site's name, which a Fleet bundle selects its cluster by"
                    + " (default: " + FleetBundle.DEFAULT_SITE_LABEL + ")",
            "--site-label");
    static final List<Option> OPTIONS = List.of(SITES, BATCH, JOBS, FLEET, KUSTOMIZE, SITE_LABEL);

    private final Path sitesFile;
    private final boolean folders;
    private final Integer jobs;
    /** Where each GitOps layout asked for is written. */
    private final Map<GitOpsLayout, Path> gitOps;

    private final boolean siteLabel;

    private BatchOptions(
            Path sitesFile, boolean folders, Integer jobs, Map<GitOpsLayout, Path> gitOps, boolean siteLabel) {
        this.sitesFile = sitesFile;
        this.folders = folders;
        this.jobs = jobs;
        this.gitOps = gitOps;
        this.siteLabel = siteLabel;
    }

    static BatchOptions of(Arguments arguments) {
        Map<GitOpsLayout, Path> gitOps = new LinkedHashMap<>();
        if (arguments.path(FLEET) != null) {
            String siteLabel = arguments.value(SITE_LABEL);
            gitOps.put(
                    new FleetBundle(siteLabel != null ? siteLabel : FleetBundle.DEFAULT_SITE_LABEL),
                    arguments.path(FLEET));
        }
        if (arguments.path(KUSTOMIZE) != null) {
            gitOps.put(new KustomizeOverlay(), arguments.path(KUSTOMIZE));
        }
        return new BatchOptions(
                arguments.path(SITES),
                arguments.has(BATCH),
                arguments.integer(JOBS),
                gitOps,
                arguments.has(SITE_LABEL));
    }

    boolean requested() {
        return sitesFile != null || folders;
    }

    /** Whether a GitOps engine delivers the policies: then the servers do not place them. */
    boolean gitOps() {
        return !gitOps.isEmpty();
    }

    /** Refuses GitOps options that cannot work: without a batch, or a site label that is not a label key. */
    void checkGitOps() throws UsageException {
        Optional<String> alone = requested()
                ? Optional.empty()
                : gitOps.keySet().stream().map(GitOpsLayout::option).findFirst();
        if (alone.isPresent()) {
            throw new UsageException(
                    "`" + alone.get() + "` writes a folder per site: use it with `--sites FILE` or `--batch`");
        }
        Optional<FleetBundle> fleet = gitOps.keySet().stream()
                .filter(FleetBundle.class::isInstance)
                .map(FleetBundle.class::cast)
                .findFirst();
        if (siteLabel && fleet.isEmpty()) {
            throw new UsageException("`--site-label` names the label a Fleet bundle selects by: use it with `--fleet`");
        }
        if (fleet.isPresent()) {
            String key = fleet.get().siteLabel();
            Optional<String> problem = Labels.keyProblem(key);
            if (problem.isPresent()) {
                throw new UsageException("`--site-label " + key + "` is not a label key: " + problem.get());
            }
        }
    }

    int compile(CompileOptions options, Path output, Emitter.Options emitOptions, PrintWriter err)
            throws IOException, UsageException {
        if (sitesFile != null && folders) {
            throw new UsageException("`--sites` and `--batch` cannot be used together");
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("`--jobs` needs a number of at least 1, found " + jobs);
        }
        checkSeparateFolders(output);
        Compiler.Request base = options.requestForOutput(emitOptions);
        DiagnosticSink sink = new DiagnosticSink();
        Compiler.Loaded template = sitesFile != null ? Compiler.load(base) : null;
        List<Batch.Site> sites =
                template != null ? fleet(template, base, sink) : Batch.folders(options.inputs, base, sink);
        checkSiteNames(sites, sink);
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
        try (OutputWriter.SiteFolders siteFolders = OutputWriter.openSites(output);
                GitOpsTrees trees = GitOpsTrees.open(gitOps)) {
            outcomes = Batch.run(sites, threads, (site, files) -> {
                siteFolders.write(site.name(), files);
                trees.write(site.name(), files);
            });
        }
        report.print(global, redactor, outcomes);
        return outcomes.stream().anyMatch(Batch.Outcome::hasErrors) ? Netc.INPUT_ERRORS : Netc.OK;
    }

    /**
     * The output folder and each GitOps tree are folders of sites of their own: one inside another
     * would take a tree for a site, and the trees are meant to be committed, the node files (with
     * the cluster token) not.
     */
    private void checkSeparateFolders(Path output) throws UsageException {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("-o", output);
        gitOps.forEach((layout, dir) -> folders.put(layout.option(), dir));
        List<Map.Entry<String, Path>> entries = List.copyOf(folders.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Path a = entries.get(i).getValue().toAbsolutePath().normalize();
                Path b = entries.get(j).getValue().toAbsolutePath().normalize();
                if (a.startsWith(b) || b.startsWith(a)) {
                    throw new UsageException("`" + entries.get(i).getKey() + " "
                            + entries.get(i).getValue() + "` and `"
                            + entries.get(j).getKey() + " " + entries.get(j).getValue()
                            + "` need folders apart: neither inside the other");
                }
            }
        }
    }

    /** A site whose name cannot name its folder in a GitOps tree is a problem of the run: nothing is written. */
    private void checkSiteNames(List<Batch.Site> sites, DiagnosticSink sink) {
        for (GitOpsLayout layout : gitOps.keySet()) {
            for (Batch.Site site : sites) {
                layout.siteNameProblem(site.name())
                        .ifPresent(problem -> sink.report(
                                Diagnostic.of(Code.NS1032, site.origin(), site.name(), layout.option(), problem)));
            }
        }
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
