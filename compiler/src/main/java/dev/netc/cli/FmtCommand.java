package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Format;
import dev.netc.format.Formatter;
import dev.netc.format.UnifiedDiff;
import dev.netc.load.SourceReader;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code netc fmt [-w | --check] [--diff] PATH...}: print, rewrite, check or diff files in the canonical layout. */
final class FmtCommand implements Subcommand {
    private static final String STDIN = "-";

    private static final Positional PATHS = Positional.oneOrMore(
            "PATH",
            ValueType.TEXT,
            ".netspec files or folders (searched recursively); `-` reads standard input and writes standard output");
    private static final Option WRITE = Option.flag(
            "rewrite the files that are not formatted (atomically, keeping their mode) and list them", "-w", "--write");
    private static final Option CHECK =
            Option.flag("list the files that are not formatted and exit with 3 if there are any", "--check");
    private static final Option DIFF = Option.flag(
            "show what formatting changes as a unified diff (with --check: instead of the list; with -w: as well)",
            "--diff");
    static final Command COMMAND = Command.named(
                    "fmt",
                    "Format .netspec files in the canonical layout, keeping every comment.",
                    "Without -w, --check or --diff the formatted text is printed. A file with syntax errors is reported and"
                            + " left as it is.")
            .withPositionals(PATHS)
            .withOptions(List.of(WRITE, CHECK, DIFF, CompileOptions.COLOR))
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(Netc.OK, "success"),
                    new ExitCode(Netc.INPUT_ERRORS, "a file cannot be read or has syntax errors"),
                    Netc.USAGE_ERROR,
                    new ExitCode(Netc.STALE, "--check found files that are not formatted")));

    private final List<String> paths;
    private final boolean write;
    private final boolean check;
    private final boolean diff;
    private final String color;
    private final PrintWriter out;
    private final PrintWriter err;

    FmtCommand(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        this.paths = arguments.positional(PATHS);
        this.write = arguments.has(WRITE);
        this.check = arguments.has(CHECK);
        this.diff = arguments.has(DIFF);
        this.color = arguments.value(CompileOptions.COLOR);
        this.out = out;
        this.err = err;
        if (write && check) {
            throw new UsageException("-w and --check cannot be used together");
        }
        if (write && paths.contains(STDIN)) {
            throw new UsageException("-w cannot rewrite standard input");
        }
    }

    @Override
    public int call() {
        List<Diagnostic> problems = new ArrayList<>();
        boolean unformatted = false;
        for (Input input : inputs(problems)) {
            Optional<SourceFile> source = read(input, problems);
            if (source.isEmpty()) {
                continue;
            }
            Formatter.Result result = Formatter.format(source.get());
            problems.addAll(result.diagnostics());
            if (result.text().isEmpty()) {
                continue;
            }
            String formatted = result.text().get();
            boolean changed = !formatted.equals(source.get().text());
            unformatted |= changed;
            if (diff) {
                out.print(UnifiedDiff.of(input.name(), source.get().text(), formatted));
            }
            if (write) {
                // as `terraform fmt` does: the files changed are named, so a hook or a person sees what moved
                if (changed && rewrite(input.path(), formatted, problems) && !diff) {
                    out.println(input.name());
                }
            } else if (check) {
                if (changed && !diff) {
                    out.println(input.name());
                }
            } else if (!diff) {
                out.print(formatted);
            }
        }
        out.flush();
        report(problems, paths.size(), err);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return Netc.INPUT_ERRORS;
        }
        return check && unformatted ? Netc.STALE : Netc.OK;
    }

    /** A file to format, or standard input (path null). */
    private record Input(String name, Path path) {}

    private List<Input> inputs(List<Diagnostic> problems) {
        List<Input> inputs = new ArrayList<>();
        for (String argument : paths) {
            if (argument.equals(STDIN)) {
                inputs.add(new Input("<stdin>", null));
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> specs = walk.filter(p -> p.toString().endsWith(".netspec") && Files.isRegularFile(p))
                            .sorted()
                            .toList();
                    if (specs.isEmpty()) {
                        problems.add(Diagnostic.of(Code.NS0020, null, argument, "the folder holds no .netspec file"));
                    }
                    specs.forEach(p -> inputs.add(new Input(p.toString(), p)));
                } catch (IOException | UncheckedIOException e) {
                    problems.add(Diagnostic.of(Code.NS0020, null, argument, "cannot list it: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                inputs.add(new Input(argument, path));
            } else {
                problems.add(Compiler.noSuchInput(argument));
            }
        }
        return inputs;
    }

    /** Decoded as the compiler decodes files: bytes that are not UTF-8 text are NS0010 at their position. */
    private Optional<SourceFile> read(Input input, List<Diagnostic> problems) {
        try {
            byte[] bytes = input.path() == null ? System.in.readAllBytes() : Files.readAllBytes(input.path());
            DiagnosticSink sink = new DiagnosticSink();
            Optional<SourceFile> source = SourceReader.decode(input.name(), bytes, input.path(), sink);
            problems.addAll(sink.sorted());
            return source;
        } catch (IOException e) {
            problems.add(Diagnostic.of(Code.NS0020, null, input.name(), "cannot read it: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Writes beside the file, then renames over it: the file is never half-written. A link stays
     * a link. False, with the problem, when it cannot.
     */
    private static boolean rewrite(Path file, String text, List<Diagnostic> problems) {
        try {
            Path target = file.toRealPath();
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".netc-fmt");
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                if (view != null) {
                    Files.setPosixFilePermissions(
                            temporary, view.readAttributes().permissions());
                }
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            problems.add(Diagnostic.of(Code.NS0020, null, file, "cannot rewrite it: " + e.getMessage()));
            return false;
        }
    }

    /** With the cluster token masked (see {@link Redactor}): nothing was compiled, the files reported are lexed for it. */
    private void report(List<Diagnostic> problems, int files, PrintWriter err) {
        Redactor redactor = Redactor.of(new Compiler.Loaded(List.of(), Map.of(), problems));
        Format.TEXT.write(
                redactor.apply(new DiagnosticReport(problems, files, 0)), err, CompileOptions.useColor(color));
    }
}
