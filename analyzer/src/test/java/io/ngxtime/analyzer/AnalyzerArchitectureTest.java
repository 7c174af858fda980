package io.ngxtime.analyzer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The packages of the analyzer depend on each other one way, in the order of {@link #LAYERS} (see the
 * root package-info): each may use only those before it. Checked on the compiled main classes, so a fully
 * qualified name in code counts as much as an import (a compile-time constant is inlined and not seen).
 */
@AnalyzeClasses(packages = "io.ngxtime.analyzer", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyzerArchitectureTest {
    private static final String ROOT = "io.ngxtime.analyzer";

    /** Lowest first: a layer may use the layers before it, never one after it. */
    static final List<String> LAYERS = List.of("files", "record", "source", "ingest", "queue", "report",
            "aggregate", "facade");

    /**
     * One slice per package of the module, the root package included: ArchUnit's pattern form
     * ({@code io.ngxtime.analyzer.(**)}) matches only sub-packages, and the root is where most cycles closed.
     */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of("analyzer");
            }
            if (pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.of("analyzer." + pkg.substring(ROOT.length() + 1));
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
    static final ArchRule packages_dependOnlyOnThoseBeforeThem = layers();

    /** What the charts and renderers read depends on nothing of the pipeline: only the request model. */
    @ArchTest
    static final ArchRule reportModel_usesOnlyTheRequestModel = classes().that().resideInAPackage(ROOT + ".report..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".report..", ROOT + ".record..", "java..");

    private static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (String layer : LAYERS) {
            rule = layer.equals("facade")
                    ? rule.layer(layer).definedBy(ROOT, ROOT + ".live..")
                    : rule.layer(layer).definedBy(ROOT + "." + layer + "..");
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new);
            rule = rule.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        return rule.whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .as("analyzer packages depend one way: " + String.join(" <- ", LAYERS)
                        + " (each may use only those before it)");
    }
}
