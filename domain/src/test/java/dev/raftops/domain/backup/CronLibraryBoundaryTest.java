package dev.raftops.domain.backup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.raftops.domain.testing.PureCoreRule;
import org.junit.jupiter.api.Test;

/** The cron library stays behind {@link BackupSchedule}: the rest of the domain only sees instants. */
class CronLibraryBoundaryTest {

    private static final JavaClasses DOMAIN = PureCoreRule.productionClasses("dev.raftops.domain");

    private static ArchRule onlyTheScheduleSeesTheCronLibrary() {
        return noClasses().that().doNotHaveFullyQualifiedName(BackupSchedule.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.cronutils..");
    }

    @Test
    void onlyBackupScheduleDependsOnTheCronLibrary() {
        onlyTheScheduleSeesTheCronLibrary().check(DOMAIN);
    }

    @Test
    void theBoundaryRuleSeesTheScheduleUsingTheLibrary() {
        // proves the rule can fail: the schedule itself is the one class that would violate it
        boolean violates = noClasses().should().dependOnClassesThat().resideInAPackage("com.cronutils..")
                .evaluate(DOMAIN).hasViolation();
        assertThat(violates).isTrue();
    }
}
