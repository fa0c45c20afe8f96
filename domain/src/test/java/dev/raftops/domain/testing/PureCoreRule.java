package dev.raftops.domain.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The architecture rules shared by {@code domain} and {@code ports}: no Kubernetes client, no
 * network, no threads or executors, no framework (CLI, JSON, metrics, logging), and no cycle between
 * packages. Decisions stay pure functions and the service stays sequential; concurrency lives only
 * in the controller's work queue, frameworks only in the adapters and the controller.
 */
public final class PureCoreRule {

    /** Clients, frameworks, executor types and the other ways to start work on another thread. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "io\\.fabric8\\..*"
                    + "|picocli\\..*"
                    + "|com\\.fasterxml\\.jackson\\..*"
                    + "|io\\.micrometer\\..*"
                    + "|org\\.slf4j\\..*"
                    + "|ch\\.qos\\.logback\\..*"
                    + "|java\\.net\\..*"
                    + "|java\\.util\\.concurrent\\.(Executor|Executors|ExecutorService|ScheduledExecutorService"
                    + "|ThreadPoolExecutor|ScheduledThreadPoolExecutor|ForkJoinPool|CompletableFuture)(\\$.*)?"
                    + "|java\\.lang\\.Thread(\\$.*)?");

    /** Classes on which the pure core must not depend. */
    public static final DescribedPredicate<JavaClass> FORBIDDEN_TYPES = describe(
            "io.fabric8, picocli, jackson, micrometer, slf4j, logback, java.net, java.util.concurrent executors"
                    + " or java.lang.Thread",
            c -> FORBIDDEN.matcher(c.getName()).matches());

    private PureCoreRule() {
    }

    /** The rule: no class depends on a forbidden type (fields, signatures, calls, annotations). */
    public static ArchRule rule() {
        return noClasses().should().dependOnClassesThat(FORBIDDEN_TYPES);
    }

    /**
     * No cycle between the packages directly below {@code rootPackage} (each with its subpackages):
     * a package can be read, tested and moved with only the packages below it.
     */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** The production classes of {@code rootPackage}, test classes left out so they cannot hide a violation. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(rootPackage);
    }
}
