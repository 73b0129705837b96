package org.peershelf.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of DESIGN.md §5.1, checked on the compiled production classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peershelf");
    }

    @Test
    void protocolAndRegistryDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.peershelf.protocol..", "org.peershelf.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void protocolDoesNotUseTheMongoDriver() {
        noClasses().that().resideInAPackage("org.peershelf.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "de.bwaldvogel..")
                .check(classes);
    }

    @Test
    void protocolDoesNotDependOnTheRegistryOrTheApp() {
        noClasses().that().resideInAPackage("org.peershelf.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("org.peershelf.registry..", "org.peershelf.app..")
                .check(classes);
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("org.peershelf.app.cli..")
                .and().doNotHaveFullyQualifiedName("org.peershelf.app.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
