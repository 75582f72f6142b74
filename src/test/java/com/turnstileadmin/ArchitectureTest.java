package com.turnstileadmin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.springframework.stereotype.Controller;

/**
 * The package structure, written down so that it holds as the code grows. One package per
 * feature:
 *
 * <ul>
 * <li>{@code account}: which Cloudflare accounts exist and how to sign in to them;
 * depends on no other feature;
 * <li>{@code widget}: the domain and the port to Cloudflare's API that the service layer
 * uses;
 * <li>{@code cloudflare}: the adapter behind that port and the analytics port, the only
 * code that knows the wire format;
 * <li>{@code analytics}: widget health from Cloudflare's GraphQL Analytics, its port,
 * service and pages; it reads widgets through the widget service;
 * <li>{@code sandbox}: the built-in Cloudflare simulator, which shares no types with the
 * adapter or the domain, so that the contract tests compare two independent readings of
 * the API;
 * <li>{@code audit}: the record of who did what, and its pages; it knows accounts and who
 * is signed in, and the widget service records into it, never the other way round;
 * <li>{@code monitoring}: the Cloudflare part of readiness, asked through the widget port
 * like any other use of Cloudflare;
 * <li>{@code session}: the admins' page of who is signed in, and signing a user out
 * everywhere.
 * <li>{@code paging}: the page number and size, pager and list URLs that the widget list
 * and the audit trail share; it knows no feature.
 * </ul>
 *
 * <p>
 * Within a feature, its pages (controllers, forms, view types) are in its {@code web}
 * subpackage ({@code widget.web}, {@code audit.web}, {@code session.web}); the rest of
 * the feature (domain, port, service, store) never reaches into it.
 */
@AnalyzeClasses(packages = "com.turnstileadmin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.turnstileadmin";

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule accountsDependOnNoOtherFeature = noClasses().that()
        .resideInAPackage(ROOT + ".account..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..", ROOT + ".sandbox..");

    @ArchTest
    static final ArchRule onlyTheAdapterKnowsTheAdapter = noClasses().that()
        .resideOutsideOfPackage(ROOT + ".cloudflare..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".cloudflare..")
        .because("the rest of the app reaches Cloudflare through the TurnstileWidgets port");

    @ArchTest
    static final ArchRule onlyTheAdapterUsesWebClient = noClasses().that()
        .resideOutsideOfPackage(ROOT + ".cloudflare..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.web.reactive.function.client..");

    @ArchTest
    static final ArchRule nothingKnowsTheSandbox = noClasses().that()
        .resideOutsideOfPackage(ROOT + ".sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".sandbox..")
        .because("the sandbox only stands in for Cloudflare behind the same HTTP API");

    @ArchTest
    static final ArchRule theSandboxSharesNoTypesWithTheAdapterOrTheDomain = noClasses().that()
        .resideInAPackage(ROOT + ".sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..", ROOT + ".analytics..");

    @ArchTest
    static final ArchRule onlyTheAdapterSendsGraphQl = noClasses().that()
        .resideOutsideOfPackage(ROOT + ".cloudflare..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.graphql.client..", "org.springframework.graphql.support..")
        .because("the rest of the app reads analytics through the TurnstileAnalytics port");

    @ArchTest
    static final ArchRule theAuditTrailDependsOnlyOnAccountsAndSecurity = noClasses().that()
        .resideInAPackage(ROOT + ".audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".widget..", ROOT + ".cloudflare..", ROOT + ".sandbox..", ROOT + ".web..")
        .because("the widget service records into the audit trail; the trail knows nothing of widgets' types");

    // security's own controllers (sign-in, no access) stay beside the chain they belong
    // to until
    // security is cut the same way.
    @ArchTest
    static final ArchRule controllersAreInAWebPackage = classes().that()
        .areMetaAnnotatedWith(Controller.class)
        .and()
        .resideOutsideOfPackage(ROOT + ".security..")
        .should()
        .resideInAPackage("..web..")
        .because("a feature's pages are in its web subpackage, apart from its domain");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes().that()
        .areMetaAnnotatedWith(Controller.class)
        .should()
        .notBePublic()
        .because("nothing calls a controller but Spring MVC");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheirWeb = classes().that()
        .resideOutsideOfPackage("..web..")
        .should(notDependOnTheWebOfTheirFeature())
        .because("the pages use the domain, never the other way round");

    @ArchTest
    static final ArchRule noPackagesByLayer = noClasses().should()
        .resideInAnyPackage("..controller..", "..service..", "..dto..", "..mapper..", "..repository..", "..model..")
        .because("packages are cut by feature, not by layer");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses().that()
        .doNotHaveFullyQualifiedName(ROOT + ".security.StartupConsole")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".security.HashPasswordCommand")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("everything goes through the log, except a generated password, which must not, and the "
                + "hash-password command's dialogue at the terminal");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /**
     * A class of {@code com.turnstileadmin.<feature>} that uses one of
     * {@code com.turnstileadmin.<feature>.web}.
     */
    private static ArchCondition<JavaClass> notDependOnTheWebOfTheirFeature() {
        return new ArchCondition<>("not depend on the web subpackage of their own feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String web = featureOf(origin) + ".web";
                origin.getDirectDependenciesFromSelf()
                    .stream()
                    .filter(dependency -> isIn(dependency.getTargetClass(), web))
                    .forEach(dependency -> events
                        .add(SimpleConditionEvent.violated(origin, dependency.getDescription())));
            }
        };
    }

    /** {@code com.turnstileadmin.widget} for a class of it or of any package below it. */
    private static String featureOf(JavaClass type) {
        String rest = type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
        return ROOT + "." + rest.split("\\.", 2)[0];
    }

    private static boolean isIn(JavaClass type, String packageName) {
        return type.getPackageName().equals(packageName) || type.getPackageName().startsWith(packageName + ".");
    }

}
