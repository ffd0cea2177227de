package dev.netc.emit;

import dev.netc.model.Model;
import dev.netc.yaml.Yaml;
import java.util.Map;

/** {@code manifests/rke2-<chart>-config.yaml}: the HelmChartConfigs of the bundled charts (see {@link ChartConfigEmitter}). */
final class ChartConfigs implements OutputKind {
    @Override
    public void emit(Model model, Emitter.Options options, Emission emission) {
        model.cluster().map(ChartConfigEmitter::configs).orElse(Map.of()).forEach((chart, config) -> {
            String file = ChartConfigEmitter.manifestFile(chart);
            emission.add(OutputFile.manifest("manifests/" + file, Yaml.write(config.yaml()), config.secret(), file));
        });
    }
}
