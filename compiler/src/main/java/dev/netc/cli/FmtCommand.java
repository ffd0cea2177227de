package dev.netc.cli;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.load.SourceReader;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Format;
import dev.netc.format.Formatter;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc fmt [-w | --check] PATH...}: print, rewrite or check files in the canonical layout. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Format .netspec files in the canonical layout, keeping every comment.",
            "Without -w or --check the formatted text is printed. A file with syntax errors is reported and left as it is."})
final class FmtCommand implements Callable<Integer> {
    private static final String STDIN = "-";

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = ".netspec files or folders (searched recursively); `-` reads standard input and writes standard output")
    List<String> paths;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = {"-w", "--write"}, description = "rewrite the files that are not formatted (atomically, keeping their mode)")
        boolean write;

        @Option(names = "--check", description = "list the files that are not formatted and exit with 3 if there are any")
        boolean check;
    }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour diagnostics: auto (default), always, never")
    String color;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mode.write && paths.contains(STDIN)) {
            err.println("netc fmt: -w cannot rewrite standard input");
            return Netc.USAGE;
        }
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
            if (mode.check) {
                if (changed) {
                    out.println(input.name());
                }
            } else if (mode.write) {
                if (changed) {
                    rewrite(input.path(), formatted, problems);
                }
            } else {
                out.print(formatted);
            }
        }
        out.flush();
        report(problems, paths.size(), err);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return Netc.INPUT_ERRORS;
        }
        return mode.check && unformatted ? Netc.STALE : Netc.OK;
    }

    /** A file to format, or standard input (path null). */
    private record Input(String name, Path path) {
    }

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
                    walk.filter(p -> p.toString().endsWith(".netspec") && Files.isRegularFile(p)).sorted()
                            .forEach(p -> inputs.add(new Input(p.toString(), p)));
                } catch (IOException | UncheckedIOException e) {
                    problems.add(Diagnostic.of(Code.NS1003, null, argument).withNote("cannot list it: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                inputs.add(new Input(argument, path));
            } else {
                problems.add(Diagnostic.of(Code.NS1003, null, argument).withLabel("no such file or folder"));
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
            problems.add(Diagnostic.of(Code.NS1003, null, input.name()).withNote("cannot read it: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Writes beside the file, then renames over it: the file is never half-written. A link stays a link. */
    private static void rewrite(Path file, String text, List<Diagnostic> problems) {
        try {
            Path target = file.toRealPath();
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".netc-fmt");
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                if (view != null) {
                    Files.setPosixFilePermissions(temporary, view.readAttributes().permissions());
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
        } catch (IOException e) {
            problems.add(Diagnostic.of(Code.NS1003, null, file).withNote("cannot rewrite it: " + e.getMessage()));
        }
    }

    private void report(List<Diagnostic> problems, int files, PrintWriter err) {
        Format.TEXT.write(new DiagnosticReport(problems, files, 0), err, CompileOptions.useColor(color));
    }
}
