package dev.netc.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.model.Canal;
import org.junit.jupiter.api.Test;

/** What netc's code assumes about the consumer tables, held to the tables themselves. */
class ConsumerTablesTest {

    /**
     * netc creates groups by creating the user of the same name: yip's users plugin always adds a
     * group of the user's name (notes/canal-flannel-yip-kairos.md), and yip has no groups field.
     */
    @Test
    void everyGroupPrerequisiteComesWithAUserOfItsName() {
        ConsumerTables.HOST_PREREQUISITES.stream()
                .filter(p -> p.kind().equals("group"))
                .forEach(group -> assertThat(ConsumerTables.HOST_PREREQUISITES)
                        .as("user for group %s", group)
                        .anyMatch(user -> user.kind().equals("user")
                                && user.name().equals(group.name())
                                && user.option().equals(group.option())
                                && user.value().equals(group.value())
                                && user.roles().equals(group.roles())));
    }

    /** The pod MTU netc derives never exceeds flannel's device (flannel-backends.tsv). */
    @Test
    void netcsOverheadsCoverFlannelsDevices() {
        for (FlannelBackend row : ConsumerTables.FLANNEL_BACKENDS) {
            Canal.Backend backend = Canal.Backend.byChartValue(row.backend()).orElseThrow();
            assertThat(backend.overhead(row.family().equals("ipv6")))
                    .as("%s over %s", row.backend(), row.family())
                    .isGreaterThanOrEqualTo(row.overheadBytes());
            assertThat(backend.overhead(true))
                    .as("%s with IPv6 pods also carries IPv4", row.backend())
                    .isGreaterThanOrEqualTo(backend.overhead(false));
        }
    }

    /** Every backend netc offers is one flannel has, and the other way round. */
    @Test
    void theBackendsAreFlannels() {
        assertThat(ConsumerTables.FLANNEL_BACKENDS.stream()
                        .map(FlannelBackend::backend)
                        .distinct())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(Canal.Backend.values())
                        .map(Canal.Backend::chartValue)
                        .toArray(String[]::new));
    }

    /** The stage netc puts host prerequisites in has run before RKE2 starts, on every boot. */
    @Test
    void initramfsRunsBeforeRke2OnEveryBoot() {
        assertThat(ConsumerTables.KAIROS_STAGES)
                .filteredOn(s -> s.stage().equals("initramfs"))
                .singleElement()
                .matches(KairosStage::alwaysBeforeRke2);
        assertThat(ConsumerTables.KAIROS_STAGES)
                .filteredOn(s -> s.stage().equals("boot.before"))
                .singleElement()
                .matches(s -> s.beforeRke2FirstBoot().equals("yes"));
    }
}
