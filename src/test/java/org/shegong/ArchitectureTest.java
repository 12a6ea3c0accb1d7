package org.shegong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of the code base (DESIGN.md "Shape"): the kernel {@code system} at the bottom, the core features
 * {@code content}, {@code account} and {@code column} above it, every other feature above those, the back
 * office's shell {@code admin} on top; and no cycles between features at any depth.
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.shegong.content..", "org.shegong.account..", "org.shegong.column.."};
    private static final String[] UPPER = {"org.shegong.editorial..", "org.shegong.site..", "org.shegong.search..",
            "org.shegong.digest..", "org.shegong.media..", "org.shegong.region..", "org.shegong.engage..",
            "org.shegong.api..", "org.shegong.topic..", "org.shegong.sitepage..", "org.shegong.duplicates..",
            "org.shegong.admin.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.shegong");
    }

    @Test
    void theKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.shegong.system..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(CORE, UPPER))
                .because("system is the floor every feature stands on")
                .check(classes);
    }

    @Test
    void coreFeaturesDependOnNoUpperFeature() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(UPPER)
                .because("content, account and column are what the other features are built on")
                .check(classes);
    }

    /** The importer maps column names to columns, so it alone in content may look at the column tree. */
    @Test
    void contentStandsOnTheKernelAlone() {
        noClasses().that().resideInAPackage("org.shegong.content..")
                .and().resideOutsideOfPackage("org.shegong.content.importer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.shegong.account..", "org.shegong.column..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheBackOfficeShell() {
        noClasses().that().resideOutsideOfPackage("org.shegong.admin..")
                .should().dependOnClassesThat().resideInAPackage("org.shegong.admin..")
                .because("admin is only the shell (layout, dashboard, menu); features own their pages")
                .check(classes);
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.shegong.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesBetweenPackagesInsideAFeature() {
        slices().matching("org.shegong.(**)").should().beFreeOfCycles().check(classes);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
