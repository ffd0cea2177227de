package dev.netc.analysis;

import dev.netc.ast.Statement;
import java.util.Map;

/** Where each kind of statement belongs, for "not allowed here" messages. */
final class Placement {
    private static final Map<String, String> BLOCK_HOMES = Map.of(
            "network", "networks are declared at the top level of a file",
            "cluster", "the cluster is declared at the top level of a file",
            "namespace", "namespaces are declared at the top level of a file",
            "node", "nodes are declared inside the `cluster` block",
            "tier", "tiers are declared inside a `namespace` block",
            "canal", "`canal` goes inside the `cluster` block",
            "kube-proxy", "`kube-proxy` goes inside the `cluster` block");

    private Placement() {
    }

    static boolean isKnownBlock(String kind) {
        return BLOCK_HOMES.containsKey(kind);
    }

    static String describe(Statement statement) {
        if (statement instanceof Statement.Import) {
            return "`import`";
        } else if (statement instanceof Statement.Param) {
            return "`param`";
        } else if (statement instanceof Statement.External) {
            return "`external`";
        } else if (statement instanceof Statement.PortConstant) {
            return "a port constant";
        } else if (statement instanceof Statement.Allow) {
            return "`allow`";
        } else if (statement instanceof Statement.Pods) {
            return "`pods`";
        } else if (statement instanceof Statement.Labels) {
            return "`labels`";
        } else if (statement instanceof Statement.Rke2) {
            return "an `rke2` block";
        } else if (statement instanceof Statement.Block block) {
            return "a `" + block.kind().text() + "` block";
        }
        return "a property";
    }

    static String where(Statement statement) {
        if (statement instanceof Statement.Block block) {
            return BLOCK_HOMES.getOrDefault(block.kind().text(), "");
        } else if (statement instanceof Statement.Import || statement instanceof Statement.Param) {
            return "imports and parameters are written at the top level of a file";
        } else if (statement instanceof Statement.External || statement instanceof Statement.PortConstant) {
            return "externals and port constants are declared at the top level of a file";
        } else if (statement instanceof Statement.Allow) {
            return "flows are written at the top level or inside a `namespace` block";
        } else if (statement instanceof Statement.Pods) {
            return "`pods` selects the pods of a `tier`";
        } else if (statement instanceof Statement.Labels) {
            return "`labels` sets the labels of a `namespace`";
        } else if (statement instanceof Statement.Rke2) {
            return "`rke2 { }` goes inside the `cluster` block or a `node` block";
        }
        return "";
    }
}
