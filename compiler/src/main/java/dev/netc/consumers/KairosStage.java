package dev.netc.consumers;

/**
 * When Kairos runs a yip stage of the user's cloud-config, relative to RKE2's start.
 *
 * @param beforeRke2FirstBoot {@code yes} when the stage has finished before RKE2 first starts
 * @param beforeRke2LaterBoots {@code yes} when it has finished before RKE2 starts on every later boot
 */
public record KairosStage(
        String stage,
        String when,
        String runsUserConfig,
        String beforeRke2FirstBoot,
        String beforeRke2LaterBoots,
        String source) {

    /** Whether what the stage sets up is in place before RKE2 starts, on every boot. */
    public boolean alwaysBeforeRke2() {
        return beforeRke2FirstBoot.equals("yes") && beforeRke2LaterBoots.equals("yes");
    }
}
