package dev.netc.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a command line as a {@link Command} declares it: every form of option, the positional parameters, the errors. */
class ArgumentParserTest {
    private static final Positional PATHS = Positional.oneOrMore("PATH", ValueType.PATH, "specs");
    private static final Positional QUERY = Positional.one("QUERY", ValueType.TEXT, "the connection");
    private static final Option OUTPUT = Option.value("DIR", ValueType.PATH, "output folder", "-o", "--output")
            .withRequired();
    private static final Option SET =
            Option.value("NAME=VALUE", ValueType.NAME_VALUE, "a param", "--set").withRepeats();
    private static final Option FORMAT = Option.value("FORMAT", ValueType.TEXT, "how", "--format")
            .withDefault("text")
            .withChoices("text", "json");
    private static final Option MAX =
            Option.value("N", ValueType.COUNT, "at most", "--max-errors").withDefault("0");
    private static final Option BATCH = Option.flag("many", "--batch");
    private static final Command COMPILE = Command.named("compile", "Compile.")
            .withPositionals(PATHS)
            .withOptions(List.of(OUTPUT, SET, FORMAT, MAX, BATCH));

    @Test
    void optionsTakeTheirValueFromTheNextArgumentOrAfterAnEqualsSign() throws UsageException {
        Arguments arguments = parse("a.netspec", "-o", "out", "--format=json", "--max-errors", "3", "b.netspec");

        assertThat(arguments.path(OUTPUT)).isEqualTo(Path.of("out"));
        assertThat(arguments.value(FORMAT)).isEqualTo("json");
        assertThat(arguments.integer(MAX)).isEqualTo(3);
        assertThat(arguments.paths(PATHS)).containsExactly(Path.of("a.netspec"), Path.of("b.netspec"));
        assertThat(parse("--output=o", "a").value(OUTPUT)).isEqualTo("o");
        assertThat(parse("-o=o", "a").value(OUTPUT)).isEqualTo("o");
    }

    @Test
    void absentOptionsHaveTheirDefaultAndFlagsArePresentOrNot() throws UsageException {
        Arguments plain = parse("a", "-o", "out");
        assertThat(plain.value(FORMAT)).isEqualTo("text");
        assertThat(plain.integer(MAX)).isZero();
        assertThat(plain.has(FORMAT)).isFalse();
        assertThat(plain.has(BATCH)).isFalse();
        assertThat(parse("a", "-o", "out", "--batch").has(BATCH)).isTrue();
    }

    @Test
    void aRepeatableOptionKeepsEveryValueInOrder() throws UsageException {
        Arguments arguments = parse("--set", "site=a", "a", "--set", "vlan=10=x", "-o", "out", "--set=site=b");

        assertThat(arguments.values(SET)).containsExactly("site=a", "vlan=10=x", "site=b");
        assertThat(arguments.pairs(SET)).containsExactly(Map.entry("site", "b"), Map.entry("vlan", "10=x"));
    }

    @Test
    void choicesMatchIgnoringCaseAndComeBackAsDeclared() throws UsageException {
        assertThat(parse("a", "-o", "out", "--format", "JSON").value(FORMAT)).isEqualTo("json");
        assertThatThrownBy(() -> parse("a", "-o", "out", "--format", "xml"))
                .hasMessage("unknown format `xml`: use text or json");
    }

    @Test
    void doubleDashEndsTheOptionsAndALoneDashIsPositional() throws UsageException {
        Arguments arguments = parse("-o", "out", "-", "--", "--batch", "-o");

        assertThat(arguments.positional(PATHS)).containsExactly("-", "--batch", "-o");
        assertThat(arguments.has(BATCH)).isFalse();
        assertThat(arguments.value(OUTPUT)).isEqualTo("out");
    }

    @Test
    void anUnknownOptionSuggestsTheClosestName() {
        assertThatThrownBy(() -> parse("a", "--outptu", "out")).isInstanceOfSatisfying(UsageException.class, e -> {
            assertThat(e).hasMessage("unknown option `--outptu`");
            assertThat(e.help()).contains("did you mean `--output`?");
        });
        assertThatThrownBy(() -> parse("a", "-o", "out", "--frobnicate"))
                .isInstanceOfSatisfying(
                        UsageException.class, e -> assertThat(e.help()).isEmpty());
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> parse("a", "-o")).hasMessage("`-o` needs a value: DIR");
        // the next argument is another option, not the value
        assertThatThrownBy(() -> parse("a", "-o", "--batch")).hasMessage("`-o` needs a value: DIR");
        assertThatThrownBy(() -> parse("a", "-o", "out", "--batch=yes")).hasMessage("`--batch` takes no value");
    }

    @Test
    void valuesOfTheWrongTypeAreUsageErrors() {
        assertThatThrownBy(() -> parse("a", "-o", "out", "--max-errors", "-1"))
                .hasMessage("`--max-errors`: `-1` is not a count (0 or more)");
        assertThatThrownBy(() -> parse("a", "-o", "out", "--set", "novalue"))
                .hasMessage("`--set`: `novalue` is not NAME=VALUE");
        assertThatThrownBy(() -> parse("a", "-o", "out\0")).hasMessageStartingWith("`-o`: `out\0` is not a path");
    }

    @Test
    void missingRequiredOptionsAndParametersAreUsageErrors() {
        assertThatThrownBy(() -> parse("a")).hasMessage("missing option `--output DIR`");
        assertThatThrownBy(() -> parse("-o", "out")).hasMessage("missing PATH: specs");
        assertThatThrownBy(() -> parse("a", "-o", "out", "--format", "json", "--format", "text"))
                .hasMessage("`--format` is given twice");
    }

    @Test
    void helpAndVersionNeedNothingElse() throws UsageException {
        assertThat(parse("--help").has(Command.HELP)).isTrue();
        assertThat(parse("-V").has(Command.VERSION)).isTrue();
    }

    @Test
    void positionalArgumentsAreSharedOutLeavingLaterParametersTheirMinimum() throws UsageException {
        Command query = Command.named("query", "Ask.").withPositionals(PATHS, QUERY);

        Arguments arguments = ArgumentParser.parse(query, List.of("a", "b", "x -> y:80"));
        assertThat(arguments.positional(PATHS)).containsExactly("a", "b");
        assertThat(arguments.positional(QUERY)).containsExactly("x -> y:80");
        // too few: the first parameter is served first, so the later one is reported missing
        assertThatThrownBy(() -> ArgumentParser.parse(query, List.of("a"))).hasMessage("missing QUERY: the connection");
        Command explain = Command.named("explain", "Explain.")
                .withPositionals(Positional.optional("CODE", ValueType.TEXT, "a code"));
        assertThat(ArgumentParser.parse(explain, List.of())
                        .positional(explain.positionals().get(0)))
                .isEmpty();
        assertThatThrownBy(() -> ArgumentParser.parse(explain, List.of("NS1001", "NS1002")))
                .hasMessage("unexpected argument `NS1002`");
    }

    private static Arguments parse(String... arguments) throws UsageException {
        return ArgumentParser.parse(COMPILE, List.of(arguments));
    }
}
