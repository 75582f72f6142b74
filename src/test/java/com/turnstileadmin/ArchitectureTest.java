package com.turnstileadmin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The package structure, written down so that it holds as the code grows. One package per
 * feature:
 *
 * <ul>
 *   <li>{@code account}: which Cloudflare accounts exist and how to sign in to them; depends on no
 *       other feature;
 *   <li>{@code widget}: the domain and the port to Cloudflare's API that the service layer uses;
 *   <li>{@code cloudflare}: the adapter behind that port, the only code that knows the wire format;
 *   <li>{@code sandbox}: the built-in Cloudflare simulator, which shares no types with the adapter
 *       or the domain, so that the contract tests compare two independent readings of the API;
 *   <li>{@code audit}: the record of who did what, and its pages; it knows accounts and who is signed
 *       in, and the widget service records into it, never the other way round;
 *   <li>{@code monitoring}: the Cloudflare part of readiness, asked through the widget port like any
 *       other use of Cloudflare;
 *   <li>{@code session}: the admins' page of who is signed in, and signing a user out everywhere.
 * </ul>
 */
@AnalyzeClasses(packages = "com.turnstileadmin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.turnstileadmin";

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule accountsDependOnNoOtherFeature = noClasses().that().resideInAPackage(ROOT + ".account..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..",
                    ROOT + ".sandbox..");

    @ArchTest
    static final ArchRule onlyTheAdapterKnowsTheAdapter = noClasses().that().resideOutsideOfPackage(ROOT + ".cloudflare..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".cloudflare..")
            .because("the rest of the app reaches Cloudflare through the TurnstileWidgets port");

    @ArchTest
    static final ArchRule onlyTheAdapterUsesWebClient = noClasses().that().resideOutsideOfPackage(ROOT + ".cloudflare..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.web.reactive.function.client..");

    @ArchTest
    static final ArchRule nothingKnowsTheSandbox = noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
            .because("the sandbox only stands in for Cloudflare behind the same HTTP API");

    @ArchTest
    static final ArchRule theSandboxSharesNoTypesWithTheAdapterOrTheDomain = noClasses()
            .that().resideInAPackage(ROOT + ".sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..");

    @ArchTest
    static final ArchRule theAuditTrailDependsOnlyOnAccountsAndSecurity = noClasses()
            .that().resideInAPackage(ROOT + ".audit..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..",
                    ROOT + ".sandbox..", ROOT + ".web..")
            .because("the widget service records into the audit trail; the trail knows nothing of widgets' types");

    @ArchTest
    static final ArchRule noPackagesByLayer = noClasses().should().resideInAnyPackage("..controller..", "..service..",
            "..dto..", "..mapper..", "..repository..", "..model..")
            .because("packages are cut by feature, not by layer");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses()
            .that().doNotHaveFullyQualifiedName(ROOT + ".security.StartupConsole")
            .and().doNotHaveFullyQualifiedName(ROOT + ".security.HashPasswordCommand")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything goes through the log, except a generated password, which must not, and the "
                    + "hash-password command's dialogue at the terminal");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
