package io.ngxtime.charts;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules depend one way, grammar, analyzer, charts, then cli (with the generator the cli
 * runs, and benchmarks beside it), and the charts draw the report model only: no sources, record queue,
 * analysis run or request records. Checked here, the highest module that sees grammar, analyzer and charts,
 * on their compiled main classes: a fully qualified name counts as much as an import, and a reference to a
 * class of a later module is seen by its name though that module is not on this classpath. (Maven's
 * dependencies already keep a module from compiling against a later one; these rules also catch a class
 * named in a string-free way Maven cannot see, and say what is meant.)
 */
@AnalyzeClasses(packages = "io.ngxtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {
    private static final String GRAMMAR = "io.ngxtime.grammar..";
    private static final String ANALYZER = "io.ngxtime.analyzer..";
    private static final String CHARTS = "io.ngxtime.charts..";
    private static final String CLI = "io.ngxtime.cli..";
    private static final String GENERATOR = "io.ngxtime.generator..";
    private static final String BENCHMARKS = "io.ngxtime.benchmarks..";

    @ArchTest
    static final ArchRule grammar_usesNoOtherModule = noClasses().that().resideInAPackage(GRAMMAR)
            .should().dependOnClassesThat().resideInAnyPackage(ANALYZER, CHARTS, CLI, GENERATOR, BENCHMARKS);

    @ArchTest
    static final ArchRule analyzer_usesOnlyTheGrammar = noClasses().that().resideInAPackage(ANALYZER)
            .should().dependOnClassesThat().resideInAnyPackage(CHARTS, CLI, GENERATOR, BENCHMARKS);

    @ArchTest
    static final ArchRule charts_useNeitherTheCliNorTheGeneratorNorTheBenchmarks = noClasses().that()
            .resideInAPackage(CHARTS)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, GENERATOR, BENCHMARKS);

    /** The report model and the records it is made of; nothing that reads logs, queues or runs an analysis. */
    @ArchTest
    static final ArchRule charts_readOnlyTheReport = noClasses().that().resideInAPackage(CHARTS)
            .should().dependOnClassesThat(resideInAPackage(ANALYZER)
                    .and(not(resideInAnyPackage("io.ngxtime.analyzer.report..", "io.ngxtime.analyzer.record.."))))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.ngxtime.analyzer.record.Request")
            .because("charts draw the report model: what reads logs, queues or runs an analysis is the cli's to call");
}
