package dev.netc.evaluator;

/**
 * A document cannot be read into the model: a field has the wrong type, or its meaning is
 * undefined (for example a peer with no selector and no ipBlock). The message starts with the
 * field path, such as {@code spec.ingress[0].from[1]}.
 */
public final class PolicyFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String detail;

    public PolicyFormatException(String path, String detail) {
        super(path + ": " + detail);
        this.path = path;
        this.detail = detail;
    }

    /** The path of the offending field. */
    public String path() {
        return path;
    }

    /** What is wrong with the field. */
    public String detail() {
        return detail;
    }
}
