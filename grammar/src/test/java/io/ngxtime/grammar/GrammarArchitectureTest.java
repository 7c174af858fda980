package io.ngxtime.grammar;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The packages of the grammar module depend on each other one way (see the module's package-info):
 * {@code conf} and {@code reference} build on the root package (formats, records, the line parser), and
 * all of them on the generated {@code antlr} package. Checked on the compiled main classes, so a fully
 * qualified name in code counts as much as an import.
 */
@AnalyzeClasses(packages = "io.ngxtime.grammar", importOptions = ImportOption.DoNotIncludeTests.class)
class GrammarArchitectureTest {
    private static final String ROOT = "io.ngxtime.grammar";

    /**
     * One slice per package of the module, the root package included: ArchUnit's pattern form
     * ({@code io.ngxtime.grammar.(**)}) matches only sub-packages, and the root is where a cycle would close.
     */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of("grammar");
            }
            if (pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.of("grammar." + pkg.substring(ROOT.length() + 1));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of " + ROOT;
        }
    };

    @ArchTest
    static final ArchRule packages_haveNoCycles = slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packages_dependOneWay_confAndReferenceOnFormats_allOnGenerated = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("conf").definedBy(ROOT + ".conf..")
            .layer("reference").definedBy(ROOT + ".reference..")
            .layer("formats").definedBy(ROOT)
            .layer("generated").definedBy(ROOT + ".antlr..")
            .whereLayer("conf").mayNotBeAccessedByAnyLayer()
            .whereLayer("reference").mayNotBeAccessedByAnyLayer()
            .whereLayer("formats").mayOnlyBeAccessedByLayers("conf", "reference")
            .whereLayer("generated").mayOnlyBeAccessedByLayers("formats", "conf", "reference");
}
