package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code netc query} on the examples: allowed and denied answers, each side's deciding policies
 * and rules with the line of the {@code .netspec} they came from, and the exit codes.
 */
class QueryCommandTest extends CommandLineFixture {
    private static final Path EXAMPLES =
            Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String THREE_TIER =
            EXAMPLES.resolve("three-tier.netspec").toString();

    private static String cite(String example, int line, String statement) {
        return "examples/" + example + ".netspec:" + line + ": " + statement;
    }

    @Test
    void aDeclaredFlowIsAllowedOnBothSidesByTheRulesOfItsAllowStatement() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend:api")).isEqualTo(0);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("allowed");
        assertThat(lines[1]).isEqualTo("  query: app.frontend -> app.backend:8080/tcp");
        assertThat(out.toString())
                .containsSubsequence(
                        "egress of app.frontend: allowed",
                        "isolated by app/default-deny-egress, app/allow-dns-egress, app/tier-frontend",
                        cite("three-tier", 9, "isolate ingress, egress"),
                        "allowed by app/tier-frontend egress[0]",
                        cite("three-tier", 16, "allow frontend -> backend:api"),
                        "ingress of app.backend: allowed",
                        "isolated by app/default-deny-ingress, app/tier-backend",
                        "allowed by app/tier-backend ingress[0]",
                        cite("three-tier", 16, "allow frontend -> backend:api"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUndeclaredConnectionIsDeniedWithTheIsolationThatDeniesItOnEachSide() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.database:5432/tcp"))
                .isEqualTo(1);
        assertThat(out.toString())
                .startsWith("denied\n")
                .containsSubsequence(
                        "egress of app.frontend: denied",
                        cite("three-tier", 9, "isolate ingress, egress"),
                        "no rule of these policies admits to app.database on 5432/tcp",
                        "ingress of app.database: denied",
                        "isolated by app/default-deny-ingress, app/tier-database",
                        "no rule of these policies admits from app.frontend on 5432/tcp");
        assertThat(out.toString()).doesNotContain("allowed by");
    }

    @Test
    void theRightPortOnTheWrongProtocolIsDenied() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend:8080/udp"))
                .isEqualTo(1);
        assertThat(out.toString()).startsWith("denied\n");
    }

    @Test
    void anExternalSourceHasNoPoliciesAndTheDestinationDecides() {
        assertThat(netc("query", THREE_TIER, "internet -> app.frontend:80")).isEqualTo(0);
        assertThat(out.toString())
                .startsWith("allowed\n")
                .containsSubsequence(
                        "egress of internet: no policy applies to an address outside the cluster",
                        "allowed by app/tier-frontend ingress[0]",
                        cite("three-tier", 15, "allow internet -> frontend:http"));
        assertThat(netc("query", THREE_TIER, "\"192.168.1.7\" -> app.frontend:80"))
                .isEqualTo(1);
    }

    @Test
    void dnsIsAllowedByTheRuleThatEgressIsolationBringsAlong() {
        assertThat(netc("query", THREE_TIER, "app.database -> kube-system.kube-dns:53/udp"))
                .isEqualTo(0);
        assertThat(out.toString())
                .containsSubsequence(
                        "allowed by app/allow-dns-egress egress[0]",
                        cite("three-tier", 9, "isolate ingress, egress"),
                        "ingress of kube-system.kube-dns: allowed, no policy isolates it");
    }

    @Test
    void aWholeNamespaceFlowAndANamespaceEnd() {
        String spec = EXAMPLES.resolve("allow-from-monitoring.netspec").toString();
        assertThat(netc("query", spec, "monitoring -> app-namespace:9090/tcp")).isEqualTo(0);
        assertThat(out.toString())
                .containsSubsequence(
                        "egress of monitoring: allowed, no policy isolates it",
                        "allowed by app-namespace/all-pods ingress[0]",
                        cite("allow-from-monitoring", 12, "allow monitoring -> app-namespace.*:9090/tcp"));
        assertThat(netc("query", spec, "monitoring -> app-namespace.*:9091")).isEqualTo(1);
        assertThat(netc("query", spec, "(other namespace) -> app-namespace:9090"))
                .isEqualTo(2);
    }

    @Test
    void aTierIsolatedOnItsOwnCitesItsOwnIsolateStatement() {
        String spec = EXAMPLES.resolve("internet-only.netspec").toString();
        assertThat(netc("query", spec, "default.internet-access -> 10.1.2.3:443"))
                .isEqualTo(1);
        assertThat(out.toString())
                .containsSubsequence(
                        "isolated by default/tier-internet-access", cite("internet-only", 9, "isolate egress"));
        assertThat(netc("query", spec, "default.internet-access -> 203.0.113.9:443"))
                .isEqualTo(0);
        assertThat(out.toString()).contains(cite("internet-only", 11, "allow internet-access -> internet"));
    }

