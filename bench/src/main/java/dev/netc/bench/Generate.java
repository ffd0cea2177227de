package dev.netc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated inputs to files, for the whole-process timings of {@code bench/run.sh}.
 *
 * <pre>
 * large NAMESPACES TIERS FLOWS NODES EXTERNALS FILE
 * sites COUNT FILE
 * pathological long-line|deep-nesting|many-errors|many-syntax-errors SIZE FILE
 * </pre>
 */
public final class Generate {
    private Generate() {}

    public static void main(String[] args) throws IOException {
        String text = switch (args.length == 0 ? "" : args[0]) {
            case "large" ->
                new LargeSpec(
                                Integer.parseInt(args[1]),
                                Integer.parseInt(args[2]),
                                Integer.parseInt(args[3]),
                                Integer.parseInt(args[4]),
                                Integer.parseInt(args[5]))
                        .text();
            case "sites" -> new FleetSites(Integer.parseInt(args[1])).text();
            case "pathological" ->
                Pathological.valueOf(args[1].toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                        .text(Integer.parseInt(args[2]));
            default ->
                throw new IllegalArgumentException("usage: large N T F NODES EXTERNALS FILE | sites COUNT FILE"
                        + " | pathological KIND SIZE FILE");
        };
        Path file = Path.of(args[args.length - 1]);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
