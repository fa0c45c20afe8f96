package dev.raftops.domain.resource;

/**
 * What a blue/green attempt builds, frozen when it starts: a later spec edit is compared with it
 * (and unwinds the attempt), never merged into it.
 *
 * @param version canonical SemVer text (no leading {@code v})
 * @param image null means the controller's default image for the version
 */
public record BlueGreenTarget(String version, String image, int replicas, boolean autoPromote) {

    public String revision() {
        return Revision.of(version, image, replicas);
    }
}
