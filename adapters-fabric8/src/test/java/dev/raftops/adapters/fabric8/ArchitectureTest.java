package dev.raftops.adapters.fabric8;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import org.junit.jupiter.api.Test;

/**
 * Only what other modules use is public: the entry point, its settings and the custom resource
 * (package {@code crd}, one file per part of spec and status, whose types Jackson and the CRD
 * generator read); every port implementation, mapping and rendering stays package-private behind
 * {@link Fabric8Adapters}.
 */
class ArchitectureTest {

    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.raftops.adapters.fabric8");

    @Test
    void onlyTheEntryPointItsSettingsAndTheCustomResourceArePublic() {
        classes().that().areTopLevelClasses()
                .and().doNotBelongToAnyOf(Fabric8Adapters.class, AdapterSettings.class, WorkloadReconciliation.class,
                        ProjectVersion.class)
                .and().resideOutsideOfPackage(RaftCluster.class.getPackageName())
                .should().notBePublic()
                .check(ADAPTERS);
    }

    @Test
    void scansTheRealAdapterClassesAndNoTestClasses() {
        assertThat(ADAPTERS.contain(SpecMapping.class)).isTrue();
        assertThat(ADAPTERS.contain(ArchitectureTest.class)).isFalse();
    }
}
