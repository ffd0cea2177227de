package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Markdown subset of the explanation pages, as terminal text. */
class TerminalMarkdownTest {
    @Test
    void headingsAreUnderlinedAndCodeBlocksIndentedWithoutFences() {
        String markdown = """
                # NS0000: a title

                Text with `code`.

                ## Wrong

                ```netspec
                network lan {

                  cidr 10.0.1.0/24 }
                ```
                """;
        assertThat(TerminalMarkdown.render(markdown)).isEqualTo("""
                NS0000: a title
                ===============

                Text with `code`.

                Wrong
                -----

                    network lan {

                      cidr 10.0.1.0/24 }
                """);
    }

    @Test
    void tablesAreAlignedAndTheirRuleRedrawn() {
        String markdown = """
                | mode | notes |
                |---|---|
                | `iptables` | the default |
                | `nftables` | newer |
                """;
        assertThat(TerminalMarkdown.render(markdown)).isEqualTo("""
                mode        notes
                ----------  -----------
                `iptables`  the default
                `nftables`  newer
                """);
    }

    @Test
    void linksToOtherPagesShowTheirTextAndOtherLinksTheDocument() {
        String markdown = """
                - [NS1001](NS1001.md): unresolved name
                - [The language reference: flows](../language.md#flows)
                - [docs/diagnostics.md](../diagnostics.md) and [RKE2](https://docs.rke2.io/)
                """;
        assertThat(TerminalMarkdown.render(markdown)).isEqualTo("""
                - NS1001: unresolved name
                - The language reference: flows (docs/language.md#flows)
                - docs/diagnostics.md and RKE2 (https://docs.rke2.io/)
                """);
    }
}
