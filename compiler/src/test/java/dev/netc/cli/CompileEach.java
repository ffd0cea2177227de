package dev.netc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * `netc compile` once per spec of a folder, in one process: what DeterminismProcessTest runs
 * under each locale and time zone, so that each setting costs one JVM start rather than one
 * per example. Arguments: the folder of specs and the folder to write each output into (one
 * subfolder per spec). Exits non-zero if any compilation fails.
 */
public final class CompileEach {
    private CompileEach() {}

    public static void main(String[] args) throws IOException {
        Path outputs = Path.of(args[1]);
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            specs = files.filter(p -> p.toString().endsWith(".netspec"))
                    .sorted()
                    .toList();
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int failures = 0;
        for (Path spec : specs) {
            String name = spec.getFileName().toString().replace(".netspec", "");
            failures += Netc.run(
                                    new String[] {
                                        "compile",
                                        spec.toString(),
                                        "-o",
                                        outputs.resolve(name).toString()
                                    },
                                    out,
                                    err)
                            == 0
                    ? 0
                    : 1;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
