package dev.netc.emit;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.model.Model;
import java.util.List;

/**
 * One kind of output netc writes, as a unit: the files it makes of a model, where each is deployed
 * (an {@link OutputFile} says whether it goes into RKE2's manifests folder on the servers), and the
 * diagnostics it has about its own output. {@link Emitter#KINDS} lists them in the order they run;
 * a kind sees the files of the kinds before it, as the node configs place the servers' manifests.
 */
public interface OutputKind {

    /** Adds this kind's files for the model to the emission. */
    void emit(Model model, Emitter.Options options, Emission emission);

    /**
     * Whether every file of this kind is a node's own (its cloud-config) and none holds an object
     * the servers apply to the cluster. {@code query}, {@code diff} and {@code graph} evaluate those
     * objects only, and do without such a kind ({@link Emitter#emitApplied}). False unless sure: a
     * kind left out wrongly would be a policy left out of every answer.
     */
    default boolean nodesOnly() {
        return false;
    }

    /** What this kind says about its output, e.g. that a file it writes on request changes nothing. */
    default List<Diagnostic> diagnostics(Model model, Emitter.Options options) {
        return List.of();
    }
}
