package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Did-you-mean: restricted Damerau-Levenshtein distance with Elm's thresholds. */
class SuggestTest {
    private static final List<String> TIERS = List.of("frontend", "backend", "database", "cache", "api", "web");

    @ParameterizedTest
    @CsvSource({
        "'', '', 0",
        "abc, abc, 0",
        "abc, '', 3",
        "'', abc, 3",
        "backend, backnd, 1",
        "backend, bakcend, 1",
        "backend, backends, 1",
        "backend, bxckend, 1",
        "ca, abc, 3", // restricted: a transposed pair is not edited again (true Damerau-Levenshtein says 2)
        "kitten, sitting, 3",
        "frontend, backend, 5",
    })
    void measuresEditsWithAdjacentTranspositions(String a, String b, int distance) {
        assertThat(Suggest.distance(a, b)).isEqualTo(distance);
        assertThat(Suggest.distance(b, a)).isEqualTo(distance);
    }

    @Test
    void allowsTwoEditsForLongerNames() {
        assertThat(Suggest.closest("backnd", TIERS)).containsExactly("backend");
        assertThat(Suggest.closest("bkend", TIERS)).containsExactly("backend");
        assertThat(Suggest.closest("bknd", TIERS)).isEmpty();
        assertThat(Suggest.closest("databse", TIERS)).containsExactly("database");
    }

    @Test
    void allowsOneEditForNamesOfUpToThreeCharacters() {
        assertThat(Suggest.closest("ap", TIERS)).containsExactly("api");
        assertThat(Suggest.closest("wbe", TIERS)).containsExactly("web");
        assertThat(Suggest.closest("xy", TIERS)).isEmpty();
        assertThat(Suggest.closest("cah", TIERS)).isEmpty();
    }

    @Test
    void ignoresCaseButNeverSuggestsTheNameItself() {
        assertThat(Suggest.closest("Backend", TIERS)).containsExactly("backend");
        assertThat(Suggest.closest("backend", TIERS)).isEmpty();
    }

    @Test
    void ordersByDistanceThenNameAndKeepsThree() {
        List<String> ports = List.of("https", "http", "ntp", "nats", "smtp", "htp2");

        // https and htp2 are one edit away, http and ntp two: the fourth is left out
        assertThat(Suggest.closest("htps", ports)).containsExactly("htp2", "https", "http");
    }

    @Test
    void addsAHelpTextAndOneFixPerCandidate() {
        SourceFile file = new SourceFile("t.netspec", "allow web -> backnd");
        Diagnostic missing = Diagnostic.of(Code.NS1001, new Span(file, 13, 19), "tier", "backnd", "");

        Diagnostic suggested = Suggest.didYouMean(missing, "backnd", TIERS).orElseThrow();

        assertThat(suggested.help()).contains("did you mean `backend`?");
        assertThat(suggested.fixes())
                .containsExactly(new Fix("replace with `backend`", new Span(file, 13, 19), "backend"));
        assertThat(Suggest.didYouMean(missing, "htps", List.of("https", "http"))
                        .orElseThrow()
                        .help())
                .contains("did you mean one of `https`, `http`?");
        assertThat(Suggest.didYouMean(missing, "zzz", TIERS)).isEmpty();
        assertThat(Suggest.didYouMean(missing, "anything", List.of())).isEmpty();
    }

    @Test
    void aQuotedNameIsReplacedByAQuotedName() {
        SourceFile file = new SourceFile("t.netspec", "import \"std/prots\"");
        Diagnostic missing = Diagnostic.of(Code.NS1003, new Span(file, 7, 18), "std/prots");

        assertThat(Suggest.didYouMean(missing, "std/prots", List.of("std/ports"))
                        .orElseThrow()
                        .fixes())
                .extracting(Fix::replacement)
                .containsExactly("\"std/ports\"");
    }

    @Test
    void offersNoFixWhenTheSpanIsNotTheName() {
        SourceFile file = new SourceFile("t.netspec", "role Wrker extra");
        Diagnostic wide = Diagnostic.of(Code.NS4005, new Span(file, 0, 16), "Wrker");

        Diagnostic suggested =
                Suggest.didYouMean(wide, "Wrker", List.of("worker")).orElseThrow();

        assertThat(suggested.help()).contains("did you mean `worker`?");
        assertThat(suggested.fixes()).isEmpty();
    }
}
