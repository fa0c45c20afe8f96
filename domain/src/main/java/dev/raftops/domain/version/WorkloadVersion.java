package dev.raftops.domain.version;

/**
 * The one place a {@code spec.version}, however it is spelled, becomes what the workload runs: the
 * image tag (the form the image repository publishes) and the version a pod running that image
 * reports. The Day-2 loop, the workload loop and the simulator all ask here, so they agree on the
 * template image and on when a cluster has converged (docs/decisions/version-image-tag.md).
 *
 * <p>The tag is {@code MAJOR.MINOR.PATCH[-PRE-RELEASE]}: no leading {@code v} (OpenBao publishes
 * {@code 2.4.0}, not {@code v2.4.0}) and no build metadata (an OCI tag may not contain {@code +},
 * and build metadata has no precedence, so it never names another image).
 */
public final class WorkloadVersion {

    private WorkloadVersion() {
    }

    /** The image tag of {@code version}. */
    public static String imageTag(SemVer version) {
        StringBuilder tag = new StringBuilder().append(version.major()).append('.').append(version.minor()).append('.')
                .append(version.patch());
        if (version.isPreRelease()) {
            tag.append('-').append(String.join(".", version.preRelease()));
        }
        return tag.toString();
    }

    /**
     * The image tag of {@code version} as written in a spec or status; {@code version} itself when it
     * is not SemVer (such a spec is blocked with {@code InvalidVersion} before anything is written).
     */
    public static String imageTag(String version) {
        try {
            return imageTag(SemVer.parse(version));
        } catch (InvalidVersionException notAVersion) {
            return version;
        }
    }

    /** {@code repository} tagged with the image tag of {@code version}. */
    public static String image(String repository, String version) {
        return repository + ":" + imageTag(version);
    }

    /**
     * The template image that runs {@code version} for a spec with {@code specImage} and
     * {@code specVersion}: {@code spec.image} as written when it is set and {@code version} has the
     * image tag of {@code spec.version}; otherwise the repository of {@code spec.image} (or
     * {@code defaultRepository}) tagged with {@code version}.
     */
    public static String image(String specImage, String specVersion, String version, String defaultRepository) {
        boolean custom = specImage != null && !specImage.isBlank();
        if (custom && imageTag(version).equals(imageTag(specVersion))) {
            return specImage;
        }
        return image(custom ? repository(specImage) : defaultRepository, version);
    }

    /**
     * The version a pod running {@code image} reports: the version its tag names, in image-tag form
     * ({@code 2.4.0} for {@code ...:v2.4.0}); the tag as it is when it names no version
     * ({@code latest}); null when the image has no tag (a bare name or a digest).
     */
    public static String podVersion(String image) {
        String tag = tagOf(image);
        return tag == null ? null : imageTag(tag);
    }

    /** The tag of {@code repo/name:tag[@digest]}, or null when there is none. */
    public static String tagOf(String image) {
        if (image == null) {
            return null;
        }
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        return colon < 0 || colon < ref.lastIndexOf('/') ? null : ref.substring(colon + 1);
    }

    /** The image reference without tag or digest. */
    public static String repository(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
    }
}
