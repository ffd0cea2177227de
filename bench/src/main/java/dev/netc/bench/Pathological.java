package dev.netc.bench;

/**
 * Inputs that stress one piece of the compiler, each growing with {@code size}: doubling the
 * size must no more than double the time.
 */
public enum Pathological {
    /** One line of about {@code size} × 30 characters: a namespace whose flows are all on it. */
    LONG_LINE {
        @Override
        public String text(int size) {
            StringBuilder out = new StringBuilder("namespace wide { isolate ingress; ");
            out.append("tier a { pods app=a; port p 80/tcp }; tier b { pods app=b; port p 80/tcp };");
            for (int i = 0; i < size; i++) {
                out.append(" allow a -> b:p; allow b -> a:p;");
            }
            return out.append(" }\n").toString();
        }
    },
    /** {@code size} opening braces: the parser must stop at the nesting limit, not recurse. */
    DEEP_NESTING {
        @Override
        public String text(int size) {
            return "namespace deep " + "{".repeat(size) + "\n" + "}".repeat(size) + "\n";
        }
    },
    /** {@code size} flows to misspelt tiers: as many errors, each with a suggestion. */
    MANY_ERRORS {
        @Override
        public String text(int size) {
            StringBuilder out = new StringBuilder("namespace app {\n  isolate ingress\n");
            for (int t = 0; t < 50; t++) {
                out.append("  tier backend-")
                        .append(t)
                        .append(" { pods app=backend-")
                        .append(t)
                        .append(" }\n");
            }
            for (int i = 0; i < size; i++) {
                out.append("  allow backnd-")
                        .append(i % 50)
                        .append(" -> backend-")
                        .append(i % 50)
                        .append('\n');
            }
            return out.append("}\n").toString();
        }
    },
    /** {@code size} lines of syntax errors: the parser's error recovery on each. */
    MANY_SYNTAX_ERRORS {
        @Override
        public String text(int size) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < size; i++) {
                out.append("allow -> ;\n");
            }
            return out.toString();
        }
    };

    public abstract String text(int size);
}
