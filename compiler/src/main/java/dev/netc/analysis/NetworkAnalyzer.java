package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Network;
import dev.netc.net.Cidr;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** {@code network data { cidr 192.168.1.0/24; mtu 9000 }} */
final class NetworkAnalyzer {
    private final Values values;
    private final DiagnosticSink sink;

    NetworkAnalyzer(Values values, DiagnosticSink sink) {
        this.values = values;
        this.sink = sink;
    }

    Network analyze(Name name, Statement.Block block) {
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.NETWORK, sink);
        List<Cidr> cidrs = new ArrayList<>();
        reader.property("cidr").ifPresent(property -> {
            for (List<Value> group : property.groups()) {
                group.forEach(value -> values.cidr(value).ifPresent(cidrs::add));
            }
        });
        OptionalInt mtu = Properties.integer(reader.property("mtu"), values, sink, "an MTU", 68, 65535);
        // diagnostics about the network's addresses point at its `cidr` line
        return new Network(
                name.text(),
                cidrs,
                mtu,
                reader.property("cidr").map(Statement.Property::span).orElse(block.span()));
    }
}
