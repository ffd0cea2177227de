package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.vocabulary.BlockKind;
import dev.netc.vocabulary.NetspecVocabulary;
import dev.netc.vocabulary.StatementKind;

/** Where each kind of statement belongs, for "not allowed here" messages: the vocabulary's homes. */
final class Placement {
    private Placement() {}

    static boolean isKnownBlock(String kind) {
        return NetspecVocabulary.block(kind) != null;
    }

    /** The word a statement starts with: its keyword, a block's kind, a property's key. */
    static String keyword(Statement statement) {
        if (statement instanceof Statement.Import) {
            return "import";
        } else if (statement instanceof Statement.Param) {
            return "param";
        } else if (statement instanceof Statement.External) {
            return "external";
        } else if (statement instanceof Statement.PortConstant) {
            return "port";
        } else if (statement instanceof Statement.Allow) {
            return "allow";
        } else if (statement instanceof Statement.Expect) {
            return "expect";
        } else if (statement instanceof Statement.Pods) {
            return "pods";
        } else if (statement instanceof Statement.Labels) {
            return "labels";
        } else if (statement instanceof Statement.Rke2) {
            return "rke2";
        } else if (statement instanceof Statement.Block block) {
            return block.kind().text();
        }
        return ((Statement.Property) statement).key().text();
    }

    static String describe(Statement statement) {
        if (statement instanceof Statement.Block block) {
            return "a `" + block.kind().text() + "` block";
        }
        StatementKind kind = statementKind(statement);
        return kind == null ? "a property" : kind.description();
    }

    static String where(Statement statement) {
        if (statement instanceof Statement.Block block) {
            BlockKind kind = NetspecVocabulary.block(block.kind().text());
            return kind == null ? "" : kind.home();
        }
        StatementKind kind = statementKind(statement);
        return kind == null ? "" : kind.home();
    }

    /** The vocabulary's statement of its own syntax; null for a property. */
    private static StatementKind statementKind(Statement statement) {
        return statement instanceof Statement.Property ? null : NetspecVocabulary.statement(keyword(statement));
    }
}
