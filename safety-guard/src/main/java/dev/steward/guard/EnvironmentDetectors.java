package dev.steward.guard;

import dev.steward.guard.implementation.Redaction;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentDetection;
import dev.steward.guard.models.EnvironmentSignal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in steps of the environment detection chain and the rule that combines them.
 *
 * <p>The default chain, in order:
 *
 * <ol>
 *   <li>{@link #explicitSetting()}: {@code STEWARD_ENVIRONMENT}, decisive;
 *   <li>{@link #azureContainerApps()}: {@code CONTAINER_APP_NAME}, {@code CONTAINER_APP_JOB_NAME};
 *   <li>{@link #azureFunctions()}: {@code AZURE_FUNCTIONS_ENVIRONMENT}, {@code
 *       FUNCTIONS_WORKER_RUNTIME}, {@code FUNCTIONS_EXTENSION_VERSION};
 *   <li>{@link #azureAppService()}: {@code WEBSITE_SITE_NAME} or {@code AZURE_WEBAPP_NAME}, with
 *       {@code WEBSITE_SLOT_NAME} for deployment slots;
 *   <li>{@link #kubernetes()}: {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT};
 *   <li>{@link #frameworkHints()}: {@code FLASK_ENV}, {@code SPRING_PROFILES_ACTIVE}, {@code
 *       ASPNETCORE_ENVIRONMENT}, {@code DOTNET_ENVIRONMENT}, {@code RAILS_ENV}, {@code NODE_ENV}.
 * </ol>
 *
 * <p>Hosting signals say where a process runs, not what it is for: a hosted process (App Service
 * production slot, Container Apps, hosted Functions, Kubernetes) counts as production unless it is
 * declared otherwise, because hosting must never be the only proof that something is <em>not</em>
 * production. The combination rule ({@link #detect}): the first decisive signal wins; otherwise no
 * signal gives {@link Environment#UNKNOWN}, agreeing signals give their environment, and
 * contradicting signals give {@link Environment#MIXED}. Declare the environment ({@code
 * STEWARD_ENVIRONMENT=production|staging|test|development}) to settle either.
 */
public final class EnvironmentDetectors {

  /** The variable that declares the environment explicitly. */
  public static final String STEWARD_ENVIRONMENT = "STEWARD_ENVIRONMENT";

  /** The framework variables {@link #frameworkHints()} reads, in order. */
  public static final List<String> FRAMEWORK_VARIABLES =
      List.of(
          "FLASK_ENV",
          "SPRING_PROFILES_ACTIVE",
          "ASPNETCORE_ENVIRONMENT",
          "DOTNET_ENVIRONMENT",
          "RAILS_ENV",
          "NODE_ENV");

  private EnvironmentDetectors() {}

  /**
   * The default chain: explicit setting, Azure Container Apps, Azure Functions, Azure App Service,
   * Kubernetes, framework hints.
   *
   * @return the chain
   */
  public static List<EnvironmentDetector> defaultChain() {
    return List.of(
        explicitSetting(),
        azureContainerApps(),
        azureFunctions(),
        azureAppService(),
        kubernetes(),
        frameworkHints());
  }

  /**
   * {@code STEWARD_ENVIRONMENT}: a decisive declaration. A value that names no environment fails
   * the detection (fail closed) instead of being ignored.
   *
   * @return the step
   */
  public static EnvironmentDetector explicitSetting() {
    return env -> {
      String value = env.get(STEWARD_ENVIRONMENT);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      Environment declared =
          Environment.parse(value)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          STEWARD_ENVIRONMENT
                              + "='"
                              + Redaction.printable(value)
                              + "' names no environment: use production, staging, test or"
                              + " development"));
      return List.of(
          new EnvironmentSignal(
              "explicit", STEWARD_ENVIRONMENT + "=" + Redaction.printable(value), declared, true));
    };
  }

  /**
   * A decisive declaration made in code ({@link ProductionGuard.Builder#environment}).
   *
   * @param environment the declared environment (concrete)
   * @return the step
   */
  public static EnvironmentDetector declared(Environment environment) {
    List<EnvironmentSignal> signal =
        List.of(
            new EnvironmentSignal(
                "declared", "declared in code: " + environment.label(), environment, true));
    return env -> signal;
  }

  /**
   * Azure Container Apps ({@code CONTAINER_APP_NAME}, or {@code CONTAINER_APP_JOB_NAME} for jobs):
   * hosted, so production unless declared otherwise.
   *
   * @return the step
   */
  public static EnvironmentDetector azureContainerApps() {
    return env -> {
      String app = env.get("CONTAINER_APP_NAME");
      String job = env.get("CONTAINER_APP_JOB_NAME");
      if (app == null && job == null) {
        return List.of();
      }
      String evidence =
          app != null
              ? "CONTAINER_APP_NAME=" + Redaction.printable(app) + " (Azure Container Apps)"
              : "CONTAINER_APP_JOB_NAME="
                  + Redaction.printable(job)
                  + " (Azure Container Apps job)";
      return List.of(
          EnvironmentSignal.of("azure-container-apps", evidence, Environment.PRODUCTION));
    };
  }

  /**
   * Azure Functions. {@code AZURE_FUNCTIONS_ENVIRONMENT} names the environment (Core Tools sets
   * {@code Development} locally); on a hosted app its value {@code Production} is the platform
   * default and is left to the App Service step, which knows the deployment slot. Runtime variables
   * ({@code FUNCTIONS_WORKER_RUNTIME}, {@code FUNCTIONS_EXTENSION_VERSION}) are recorded as
   * evidence only.
   *
   * @return the step
   */
  public static EnvironmentDetector azureFunctions() {
    return env -> {
      String runtime = env.get("FUNCTIONS_WORKER_RUNTIME");
      String version = env.get("FUNCTIONS_EXTENSION_VERSION");
      String named = env.get("AZURE_FUNCTIONS_ENVIRONMENT");
      boolean hosted = env.get("WEBSITE_SITE_NAME") != null;
      List<EnvironmentSignal> signals = new ArrayList<>(2);
      if (runtime != null || version != null) {
        String variable =
            runtime != null
                ? "FUNCTIONS_WORKER_RUNTIME=" + Redaction.printable(runtime)
                : "FUNCTIONS_EXTENSION_VERSION=" + Redaction.printable(version);
        signals.add(
            EnvironmentSignal.info(
                "azure-functions",
                variable
                    + (hosted
                        ? " (Azure Functions on App Service)"
                        : " (Functions runtime without a hosting signal: a local host?)")));
      }
      if (named != null) {
        String evidence = "AZURE_FUNCTIONS_ENVIRONMENT=" + Redaction.printable(named);
        Environment environment = Environment.parse(named).orElse(null);
        if (environment == null) {
          signals.add(
              EnvironmentSignal.info("azure-functions", evidence + " names no environment"));
        } else if (hosted && environment == Environment.PRODUCTION) {
          signals.add(
              EnvironmentSignal.info(
                  "azure-functions", evidence + " (the platform default on a hosted app)"));
        } else {
          signals.add(EnvironmentSignal.of("azure-functions", evidence, environment));
        }
      }
      return signals;
    };
  }

  /**
   * Azure App Service ({@code WEBSITE_SITE_NAME}, or {@code AZURE_WEBAPP_NAME}). The production
   * slot (no {@code WEBSITE_SLOT_NAME}, or {@code Production}) is production; a slot named after an
   * environment is that environment; any other slot is staging.
   *
   * @return the step
   */
  public static EnvironmentDetector azureAppService() {
    return env -> {
      String site = env.get("WEBSITE_SITE_NAME");
      String variable = "WEBSITE_SITE_NAME";
      if (site == null) {
        site = env.get("AZURE_WEBAPP_NAME");
        variable = "AZURE_WEBAPP_NAME";
      }
      if (site == null) {
        return List.of();
      }
      String evidence = variable + "=" + Redaction.printable(site);
      String slot = env.get("WEBSITE_SLOT_NAME");
      if (slot == null || slot.isBlank() || slot.trim().equalsIgnoreCase("production")) {
        return List.of(
            EnvironmentSignal.of(
                "azure-app-service",
                evidence
                    + (slot == null ? "" : ", WEBSITE_SLOT_NAME=" + Redaction.printable(slot))
                    + " (Azure App Service, production slot)",
                Environment.PRODUCTION));
      }
      String slotEvidence = evidence + ", WEBSITE_SLOT_NAME=" + Redaction.printable(slot);
      return List.of(
          Environment.parse(slot)
              .map(
                  named ->
                      EnvironmentSignal.of(
                          "azure-app-service", slotEvidence + " (deployment slot)", named))
              .orElseGet(
                  () ->
                      EnvironmentSignal.of(
                          "azure-app-service",
                          slotEvidence + " (a deployment slot other than production)",
                          Environment.STAGING)));
    };
  }

  /**
   * Kubernetes ({@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT}, as Spring's
   * {@code CloudPlatform} checks): hosted, so production unless declared otherwise.
   *
   * @return the step
   */
  public static EnvironmentDetector kubernetes() {
    return env -> {
      if (env.get("KUBERNETES_SERVICE_HOST") == null
          || env.get("KUBERNETES_SERVICE_PORT") == null) {
        return List.of();
      }
      return List.of(
          EnvironmentSignal.of(
              "kubernetes",
              "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT set (a Kubernetes pod)",
              Environment.PRODUCTION));
    };
  }

  /**
   * Framework hints: {@link #FRAMEWORK_VARIABLES}. {@code SPRING_PROFILES_ACTIVE} is a
   * comma-separated list; each profile that names an environment is a signal. Values that name no
   * environment are recorded as evidence only.
   *
   * @return the step
   */
  public static EnvironmentDetector frameworkHints() {
    return env -> {
      List<EnvironmentSignal> signals = new ArrayList<>(2);
      for (String variable : FRAMEWORK_VARIABLES) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
          continue;
        }
        String evidence = variable + "=" + Redaction.printable(value);
        if (variable.equals("SPRING_PROFILES_ACTIVE")) {
          Set<Environment> named = EnumSet.noneOf(Environment.class);
          for (String profile : value.split(",")) {
            Environment.parse(profile).ifPresent(named::add);
          }
          if (named.isEmpty()) {
            signals.add(EnvironmentSignal.info("framework", evidence + " names no environment"));
          }
          for (Environment environment : named) {
            signals.add(
                EnvironmentSignal.of(
                    "framework", evidence + " (profile " + environment.label() + ")", environment));
          }
          continue;
        }
        Environment environment = Environment.parse(value).orElse(null);
        signals.add(
            environment == null
                ? EnvironmentSignal.info("framework", evidence + " names no environment")
                : EnvironmentSignal.of("framework", evidence, environment));
      }
      return signals;
    };
  }

  /**
   * Runs a chain and combines its signals: the first decisive signal wins; otherwise no signal
   * gives {@link Environment#UNKNOWN}, agreeing signals give their environment, contradicting
   * signals give {@link Environment#MIXED}.
   *
   * @param chain the steps, in order
   * @param environmentVariables the process environment
   * @return the detection with every signal seen
   * @throws Exception when a step fails
   */
  public static EnvironmentDetection detect(
      List<EnvironmentDetector> chain, Map<String, String> environmentVariables) throws Exception {
    List<EnvironmentSignal> seen = new ArrayList<>();
    Set<Environment> indicated = new LinkedHashSet<>();
    for (EnvironmentDetector detector : chain) {
      List<EnvironmentSignal> signals = detector.detect(environmentVariables);
      if (signals == null) {
        continue;
      }
      for (EnvironmentSignal signal : signals) {
        seen.add(signal);
        if (signal.decisive()) {
          return new EnvironmentDetection(signal.indicates(), seen, null);
        }
        if (signal.indicates() != null) {
          indicated.add(signal.indicates());
        }
      }
    }
    Environment result;
    if (indicated.isEmpty()) {
      result = Environment.UNKNOWN;
    } else if (indicated.size() == 1) {
      result = indicated.iterator().next();
    } else {
      result = Environment.MIXED;
    }
    return new EnvironmentDetection(result, seen, null);
  }

  /**
   * How to declare the environment, for messages.
   *
   * @return the hint
   */
  static String declareHint() {
    return "declare it with "
        + STEWARD_ENVIRONMENT
        + "=production|staging|test|development (or ProductionGuard.builder().environment(...))";
  }
}
