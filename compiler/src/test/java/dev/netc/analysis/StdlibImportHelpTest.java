package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A name the standard library declares, used without its module: NS1001 says which import it needs. */
class StdlibImportHelpTest {
    @Test
    void theHelpNamesTheModuleToImport() {
        List<Diagnostic> diagnostics = InMemorySpec.compile("""
                        namespace app {
                          isolate egress
                          tier web { pods app=web }
                          allow web -> kube-system.kube-dns:53/udp
                          allow web -> 192.0.2.53:dns
                          allow web -> internet:443/tcp
                          allow web -> monitoring.*:9090/tcp
                        }
                        """).diagnostics();
        assertThat(diagnostics)
                .filteredOn(d -> d.code() == Code.NS1001)
                .extracting(d -> d.help().orElse(""))
                .containsExactlyInAnyOrder(
                        "`kube-system` is declared in `std/kube-system`: add `import \"std/kube-system\"`",
                        "`dns` is declared in `std/ports`: add `import \"std/ports\"`",
                        "`internet` is declared in `std/networks`: add `import \"std/networks\"`",
                        "`monitoring` is declared in `std/monitoring`: add `import \"std/monitoring\"`");
    }

    @Test
    void aNameNoModuleDeclaresStillGetsItsSuggestion() {
        List<Diagnostic> diagnostics = InMemorySpec.compile("""
                        namespace app { isolate ingress; tier web { pods app=web } }
                        allow app.web -> app.wbe:80/tcp
                        """).diagnostics();
        assertThat(diagnostics).extracting(d -> d.help().orElse("")).contains("did you mean `app.web`?");
    }
}
