package dev.netc.consumers;

/**
 * An RKE2 key that must have one value on every server: a joining server whose value differs is
 * refused, or (for the keys RKE2 does not compare) the servers keep undoing each other's work.
 *
 * @param compared how RKE2 compares it, or what goes wrong when it is not compared
 */
public record ServerIdenticalKey(String key, String compared, String source) {}
