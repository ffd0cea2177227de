package dev.netc.query;

import java.util.Optional;

/**
 * A query that cannot be answered as written: bad syntax, an unknown name, a port the
 * destination does not have. A usage error, not a problem of the spec.
 *
 * @param start where in the query text the problem is (a character offset), when known
 * @param end the end of that range (exclusive)
 */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int start;
    private final int end;
    private final transient Optional<String> help;

    QueryException(String message, int start, int end, Optional<String> help) {
        super(message);
        this.start = start;
        this.end = end;
        this.help = help;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public Optional<String> help() {
        return help;
    }
}
