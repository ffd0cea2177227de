package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UniverseTest {

    private static Pod pod(String namespace, String name) {
        return new Pod(namespace, name, Map.of(), IpAddress.parse("10.0.0.1"), Map.of());
    }

    @Test
    void aPodImpliesItsNamespaceUntilTheNamespaceIsGiven() {
        Universe implied = Universe.builder().pod(pod("x", "a")).build();
        Universe explicit = Universe.builder()
                .pod(pod("x", "a"))
                .namespace("x", Map.of("ns", "x"))
                .build();

        assertThat(implied.namespace("x")).contains(Namespace.named("x"));
        assertThat(explicit.namespace("x")).contains(new Namespace("x", Map.of("ns", "x")));
        assertThat(explicit.pod("x", "a")).contains(pod("x", "a"));
        assertThat(explicit.pod("x", "b")).isEmpty();
        assertThat(explicit.namespaces()).containsExactly(new Namespace("x", Map.of("ns", "x")));
        assertThat(explicit.pods()).containsExactly(pod("x", "a"));
    }

    @Test
    void namesAreUnique() {
        assertThatThrownBy(() -> Universe.builder().pod(pod("x", "a")).pod(pod("x", "a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Universe.builder().namespace("x", Map.of()).namespace("x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Universe.builder().build().pod("x/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x/a");
    }
}
