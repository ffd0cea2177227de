package dev.netc.codegen;

/** A catalogue input file is malformed. The message starts with {@code file:line: } where a line is known. */
public final class CatalogueFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogueFormatException(String message) {
        super(message);
    }

    public CatalogueFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
