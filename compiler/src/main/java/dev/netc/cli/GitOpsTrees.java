package dev.netc.cli;

import dev.netc.emit.OutputFile;
import dev.netc.gitops.GitOpsLayout;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitOps trees of a batch ({@code --fleet DIR}, {@code --kustomize DIR}), each a locked
 * folder of sites written as the output folder is: a site's folder atomically, and only when
 * the site has no error.
 */
final class GitOpsTrees implements Closeable {
    private final Map<GitOpsLayout, OutputWriter.SiteFolders> trees;

    private GitOpsTrees(Map<GitOpsLayout, OutputWriter.SiteFolders> trees) {
        this.trees = trees;
    }

    static GitOpsTrees open(Map<GitOpsLayout, Path> folders) throws IOException {
        Map<GitOpsLayout, OutputWriter.SiteFolders> trees = new LinkedHashMap<>();
        try {
            for (Map.Entry<GitOpsLayout, Path> folder : folders.entrySet()) {
                trees.put(folder.getKey(), OutputWriter.openSites(folder.getValue()));
            }
            return new GitOpsTrees(trees);
        } catch (IOException | RuntimeException e) {
            new GitOpsTrees(trees).close();
            throw e;
        }
    }

    /** Writes the site's folder of every tree from the site's output files. */
    void write(String site, List<OutputFile> output) throws IOException {
        for (Map.Entry<GitOpsLayout, OutputWriter.SiteFolders> tree : trees.entrySet()) {
            tree.getValue().write(site, tree.getKey().files(site, output));
        }
    }

    @Override
    public void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (OutputWriter.SiteFolders tree : trees.values()) {
            try {
                tree.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
