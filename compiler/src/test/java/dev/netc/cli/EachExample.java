package dev.netc.cli;

import dev.netc.examples.Examples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One netc command run on every example in one process, for tests that need an environment
 * of their own (one JVM start rather than one per example). Arguments: the command, with
 * {@code SPEC} standing for the example and {@code OUT} for a folder of its own under the
 * first argument. Prints {@code <example> exit <code>} per example after what netc printed.
 */
public final class EachExample {
    private EachExample() {}

    public static void main(String[] args) {
        Path outputs = Path.of(args[0]);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        List<String> exits = new ArrayList<>();
        for (Path example : Examples.all()) {
            List<String> command = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                command.add(
                        args[i].equals("SPEC")
                                ? example.toString()
                                : args[i].equals("OUT")
                                        ? outputs.resolve(Examples.name(example))
                                                .toString()
                                        : args[i]);
            }
            exits.add(Examples.name(example) + " exit " + Netc.run(command.toArray(String[]::new), out, err));
        }
        exits.forEach(out::println);
    }
}
