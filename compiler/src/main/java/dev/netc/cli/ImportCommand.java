package dev.netc.cli;

import dev.netc.analysis.SecretSource;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Format;
import dev.netc.emit.Emitter;
import dev.netc.evaluator.Manifests;
import dev.netc.format.Formatter;
import dev.netc.importer.Equivalence;
import dev.netc.importer.PolicyImport;
import dev.netc.load.SourceReader;
import dev.netc.query.EmittedPolicies;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code netc import FILE.yaml|FOLDER... [-o spec.netspec]}: hand-written Namespaces and
 * NetworkPolicies to netspec, then the proof that the spec's emitted policies allow exactly what the
 * YAML allows.
 */
final class ImportCommand implements Subcommand {
    static final int DIFFERENT = 1;
    /** How many differences are printed; the count says how many there are in all. */
    private static final int SHOWN = 20;

    private static final Positional PATHS = Positional.oneOrMore(
            "PATH", ValueType.TEXT, "YAML files, or folders searched recursively for .yaml and .yml files");
    private static final Option OUTPUT =
            Option.value("FILE", ValueType.PATH, "write the spec there instead of standard output", "-o", "--output");
    static final Command COMMAND = Command.named(
                    "import",
                    "Turn hand-written Namespaces and NetworkPolicies into netspec, and prove both allow the same.",
                    "",
                    "Each policy's pods become a tier isolated in its policyTypes, each rule a one-sided flow; what "
                            + "netspec cannot say is reported with its file and line and left out. Then the spec is "
                            + "compiled and both policy sets are evaluated on a universe derived from every selector and "
                            + "address in either, for every pair and port: `equivalent`, or each difference as a probe.",
                    "",
                    "Example: netc import policies/ -o site.netspec")
            .withPositionals(PATHS)
            .withOptions(List.of(OUTPUT, CompileOptions.COLOR))
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(Netc.OK, "imported and proved equivalent"),
                    new ExitCode(
                            DIFFERENT,
                            "the input cannot all be read or said in netspec, or the spec allows something else"),
                    Netc.USAGE_ERROR));

    private final List<String> paths;
    private final Path output;
    private final boolean color;
    private final PrintWriter out;
    private final PrintWriter err;

    ImportCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.paths = arguments.positional(PATHS);
        this.output = arguments.has(OUTPUT) ? arguments.path(OUTPUT) : null;
        this.color = CompileOptions.useColor(arguments.value(CompileOptions.COLOR));
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() {
        List<Diagnostic> problems = new ArrayList<>();
        List<SourceFile> files = read(problems);
        PolicyImport.Result imported = PolicyImport.of(files);
        problems.addAll(imported.diagnostics());
        String name = output == null ? "imported.netspec" : output.getFileName().toString();
        Optional<String> spec =
                Formatter.format(new SourceFile(name, imported.spec())).text();
        if (spec.isEmpty()) { // the import wrote text netspec cannot parse: a bug of the import
            throw new IllegalStateException("netc import wrote a spec that does not parse:\n" + imported.spec());
        }
        boolean written = write(spec.get(), problems);
        Compiler.Result compiled = compile(name, spec.get());
        report(problems, files.size());
        PrintWriter verdict = output == null ? err : out; // the spec itself may be on standard output
        if (compiled.hasErrors()) {
            verdict.println("the imported spec does not compile:");
            verdict.flush();
            Format.TEXT.write(new DiagnosticReport(compiled.diagnostics(), 1, 0), err, color);
            return DIFFERENT;
        }
        Manifests emitted = EmittedPolicies.read(compiled.files());
        Equivalence.Outcome outcome = Equivalence.compare(imported.original(), emitted);
        boolean clean = written && problems.stream().noneMatch(d -> d.isError() || d.code() == Code.NS1053);
        if (outcome.equivalent()) {
            // what could not be read is in neither set: the proof covers what was
            verdict.println((clean ? "equivalent: " : "equivalent, for what could be read: ")
                    + imported.original().policies().size() + " policies, " + outcome.endpoints() + " endpoints, "
                    + outcome.probes() + " probes");
        } else {
            verdict.println(
                    "not equivalent: " + outcome.differences().size() + " of " + outcome.probes() + " probes differ");
            outcome.differences().stream()
                    .limit(SHOWN)
                    .forEach(d -> verdict.println("  " + d.describe("the YAML", "the spec")));
            if (outcome.differences().size() > SHOWN) {
                verdict.println("  ... and " + (outcome.differences().size() - SHOWN) + " more");
            }
        }
        verdict.flush();
        return outcome.equivalent() && clean ? Netc.OK : DIFFERENT;
    }

    /** The YAML files named, and those found in folders, sorted; each decoded as UTF-8 text. */
    private List<SourceFile> read(List<Diagnostic> problems) {
        List<SourceFile> files = new ArrayList<>();
        for (String argument : paths) {
            Path path = Path.of(argument);
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".yaml")
                                    || p.toString().endsWith(".yml"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .forEach(found::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(Diagnostic.of(Code.NS0020, null, argument, "cannot list it: " + e.getMessage()));
                }
                if (found.isEmpty()) {
                    problems.add(Diagnostic.of(Code.NS0020, null, argument, "the folder holds no .yaml file"));
                }
            } else if (Files.isRegularFile(path)) {
                found.add(path);
            } else {
                problems.add(Compiler.noSuchInput(argument));
            }
            for (Path file : found) {
                try {
                    DiagnosticSink sink = new DiagnosticSink();
                    SourceReader.decode(file.toString(), Files.readAllBytes(file), file, sink)
                            .ifPresent(files::add);
                    problems.addAll(sink.sorted());
                } catch (IOException e) {
                    problems.add(Diagnostic.of(Code.NS0020, null, file, "cannot read it: " + e.getMessage()));
                }
            }
        }
        return files;
    }

    private boolean write(String spec, List<Diagnostic> problems) {
        if (output == null) {
            out.print(spec);
            out.flush();
            return true;
        }
        try {
            Files.writeString(output, spec, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            problems.add(Diagnostic.of(Code.NS0020, null, output, "cannot write it: " + e.getMessage()));
            return false;
        }
    }

    /** The spec as `netc check` compiles it, without a token (the spec has no cluster block). */
    private static Compiler.Result compile(String name, String spec) {
        Path here = Path.of("").toAbsolutePath();
        return Compiler.compile(new Compiler.Request(
                List.of(),
                List.of(new SourceFile(name, spec)),
                here,
                here,
                Map.of(),
                SecretSource.of(Map.of()),
                Emitter.Options.DEFAULT));
    }

    private void report(List<Diagnostic> problems, int files) {
        if (!problems.isEmpty()) {
            Format.TEXT.write(new DiagnosticReport(problems, files, 0), err, color);
            err.flush();
        }
    }
}
