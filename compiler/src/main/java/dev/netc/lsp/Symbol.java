package dev.netc.lsp;

import dev.netc.source.Span;

/**
 * A declared name a reference can lead to.
 *
 * @param name the name as a flow or a reference writes it; tiers are {@code ns.tier}, tier
 *     ports {@code ns.tier:port}, modules their import path
 * @param nameSpan where the name is declared (the whole file start for a module)
 * @param declaration the whole declaring statement
 */
record Symbol(Kind kind, String name, Span nameSpan, Span declaration) {

    enum Kind {
        NETWORK("network"), CLUSTER("cluster"), NODE("node"), NAMESPACE("namespace"), TIER("tier"),
        TIER_PORT("port"), EXTERNAL("external"), PORT_CONSTANT("port"), PARAM("param"), MODULE("module");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The word that declares it. */
        String keyword() {
            return keyword;
        }
    }

    /** The last part of the name: the tier of {@code ns.tier}, the port of {@code ns.tier:port}. */
    String shortName() {
        int cut = Math.max(name.lastIndexOf(':'), kind == Kind.TIER ? name.indexOf('.') : -1);
        return name.substring(cut + 1);
    }
}
