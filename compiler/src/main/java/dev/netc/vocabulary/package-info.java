/**
 * The netspec vocabulary: which blocks, properties, statements and words there are, and where
 * each may be written. {@code NetspecVocabulary} is generated at build time from
 * {@code compiler/src/main/vocabulary/*.tsv} ({@code dev.netc.codegen.VocabularyGenerator}); the
 * analyzers, {@code Placement} and the language server's completion read it.
 */
package dev.netc.vocabulary;