    /** A query that cannot be answered is a diagnostic on the query's text, rendered as every diagnostic is. */
    @Test
    void anUnknownNameIsAUsageErrorWithASuggestion() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> backnd:80")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("""
                error[NS1040]: cannot answer the query: no tier, namespace or external named `backnd`
                 --> query:1:17
                  |
                1 | app.frontend -> backnd:80
                  |                 ^^^^^^
                  |
                  = help: did you mean `app.backend`?
                """);
    }

    @Test
    void aQueryThatDoesNotParseGetsTheLanguagesOwnSyntaxError() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend:")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("""
                error[NS0001]: unexpected end of file; expected a name, `{`, a port such as `80/tcp` or a number
                 --> query:1:29
                  |
                1 | app.frontend -> app.backend:
                  |                             ^ unexpected end of file
                  |
                """);
    }

    @Test
    void aQueryErrorIsColouredAsOtherDiagnosticsAre() {
        assertThat(netc("query", "--color", "always", THREE_TIER, "app.frontend -> backnd:80"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("\u001b[31;1merror[NS1040]\u001b[0m");
    }

    @Test
    void queriesThatCannotBeReadAreUsageErrors() {
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend")).isEqualTo(2);
        assertThat(err.toString()).contains("which port?");
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend:8000-8100/tcp"))
                .isEqualTo(2);
        assertThat(netc("query", THREE_TIER, "app.frontend -> app.backend:htp")).isEqualTo(2);
        assertThat(err.toString()).contains("its ports are api 8080/tcp");
        assertThat(netc("query", THREE_TIER, "app/frontend -> app.backend:80")).isEqualTo(2);
        assertThat(err.toString()).contains("write `app.frontend`");
        assertThat(netc("query", THREE_TIER, "app.frontend ->")).isEqualTo(2);
        assertThat(netc("query", THREE_TIER, "* -> app.backend:80")).isEqualTo(2);
        assertThat(netc("query", THREE_TIER, "8.8.8.8 -> 1.1.1.1:80")).isEqualTo(2);
        assertThat(netc("query", THREE_TIER)).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aSpecWithErrorsPrintsItsDiagnosticsAndGivesNoAnswer() throws IOException {
        Path spec = dir.resolve("broken.netspec");
        Files.writeString(spec, "namespace app {\n  isolate ingress\n  allow app -> nowhere\n}\n");
        assertThat(netc("query", spec.toString(), "app -> app:80")).isEqualTo(2);
        assertThat(err.toString()).contains("error[NS1001]").contains("broken.netspec:3");
        assertThat(out.toString()).isEmpty();
    }

    /** The case: an ipBlock inside the pod range, and a pod-range address asked about. */
    @Test
    void anAnswerThatRestsOnSyntheticPodAddressesSaysSo() throws IOException {
        Path spec = dir.resolve("pod-range.netspec");
        Files.writeString(spec, """
                namespace app {
                  isolate ingress
                  tier web { pods app=web; port http 80/tcp }
                  tier api { pods app=api }
                  allow 10.42.0.0/24 -> web:http
                }
                """);
        assertThat(netc("query", spec.toString(), "app.api -> app.web:80")).isEqualTo(0);
        assertThat(out.toString())
                .startsWith("allowed\n")
                .contains("note: `ipBlock 10.42.0.0/24` (pod range 10.42.0.0/16) in these policies matches pods by "
                        + "address, as Calico does: app.api is evaluated at its synthetic address 10.42.0.");
        out.getBuffer().setLength(0);
        assertThat(netc("query", spec.toString(), "\"10.42.0.77\" -> app.web:80"))
                .isEqualTo(0);
        assertThat(out.toString())
                .contains("egress of 10.42.0.77: no policy applies here: the address is in the pod range 10.42.0.0/16")
                .doesNotContain("outside the cluster");
        out.getBuffer().setLength(0);
        assertThat(netc("query", spec.toString(), "\"192.0.2.7\" -> app.web:80"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("outside the cluster").doesNotContain("note:");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(netc("query", "--help")).isEqualTo(0);
        assertThat(out.toString())
                .contains("PATH... QUERY")
                .containsPattern("0 +allowed")
                .containsPattern("1 +denied")
                .containsPattern("2 +no answer");
    }
}
