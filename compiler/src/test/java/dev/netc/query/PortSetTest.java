package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortSetTest {
    private static PortRange tcp(int first, int last) {
        return new PortRange(Protocol.TCP, first, last);
    }

    @Test
    void overlappingAndAdjacentRangesMergeAndProtocolsStaySeparate() {
        PortSet set = PortSet.of(
                List.of(tcp(90, 100), tcp(80, 80), tcp(81, 89), new PortRange(Protocol.UDP, 80, 80), tcp(95, 120)));
        assertThat(set.ranges()).containsExactly(tcp(80, 120), new PortRange(Protocol.UDP, 80, 80));
        assertThat(set).hasToString("80-120/tcp, 80/udp");
        assertThat(set).isEqualTo(PortSet.of(List.of(new PortRange(Protocol.UDP, 80, 80), tcp(80, 120))));
    }

    @Test
    void minusCutsHolesAndEnds() {
        PortSet set = PortSet.of(List.of(tcp(1, 100)));
        assertThat(set.minus(PortSet.of(List.of(tcp(10, 19), tcp(50, 200)))))
                .isEqualTo(PortSet.of(List.of(tcp(1, 9), tcp(20, 49))));
        assertThat(set.minus(PortSet.of(List.of(new PortRange(Protocol.UDP, 1, 100)))))
                .isEqualTo(set);
        assertThat(set.minus(set).isEmpty()).isTrue();
        assertThat(PortSet.ALL.minus(PortSet.of(List.of(tcp(1, 79))))).hasToString("80-65535/tcp, udp, sctp");
    }

    @Test
    void everyPortOfEveryProtocolReadsAsAny() {
        assertThat(PortSet.ALL).hasToString("any");
        assertThat(PortSet.NONE).hasToString("none");
    }
}
