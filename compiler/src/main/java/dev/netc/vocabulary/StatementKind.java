package dev.netc.vocabulary;

/**
 * A statement of its own syntax, neither a block nor a property ({@code import}, {@code allow},
 * {@code rke2 { }}, ...): a constant of the generated {@code NetspecVocabulary}.
 *
 * @param keyword the keyword it starts with
 * @param description how messages name it when it is misplaced ({@code a port constant})
 * @param home where it belongs, the help of NS1007 when it is written elsewhere
 */
public record StatementKind(String keyword, String description, String home) {}
