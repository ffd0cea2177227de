package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.grammar.NetSpecParser;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.junit.jupiter.api.Test;

/**
 * Every labelled alternative of the grammar ({@code # everyNamespaceEndpoint}, ...) has a method of
 * its own in one of AstBuilder's builders. ANTLR's base visitor would silently visit the children
 * of an alternative added to the grammar later; this makes that addition a failing build instead,
 * as a new kind of {@code Endpoint} or {@code Peer} is a compile error in the code that visits it.
 */
class GrammarAlternativesTest {

    @Test
    void everyLabelledAlternativeIsBuilt() {
        Set<String> alternatives = new TreeSet<>();
        for (Class<?> context : NetSpecParser.class.getDeclaredClasses()) {
            Class<?> rule = context.getSuperclass();
            if (rule != ParserRuleContext.class && ParserRuleContext.class.isAssignableFrom(rule)) {
                String name = context.getSimpleName();
                alternatives.add("visit" + name.substring(0, name.length() - "Context".length()));
            }
        }
        Set<String> built = new TreeSet<>();
        for (Class<?> builder : AstBuilder.class.getDeclaredClasses()) {
            if (AstBuilder.Alternatives.class.isAssignableFrom(builder)) {
                Arrays.stream(builder.getDeclaredMethods())
                        .map(Method::getName)
                        .filter(n -> n.startsWith("visit"))
                        .forEach(built::add);
            }
        }

        assertThat(alternatives).as("labelled alternatives of the grammar").hasSizeGreaterThan(20);
        assertThat(built).as("alternatives AstBuilder builds").containsAll(alternatives);
    }
}
