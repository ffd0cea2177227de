package dev.netc.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files emitted so far, in order, and where the rules of the NetworkPolicies among them came from. */
public final class Emission {
    private final List<OutputFile> files = new ArrayList<>();
    private final List<String> handedOver = new ArrayList<>();
    private Provenance provenance = Provenance.EMPTY;

    public void add(OutputFile file) {
        files.add(file);
    }

    /**
     * A manifest an earlier compile placed in RKE2's manifests folder whose objects a GitOps engine
     * now delivers: the servers remove the file and leave its objects for the engine to adopt.
     */
    public void handOver(String serverManifest) {
        handedOver.add(serverManifest);
    }

    /** The names of the manifests handed over so far. */
    public List<String> handedOver() {
        return List.copyOf(handedOver);
    }

    public void provenance(Provenance rules) {
        this.provenance = rules;
    }

    /** The files so far that go into RKE2's manifests folder on every server: file name there → content. */
    public Map<String, String> serverManifests() {
        Map<String, String> manifests = new LinkedHashMap<>();
        files.forEach(f -> f.serverManifest().ifPresent(name -> manifests.put(name, f.content())));
        return manifests;
    }

    Emitter.Emitted result() {
        return new Emitter.Emitted(files, provenance);
    }
}
