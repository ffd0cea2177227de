package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code netc diff} between examples/three-tier and edited copies of it. */
class DiffCommandTest extends CommandLineFixture {
    private static final Path THREE_TIER =
            Path.of("..", "examples", "three-tier.netspec").toAbsolutePath().normalize();

    /** three-tier with some of its text replaced, in a folder of its own. */
    private Path edited(String name, String... replacements) throws IOException {
        String text = Files.readString(THREE_TIER);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("three-tier.netspec"), text);
        return folder.resolve("three-tier.netspec");
    }

    @Test
    void theSameSpecHasTheSameConnectivity() throws IOException {
        assertThat(netc(
                        "diff",
                        THREE_TIER.toString(),
                        edited("copy", "// three-tier", "// a comment changes nothing")
                                .toString()))
                .isEqualTo(0);
        assertThat(out.toString()).isEqualTo("no change in connectivity\n");
    }

    @Test
    void addedRemovedAndWidenedFlowsInWords() throws IOException {
        Path changed = edited(
                "changed",
                "port postgres 5432/tcp",
                "port postgres 5432/tcp, replica 5433/tcp",
                "allow backend  -> database:postgres",
                "allow backend  -> database:{postgres, replica}",
                "allow internet -> frontend:http",
                "allow frontend -> internet:443/tcp");
        assertThat(netc("diff", THREE_TIER.toString(), changed.toString())).isEqualTo(1);
        // `anywhere` (std/networks) includes the internet, so its stand-in address changes with it
        assertThat(out.toString()).isEqualTo("""
                5 changes in connectivity: 2 added, 2 removed, 1 widened
                removed   anywhere -> app.frontend: 80/tcp
                widened   app.backend -> app.database: 5432/tcp, now 5432-5433/tcp (+ 5433/tcp)
                added     app.frontend -> anywhere: 443/tcp
                added     app.frontend -> internet: 443/tcp
                removed   internet -> app.frontend: 80/tcp
                """);
    }

    @Test
    void isolationTurnedOffWidensToEveryPortAndNarrowingShowsWhatIsLost() throws IOException {
        Path open = edited("open", "isolate ingress, egress", "isolate ingress");
        assertThat(netc("diff", THREE_TIER.toString(), open.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("widened   app.backend -> kube-system.kube-dns: 53/tcp, 53/udp, now any "
                        + "(+ 1-52/tcp, 54-65535/tcp, 1-52/udp, 54-65535/udp, sctp)\n")
                .contains("added     app.frontend -> internet: any\n");
        out.getBuffer().setLength(0);
        assertThat(netc("diff", open.toString(), THREE_TIER.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("narrowed  app.backend -> kube-system.kube-dns: any, now 53/tcp, 53/udp "
                        + "(- 1-52/tcp, 54-65535/tcp, 1-52/udp, 54-65535/udp, sctp)\n")
                .contains("removed   app.frontend -> internet: any\n");
    }

    @Test
    void aPortMovedIsAChange() throws IOException {
        Path moved = edited("moved", "port api 8080/tcp", "port api 8081/tcp");
        assertThat(netc("diff", THREE_TIER.toString(), moved.toString(), "--format", "json"))
                .isEqualTo(1);
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertThat(json.get("equal").getAsBoolean()).isFalse();
        assertThat(json.getAsJsonObject("summary").get("changed").getAsInt()).isEqualTo(1);
        JsonObject change = json.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertThat(change.get("kind").getAsString()).isEqualTo("changed");
        assertThat(change.get("from").getAsString()).isEqualTo("app.frontend");
        assertThat(change.get("to").getAsString()).isEqualTo("app.backend");
        assertThat(change.getAsJsonArray("gained").toString()).isEqualTo("[\"8081/tcp\"]");
        assertThat(change.getAsJsonArray("lost").toString()).isEqualTo("[\"8080/tcp\"]");
    }

    @Test
    void foldersAreComparedAndANewTierAddsItsConnections() throws IOException {
        Path withCache = edited(
                "cache",
                "  tier database",
                "  tier cache { pods tier=cache; port redis 6379/tcp }\n  tier database",
                "  allow backend  -> database:postgres",
                "  allow backend  -> database:postgres\n  allow backend -> cache:redis");
        assertThat(netc(
                        "diff",
                        THREE_TIER.getParent().resolve("three-tier.netspec").toString(),
                        withCache.getParent().toString(),
                        "--format",
                        "json"))
                .isEqualTo(1);
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertThat(json.getAsJsonArray("changes").toString())
                .contains(
                        "{\"kind\":\"added\",\"from\":\"app.backend\",\"to\":\"app.cache\",\"before\":[],\"after\":[\"6379/tcp\"]")
                .contains("{\"kind\":\"added\",\"from\":\"app.cache\",\"to\":\"kube-system.kube-dns\"");
        assertThat(json.getAsJsonObject("summary").get("removed").getAsInt()).isZero();
    }

    @Test
    void aVersionWithErrorsGivesNoAnswer() throws IOException {
        Path broken = edited("broken", "allow frontend -> backend:api", "allow frontend -> backnd:api");
        assertThat(netc("diff", THREE_TIER.toString(), broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error[NS1001]");
        assertThat(out.toString()).isEmpty();
        assertThat(netc("diff", THREE_TIER.toString())).isEqualTo(2);
        assertThat(netc("diff", THREE_TIER.toString(), THREE_TIER.toString(), "--format", "yaml"))
                .isEqualTo(2);
    }
}
