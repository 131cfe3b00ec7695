package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentDetection;
import dev.steward.guard.models.EnvironmentSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDetectorsTest {

  private static EnvironmentDetection detect(Map<String, String> env) throws Exception {
    return EnvironmentDetectors.detect(EnvironmentDetectors.defaultChain(), env);
  }

  @Test
  void noSignalIsUnknown() throws Exception {
    EnvironmentDetection detection = detect(Map.of("PATH", "/usr/bin"));
    assertThat(detection.environment()).isEqualTo(Environment.UNKNOWN);
    assertThat(detection.signals()).isEmpty();
    assertThat(detection.evidenceSummary()).isEqualTo("no signal");
  }

  @Test
  void explicitSettingIsDecisiveAndStopsTheChain() throws Exception {
    EnvironmentDetection detection =
        detect(
            Map.of(
                "STEWARD_ENVIRONMENT", "Production",
                "FLASK_ENV", "development",
                "WEBSITE_SITE_NAME", "shop"));
    assertThat(detection.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(detection.signals()).hasSize(1);
    assertThat(detection.signals().get(0).decisive()).isTrue();
    assertThat(detection.signals().get(0).evidence()).isEqualTo("STEWARD_ENVIRONMENT=Production");
  }

  @Test
  void explicitDevelopmentIsHonouredEvenOnAHost() throws Exception {
    assertThat(
            detect(
                    Map.of(
                        "STEWARD_ENVIRONMENT",
                        "dev",
                        "KUBERNETES_SERVICE_HOST",
                        "10.0.0.1",
                        "KUBERNETES_SERVICE_PORT",
                        "443"))
                .environment())
        .isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void explicitSettingThatNamesNothingFailsInsteadOfBeingIgnored() {
    assertThatThrownBy(() -> detect(Map.of("STEWARD_ENVIRONMENT", "prod-eu")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STEWARD_ENVIRONMENT='prod-eu' names no environment")
        .hasMessageContaining("production, staging, test or development");
  }

  @Test
  void appServiceProductionSlotIsProduction() throws Exception {
    EnvironmentDetection detection = detect(Map.of("WEBSITE_SITE_NAME", "ai-learning-tracker"));
    assertThat(detection.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(detection.evidenceSummary())
        .isEqualTo("WEBSITE_SITE_NAME=ai-learning-tracker (Azure App Service, production slot)");
    assertThat(
            detect(Map.of("WEBSITE_SITE_NAME", "shop", "WEBSITE_SLOT_NAME", "Production"))
                .environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void azureWebappNameFromTheSeedIsProduction() throws Exception {
    assertThat(detect(Map.of("AZURE_WEBAPP_NAME", "tracker")).environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void deploymentSlotsAreNotProduction() throws Exception {
    EnvironmentDetection staging =
        detect(Map.of("WEBSITE_SITE_NAME", "shop", "WEBSITE_SLOT_NAME", "staging"));
    assertThat(staging.environment()).isEqualTo(Environment.STAGING);
    assertThat(staging.evidenceSummary()).contains("WEBSITE_SLOT_NAME=staging (deployment slot)");
    EnvironmentDetection blue =
        detect(Map.of("WEBSITE_SITE_NAME", "shop", "WEBSITE_SLOT_NAME", "blue"));
    assertThat(blue.environment()).isEqualTo(Environment.STAGING);
    assertThat(blue.evidenceSummary()).contains("a deployment slot other than production");
    assertThat(
            detect(Map.of("WEBSITE_SITE_NAME", "shop", "WEBSITE_SLOT_NAME", "dev")).environment())
        .isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void containerAppsAndJobsAreProduction() throws Exception {
    assertThat(detect(Map.of("CONTAINER_APP_NAME", "api")).environment())
        .isEqualTo(Environment.PRODUCTION);
    EnvironmentDetection job = detect(Map.of("CONTAINER_APP_JOB_NAME", "nightly"));
    assertThat(job.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(job.evidenceSummary()).contains("Azure Container Apps job");
  }

  @Test
  void localFunctionsHostIsDevelopment() throws Exception {
    EnvironmentDetection detection =
        detect(
            Map.of(
                "FUNCTIONS_WORKER_RUNTIME", "java", "AZURE_FUNCTIONS_ENVIRONMENT", "Development"));
    assertThat(detection.environment()).isEqualTo(Environment.DEVELOPMENT);
    assertThat(detection.signals())
        .extracting(EnvironmentSignal::evidence)
        .anyMatch(e -> e.contains("without a hosting signal"));
  }

  @Test
  void hostedFunctionsFollowTheSlotNotThePlatformDefault() throws Exception {
    Map<String, String> hostedStagingSlot =
        Map.of(
            "FUNCTIONS_EXTENSION_VERSION", "~4",
            "AZURE_FUNCTIONS_ENVIRONMENT", "Production",
            "WEBSITE_SITE_NAME", "fn",
            "WEBSITE_SLOT_NAME", "staging");
    assertThat(detect(hostedStagingSlot).environment()).isEqualTo(Environment.STAGING);
    Map<String, String> hosted =
        Map.of("FUNCTIONS_WORKER_RUNTIME", "java", "WEBSITE_SITE_NAME", "fn");
    assertThat(detect(hosted).environment()).isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void functionsRuntimeAloneIsOnlyEvidence() throws Exception {
    EnvironmentDetection detection = detect(Map.of("FUNCTIONS_WORKER_RUNTIME", "java"));
    assertThat(detection.environment()).isEqualTo(Environment.UNKNOWN);
    assertThat(detection.signals()).hasSize(1);
    assertThat(detection.signals().get(0).indicates()).isNull();
  }

  @Test
  void kubernetesNeedsHostAndPort() throws Exception {
    assertThat(detect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).environment())
        .isEqualTo(Environment.UNKNOWN);
    EnvironmentDetection pod =
        detect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443"));
    assertThat(pod.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(pod.evidenceSummary()).doesNotContain("10.0.0.1");
  }

  @Test
  void everyFrameworkHintIsRead() throws Exception {
    assertThat(detect(Map.of("FLASK_ENV", "development")).environment())
        .isEqualTo(Environment.DEVELOPMENT);
    assertThat(detect(Map.of("SPRING_PROFILES_ACTIVE", "cloud, prod")).environment())
        .isEqualTo(Environment.PRODUCTION);
    assertThat(detect(Map.of("ASPNETCORE_ENVIRONMENT", "Staging")).environment())
        .isEqualTo(Environment.STAGING);
    assertThat(detect(Map.of("DOTNET_ENVIRONMENT", "Development")).environment())
        .isEqualTo(Environment.DEVELOPMENT);
    assertThat(detect(Map.of("RAILS_ENV", "test")).environment()).isEqualTo(Environment.TEST);
    assertThat(detect(Map.of("NODE_ENV", "production")).environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void hintsThatNameNothingAreEvidenceOnly() throws Exception {
    EnvironmentDetection detection =
        detect(Map.of("NODE_ENV", "banana", "SPRING_PROFILES_ACTIVE", "cloud,metrics"));
    assertThat(detection.environment()).isEqualTo(Environment.UNKNOWN);
    assertThat(detection.signals())
        .extracting(EnvironmentSignal::evidence)
        .containsExactlyInAnyOrder(
            "SPRING_PROFILES_ACTIVE=cloud,metrics names no environment",
            "NODE_ENV=banana names no environment");
  }

  @Test
  void aDevelopmentHintOnAnAppServiceIsMixed() throws Exception {
    EnvironmentDetection detection =
        detect(Map.of("WEBSITE_SITE_NAME", "shop", "FLASK_ENV", "development"));
    assertThat(detection.environment()).isEqualTo(Environment.MIXED);
    assertThat(detection.evidenceSummary())
        .contains("WEBSITE_SITE_NAME=shop")
        .contains("FLASK_ENV=development");
  }

  @Test
  void contradictingSpringProfilesAreMixed() throws Exception {
    assertThat(detect(Map.of("SPRING_PROFILES_ACTIVE", "dev,prod")).environment())
        .isEqualTo(Environment.MIXED);
  }

  @Test
  void agreeingSignalsGiveTheirEnvironment() throws Exception {
    assertThat(
            detect(Map.of("CONTAINER_APP_NAME", "api", "ASPNETCORE_ENVIRONMENT", "Production"))
                .environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void evidenceValuesAreMadePrintable() throws Exception {
    EnvironmentDetection detection = detect(Map.of("NODE_ENV", "dev\nINJECTED"));
    assertThat(detection.signals().get(0).evidence()).doesNotContain("\n");
  }

  @Test
  void declaredInCodeIsDecisive() throws Exception {
    EnvironmentDetection detection =
        EnvironmentDetectors.detect(
            List.of(
                EnvironmentDetectors.declared(Environment.TEST),
                EnvironmentDetectors.azureAppService()),
            Map.of("WEBSITE_SITE_NAME", "shop"));
    assertThat(detection.environment()).isEqualTo(Environment.TEST);
  }

  @Test
  void environmentNamesParse() {
    assertThat(Environment.parse(" PRD ")).contains(Environment.PRODUCTION);
    assertThat(Environment.parse("uat")).contains(Environment.STAGING);
    assertThat(Environment.parse("qa")).contains(Environment.TEST);
    assertThat(Environment.parse("local")).contains(Environment.DEVELOPMENT);
    assertThat(Environment.parse("unknown")).isEmpty();
    assertThat(Environment.parse(null)).isEmpty();
  }
}
