package dev.netc.consumers;

/**
 * A field of yip's schema (the stages of a Kairos cloud-config): Go type {@code type}, field
 * {@code field}, written {@code yaml} in the file, of Go type {@code gotype}. yip reads the stages
 * with yaml.v3 into these types and runs none of them when one value does not fit.
 */
public record YipField(String type, String field, String yaml, String gotype, String source) {}
