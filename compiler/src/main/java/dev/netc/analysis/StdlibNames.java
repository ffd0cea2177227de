package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.load.StdlibSources;
import dev.netc.parse.SpecParser;
import dev.netc.source.SourceFile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which standard module declares a name (a namespace, a tier as {@code ns.tier}, an external, a
 * port constant), for the help of NS1001: a spec that names {@code kube-system} without importing
 * {@code std/kube-system} is told to import it rather than to declare the namespace itself. Read
 * from the modules' text the first time it is asked, which only a spec with an error does.
 */
final class StdlibNames {
    private static Map<String, String> modules;

    private StdlibNames() {}

    /** The help for a name a standard module declares: {@code add `import "std/kube-system"`}. */
    static Optional<String> importHelp(String name) {
        return Optional.ofNullable(modules().get(name))
                .map(module -> "`" + name + "` is declared in `" + module + "`: add `import \"" + module + "\"`");
    }

    private static synchronized Map<String, String> modules() {
        if (modules == null) {
            Map<String, String> declared = new HashMap<>();
            for (String module : StdlibSources.NAMES) {
                String path = "std/" + module;
                SourceFile source =
                        new SourceFile(path, StdlibSources.text(module).orElseThrow());
                for (Statement statement :
                        SpecParser.parse(source, new DiagnosticSink()).statements()) {
                    record(statement, path, declared);
                }
            }
            modules = Map.copyOf(declared);
        }
        return modules;
    }

    private static void record(Statement statement, String module, Map<String, String> declared) {
        if (statement instanceof Statement.External external) {
            declared.putIfAbsent(external.name().text(), module);
        } else if (statement instanceof Statement.PortConstant port) {
            declared.putIfAbsent(port.name().text(), module);
        } else if (statement instanceof Statement.Block block
                && block.kind().text().equals("namespace")
                && block.label() instanceof Value.Word namespace) {
            declared.putIfAbsent(namespace.text(), module);
            for (Statement inner : block.body()) {
                if (inner instanceof Statement.Block tier
                        && tier.kind().text().equals("tier")
                        && tier.label() instanceof Value.Word tierName) {
                    declared.putIfAbsent(namespace.text() + "." + tierName.text(), module);
                }
            }
        }
    }
}
