package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;
import dev.raftops.domain.version.VersionDrift;
import java.util.List;
import java.util.Map;

/**
 * A dry run of the rolling upgrade for a spec and a running version: the drift, whether the upgrade
 * would be allowed (and the reason when not), and the ordered steps with the step-downs expected
 * from the pods' reported leadership (every step may need one when no pods are given).
 *
 * @param drift {@code none}, {@code upgrade}, {@code downgrade}, {@code invalid}, or {@code image} (the same
 *     version, another image: an image change, rolled like an upgrade; the message says from and to)
 */
public record UpgradePreview(String drift, boolean allowed, String reason, String message, List<PlanStep> steps,
        List<String> warnings) {

    public static UpgradePreview of(ClusterSpec spec, String currentVersion, Map<Integer, PodView> pods) {
        return of(spec, currentVersion, null, pods);
    }

    /**
     * As {@link #of(ClusterSpec, String, Map)}, knowing the image the pods run ({@code status.currentImage}, null when
     * unknown): the same version under another {@code spec.image} previews an image change.
     */
    public static UpgradePreview of(ClusterSpec spec, String currentVersion, String currentImage,
            Map<Integer, PodView> pods) {
        UpgradeVerdict verdict = UpgradeValidation.check(currentVersion, spec.version(), spec.image(),
                spec.upgrade().policy());
        String drift = drift(currentVersion, verdict);
        if (!verdict.blocked() && verdict.kind() == UpgradeVerdict.Kind.NO_CHANGE && currentImage != null
                && !currentImage.equals(spec.imageFor(currentVersion))) {
            RollReason change = new RollReason.ImageChange(currentVersion, currentImage, spec.imageFor(currentVersion));
            return new UpgradePreview("image", true, null, change.summary("->"),
                    RollingPlan.remaining(spec.replicas(), spec.replicas(), pods), verdict.warnings());
        }
        List<PlanStep> steps = verdict.allowed() ? RollingPlan.remaining(spec.replicas(), spec.replicas(), pods) : List.of();
        return new UpgradePreview(drift, verdict.allowed(), verdict.reason(), verdict.message(), steps, verdict.warnings());
    }

    private static String drift(String currentVersion, UpgradeVerdict verdict) {
        if (verdict.target() == null || currentVersion == null) {
            return verdict.target() == null ? "invalid" : "none";
        }
        try {
            return VersionDrift.between(SemVer.parse(currentVersion), verdict.target()).kind().name().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
