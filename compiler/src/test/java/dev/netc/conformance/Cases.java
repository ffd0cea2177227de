package dev.netc.conformance;

import com.google.gson.GsonBuilder;
import dev.netc.compile.Compiler;
import dev.netc.emit.OutputFile;
import dev.netc.model.Cluster;
import dev.netc.model.Node;
import dev.netc.net.IpAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compile's output as a case of the harness: the files under {@code out/}, and in
 * {@code env.json} the machines the spec describes (each node's interfaces, their addresses and the
 * MTU of the network they are on), which checks such as flannel's MTU need.
 */
final class Cases {
    private Cases() {}

    static Path write(Path dir, Compiler.Result result) {
        try {
            for (OutputFile file : result.files()) {
                Path target = dir.resolve("out").resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("env.json"), environment(result), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String environment(Compiler.Result result) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Node node : result.model().cluster().map(Cluster::nodes).orElse(List.of())) {
            List<Map<String, Object>> interfaces = node.interfaces().stream()
                    .map(i -> Map.<String, Object>of(
                            "name", i.name(),
                            "addresses",
                                    i.addresses().stream()
                                            .map(IpAddress::toString)
                                            .toList(),
                            "mtu", i.network().mtu().orElse(0)))
                    .toList();
            nodes.put(node.name(), Map.of("interfaces", interfaces));
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(Map.of("nodes", nodes));
    }
}
