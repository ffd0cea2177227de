package dev.netc.emit;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.model.Model;
import dev.netc.yaml.Yaml;
import java.util.List;

/**
 * {@code manifests/canal-config.yaml}, on request ({@code --canal-configmap}): the seed-style
 * ConfigMap, which RKE2 does not read; written for migrations only, never deployed.
 */
final class LegacyCanalConfigMap implements OutputKind {
    @Override
    public void emit(Model model, Emitter.Options options, Emission emission) {
        if (options.legacyCanalConfigMap()) {
            model.cluster()
                    .flatMap(CanalEmitter::legacyConfigMap)
                    .ifPresent(
                            map -> emission.add(new OutputFile("manifests/canal-config.yaml", Yaml.write(map), false)));
        }
    }

    @Override
    public List<Diagnostic> diagnostics(Model model, Emitter.Options options) {
        if (!options.legacyCanalConfigMap()
                || model.cluster().flatMap(c -> c.canal()).isEmpty()) {
            return List.of();
        }
        return List.of(Diagnostic.of(Code.NS4008, null)
                .withNote(
                        "RKE2's Canal chart reads only its own `rke2-canal-config`; the settings that take effect are "
                                + "in manifests/rke2-canal-config.yaml (HelmChartConfig `rke2-canal`)")
                .withHelp("drop `--canal-configmap` once nothing depends on the old file"));
    }
}
