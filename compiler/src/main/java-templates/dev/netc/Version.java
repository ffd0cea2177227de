package dev.netc;

/**
 * netc's own version. The build writes it in (this file is a template, filtered into
 * target/generated-sources/version): a constant rather than a resource read at run time, which
 * cost {@code netc --version} a third of its time.
 */
public final class Version {
    private static final String CURRENT = "${project.version}";

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }
}
