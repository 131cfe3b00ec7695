package dev.steward.guard;

import dev.steward.guard.implementation.Deadline;
import dev.steward.guard.implementation.Redaction;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.BackupInfo;
import dev.steward.guard.models.Check;
import dev.steward.guard.models.Confirmation;
import dev.steward.guard.models.ConfirmationRequest;
import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentDetection;
import dev.steward.guard.models.EnvironmentStamp;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Reason;
import dev.steward.guard.models.Target;
import dev.steward.guard.models.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an operation may run: {@link Verdict#ALLOW}, {@link Verdict#REQUIRE_CONFIRMATION}
 * or {@link Verdict#PROHIBIT}, always with reasons a person can act on.
 *
 * <pre>{@code
 * ProductionGuard guard = ProductionGuard.builder().build();   // System.getenv(), UTC clock
 * Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
 * guard.check(op);                                              // throws when not allowed
 * }</pre>
 *
 * <h2>The rules, in order</h2>
 *
 * <ol>
 *   <li><b>Environment.</b> The process's environment comes from a detection chain ({@link
 *       EnvironmentDetectors}); a failed detection prohibits everything. {@code UNKNOWN} and {@code
 *       MIXED} count as protected.
 *   <li><b>Policy.</b> {@link Builder#prohibit} rules are hard prohibitions.
 *   <li><b>Reads</b> are allowed.
 *   <li><b>Stamp.</b> A target stamped with a protected environment (production by default) is not
 *       changed from a process in another environment: {@code PROHIBIT}, liftable only by a
 *       single-use override. A protected process changing a target stamped otherwise needs a
 *       confirmation. A target is protected when its stamp is a protected environment or, when it
 *       is unstamped, when the process's environment is protected.
 *   <li><b>Test data.</b> A data deployment onto a protected target profiles its source; a source
 *       that looks like test data (confidence at or above the threshold, 0.7 by default), no
 *       source, or a failed profile is a hard {@code PROHIBIT}.
 *   <li><b>Backup.</b> When required (by the operation or {@link Builder#requireBackupFor}), a
 *       protected target needs a restorable backup younger than the allowed age (24 h by default);
 *       none, too old, or a failed check is a hard {@code PROHIBIT}.
 *   <li><b>Confirmation.</b> Destructive operations and data deployments on a protected target,
 *       operations that ask for it, and writes from an {@code UNKNOWN} or {@code MIXED} process
 *       need a typed confirmation naming the target.
 * </ol>
 *
 * <p>Then: a single-use override ({@value #OVERRIDE_VARIABLE}{@code =<operation>:<target>}, exact
 * value) lifts confirmations and stamp mismatches, never a hard prohibition; otherwise the
 * confirmation providers are asked. Every decision is offered to the audit sink; when recording
 * fails, an allowed operation is refused. Any exception or time-out in a check ends in {@code
 * PROHIBIT} with its cause, never in {@code ALLOW}.
 *
 * <p>Thread-safe. The detected environment is cached after the first successful detection.
 */
public final class ProductionGuard {

  /** The variable holding a single-use override: {@code <operation>:<target>}. */
  public static final String OVERRIDE_VARIABLE = "STEWARD_GUARD_OVERRIDE";

  /** The default test-data confidence at which a data deployment onto production is prohibited. */
  public static final double DEFAULT_TEST_DATA_THRESHOLD = 0.7;

  /** The default maximum age of the latest restorable backup. */
  public static final Duration DEFAULT_MAX_BACKUP_AGE = Duration.ofHours(24);

  /** How long a confirmation stays valid by default. */
  public static final Duration DEFAULT_CONFIRMATION_VALIDITY = Duration.ofMinutes(5);

  /** How long a check (detector, profiler, verifier, stamp lookup) may take by default. */
  public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);

  private final Map<String, String> environmentVariables;
  private final Clock clock;
  private final List<EnvironmentDetector> detectors;
  private final Set<Environment> protectedEnvironments;
  private final double testDataThreshold;
  private final BackupVerifier backupVerifier;
  private final Duration maxBackupAge;
  private final Set<OperationKind> backupRequiredFor;
  private final Map<OperationKind, Set<Environment>> prohibitions;
  private final List<ConfirmationProvider> confirmationProviders;
  private final Duration confirmationValidity;
  private final AuditSink auditSink;
  private final String principal;
  private final Map<String, Target> knownTargets;
  private final Duration checkTimeout;
  private final OverrideSetting override;
  private final String invalidOverride;
  private final AtomicBoolean overrideSpent = new AtomicBoolean();
  private final Set<String> usedConfirmations = ConcurrentHashMap.newKeySet();
  private volatile EnvironmentDetection detected;

  private ProductionGuard(Builder builder) {
    this.environmentVariables = Map.copyOf(builder.environmentVariables);
    this.clock = builder.clock;
    List<EnvironmentDetector> chain = new ArrayList<>();
    if (builder.declared != null) {
      chain.add(EnvironmentDetectors.declared(builder.declared));
    }
    chain.addAll(builder.detectors);
    this.detectors = List.copyOf(chain);
    this.protectedEnvironments = Set.copyOf(builder.protectedEnvironments);
    this.testDataThreshold = builder.testDataThreshold;
    this.backupVerifier = builder.backupVerifier;
    this.maxBackupAge = builder.maxBackupAge;
    this.backupRequiredFor = Set.copyOf(builder.backupRequiredFor);
    Map<OperationKind, Set<Environment>> rules = new EnumMap<>(OperationKind.class);
    builder.prohibitions.forEach((kind, environments) -> rules.put(kind, Set.copyOf(environments)));
    this.prohibitions = rules;
    List<ConfirmationProvider> providers = new ArrayList<>();
    if (builder.confirmFromEnvironment) {
      providers.add(Confirmations.environment(environmentVariables, clock));
    }
    providers.addAll(builder.confirmationProviders);
    this.confirmationProviders = List.copyOf(providers);
    this.confirmationValidity = builder.confirmationValidity;
    this.auditSink =
        builder.auditSinks.isEmpty() ? new Slf4jAuditSink() : AuditSink.all(builder.auditSinks);
    this.principal = builder.principal != null ? builder.principal : defaultPrincipal();
    Map<String, Target> targets = new HashMap<>();
    builder.stamps.forEach((name, stamp) -> targets.put(name, Target.stamped(name, stamp)));
    this.knownTargets = Map.copyOf(targets);
    this.checkTimeout = builder.checkTimeout;
    OverrideSetting setting = builder.override;
    String invalid = null;
    String variable = environmentVariables.get(OVERRIDE_VARIABLE);
    if (setting == null && variable != null && !variable.isEmpty()) {
      setting = OverrideSetting.parse(variable);
      if (setting == null) {
        invalid = variable;
        LOG.warn(
            "{}='{}' is ignored: the value must be exactly '<operation>:<target>', for example"
                + " 'destructive:orders-db'",
            OVERRIDE_VARIABLE,
            Redaction.printable(variable));
      }
    }
    this.override = setting;
    this.invalidOverride = invalid;
  }

  /**
   * A builder with the defaults: {@link System#getenv()}, the UTC system clock, the default
   * detection chain, production protected, threshold 0.7, 24 h backups, 5 min confirmations,
   * confirmations from {@value Confirmations#STEWARD_CONFIRM}, slf4j audit.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The environment this process runs in, with its evidence. Detected on first use and cached once
   * it succeeds.
   *
   * @return the detection; on failure {@link Environment#UNKNOWN} with the failure
   */
  public EnvironmentDetection environment() {
    EnvironmentDetection current = detected;
    if (current == null) {
      current = detectNow();
      if (current.failure() == null) {
        detected = current;
      }
    }
    return current;
  }

  /**
   * A target by name, with the stamp registered for it through {@link Builder#targetStamp}, if any.
   *
   * @param name the target's name
   * @return the target
   */
  public Target target(String name) {
    Target known = knownTargets.get(name);
    return known != null ? known : Target.named(name);
  }

  /**
   * The principal recorded in the audit trail.
   *
   * @return the principal
   */
  public String principal() {
    return principal;
  }

  /**
   * Decides on an operation, asks the confirmation providers when a confirmation is needed, and
   * records the decision in the audit trail.
   *
   * @param operation the operation
   * @return the decision; never throws for a refusal
   */
  public Decision evaluate(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    Decision decision;
    try {
      decision = decide(operation);
    } catch (RuntimeException e) {
      decision =
          refusal(
              operation,
              Check.GUARD,
              "the guard failed while deciding: " + Redaction.describe(e),
              "this is a bug or a broken extension (detector, signal, provider); the guard refuses"
                  + " rather than allows");
    }
    return audit(decision);
  }

  /**
   * Like {@link #evaluate}, but throws when the operation is not allowed.
   *
   * @param operation the operation
   * @return the allowing decision
   * @throws ConfirmationRequiredException when a confirmation is needed and none was given
   * @throws OperationProhibitedException when the operation is prohibited (or a subtype)
   */
  public Decision check(Operation operation) {
    Decision decision = evaluate(operation);
    if (!decision.isAllowed()) {
      throw exceptionFor(decision);
    }
    return decision;
  }

  /**
   * Runs {@code action} if the guard allows {@code operation}.
   *
   * @param operation the operation
   * @param action what to run
   * @throws ProductionGuardException when not allowed; {@code action} did not run
   */
  public void run(Operation operation, Runnable action) {
    check(operation);
    action.run();
  }

  /**
   * Runs {@code action} if the guard allows {@code operation} and returns its result.
   *
   * @param operation the operation
   * @param action what to run
   * @param <T> the result type
   * @return the action's result
   * @throws ProductionGuardException when not allowed; {@code action} did not run
   */
  public <T> T call(Operation operation, Supplier<T> action) {
    check(operation);
    return action.get();
  }

  /**
   * Writes an environment stamp into a database (see {@link JdbcStamps}) when the guard allows it.
   * Stamping that keeps or adds protection (for example marking a database {@code production}) is
   * always allowed. Stamping that lowers it (a production database restamped {@code development},
   * or an unstamped database reached from a protected process stamped as unprotected) is decided as
   * a {@link OperationKind#DESTRUCTIVE} operation on the target as it is stamped now.
   *
   * @param targetName the target's name, for messages and the audit trail
   * @param connections opens connections to the target
   * @param environment the environment to stamp (concrete)
   * @return the decision; the stamp was written only when it allows
   * @throws SQLException when writing the stamp fails after it was allowed
   */
  public Decision stamp(String targetName, ConnectionFactory connections, Environment environment)
      throws SQLException {
    Objects.requireNonNull(environment, "environment");
    if (!environment.isConcrete()) {
      throw new IllegalArgumentException(
          "stamp a concrete environment (production, staging, test or development), not "
              + environment.label());
    }
    Target lookup = JdbcStamps.target(targetName, connections);
    Optional<Environment> current;
    try {
      current =
          Deadline.call(
              lookup.stampLookup().orElseThrow()::read,
              checkTimeout,
              "reading the stamp of '" + targetName + "'");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return audit(
          refusal(
              Operation.write(Target.named(targetName)).named("stamp " + environment.label()),
              Check.STAMP,
              "could not read the current stamp of '" + targetName + "': " + Redaction.describe(e),
              "make the database reachable and retry; the guard does not restamp what it cannot"
                  + " read"));
    }
    Target now = Target.stamped(targetName, current.orElse(null));
    boolean wasProtected =
        current.map(protectedEnvironments::contains).orElseGet(() -> isProtected(environment()));
    boolean lowers =
        current.orElse(null) != environment
            && wasProtected
            && !protectedEnvironments.contains(environment);
    Decision decision;
    if (lowers) {
      decision = evaluate(Operation.destructive(now).named("restamp as " + environment.label()));
    } else {
      decision =
          audit(
              new Decision(
                  Verdict.ALLOW,
                  Grant.NONE,
                  Operation.write(now).named("stamp as " + environment.label()),
                  environment(),
                  List.of(
                      Reason.of(
                          Check.STAMP,
                          Verdict.ALLOW,
                          "stamping '"
                              + targetName
                              + "' as "
                              + environment.label()
                              + current
                                  .map(c -> " (was " + c.label() + ")")
                                  .orElse(" (was unstamped)")
                              + " keeps or adds protection",
                          "")),
                  null));
    }
    if (decision.isAllowed()) {
      try (Connection connection = connections.connect()) {
        JdbcStamps.write(connection, new EnvironmentStamp(environment, clock.instant(), principal));
      }
    }
    return decision;
  }

  /**
   * The exception for a refusal: {@link ConfirmationRequiredException} for {@code
   * REQUIRE_CONFIRMATION}; for {@code PROHIBIT}, {@link BackupRequiredException} when only the
   * backup check prohibits, {@link EnvironmentMismatchException} when only the stamp check does,
   * else {@link OperationProhibitedException}.
   *
   * @param decision a decision that does not allow
   * @return the exception to throw
   */
  public static ProductionGuardException exceptionFor(Decision decision) {
    if (decision.isAllowed()) {
      throw new IllegalArgumentException("the decision allows: nothing to throw");
    }
    if (decision.verdict() == Verdict.REQUIRE_CONFIRMATION) {
      return new ConfirmationRequiredException(decision);
    }
    Set<Check> prohibiting = EnumSet.noneOf(Check.class);
    for (Reason reason : decision.reasons()) {
      if (reason.verdict() == Verdict.PROHIBIT) {
        prohibiting.add(reason.check());
      }
    }
    if (prohibiting.equals(EnumSet.of(Check.BACKUP))) {
      return new BackupRequiredException(decision);
    }
    if (prohibiting.equals(EnumSet.of(Check.STAMP))) {
      return new EnvironmentMismatchException(decision);
    }
    return new OperationProhibitedException(decision);
  }

  // ---------------------------------------------------------------------------------------------
  // Deciding

  private Decision decide(Operation requested) {
    EnvironmentDetection detection = environment();
    Operation operation = requested;
    if (detection.failure() != null) {
      return refusal(
          operation,
          detection,
          Check.ENVIRONMENT,
          "could not detect the environment this process runs in: " + detection.failure(),
          "fix the failing detector, or " + EnvironmentDetectors.declareHint());
    }
    Environment environment = detection.environment();
    Target target = operation.target();
    Optional<Target.StampLookup> lookup = target.stampLookup();
    if (lookup.isPresent()) {
      try {
        Optional<Environment> read =
            Deadline.call(
                lookup.get()::read,
                checkTimeout,
                "reading the environment stamp of '" + target.name() + "'");
        target = target.withStamp(read == null ? null : read.orElse(null));
        operation = operation.on(target);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return refusal(
            operation.on(Target.named(target.name())),
            detection,
            Check.STAMP,
            "could not read the environment stamp of '"
                + target.name()
                + "': "
                + Redaction.describe(e),
            "make the target reachable (or its "
                + JdbcStamps.TABLE
                + " table readable) and retry; the guard refuses what it cannot check");
      }
    }
    Findings findings = new Findings();
    OperationKind kind = operation.kind();
    Environment stamp = target.stamp().orElse(null);
    boolean processProtected = isProtected(environment);
    boolean targetProtected =
        stamp != null ? protectedEnvironments.contains(stamp) : processProtected;

    Set<Environment> prohibitedIn = prohibitions.get(kind);
    if (prohibitedIn != null
        && (prohibitedIn.contains(environment)
            || (stamp != null && prohibitedIn.contains(stamp)))) {
      Environment where = prohibitedIn.contains(environment) ? environment : stamp;
      findings.add(
          Reason.of(
              Check.POLICY,
              Verdict.PROHIBIT,
              "the guard's policy prohibits "
                  + kind.label()
                  + " operations in "
                  + where.label()
                  + " ("
                  + operation.describe()
                  + ")",
              "no confirmation or override lifts a policy prohibition: run it elsewhere, or"
                  + " change the policy (ProductionGuard.Builder#prohibit)"));
    }

    if (kind != OperationKind.READ) {
      checkStamp(operation, detection, stamp, processProtected, findings);
      DataProfile profile = null;
      if (kind == OperationKind.DATA_DEPLOYMENT && targetProtected) {
        profile = checkTestData(operation, findings);
      }
      if (targetProtected && (operation.requireBackup() || backupRequiredFor.contains(kind))) {
        checkBackup(operation, findings);
      }
      if (targetProtected && !findings.hardProhibition) {
        // A hard prohibition stands whatever is typed: asking for a confirmation would mislead.
        checkConfirmationNeeded(operation, environment, stamp, findings);
      }
      return conclude(operation, detection, findings, profile);
    }
    return conclude(operation, detection, findings, null);
  }

  private void checkStamp(
      Operation operation,
      EnvironmentDetection detection,
      Environment stamp,
      boolean processProtected,
      Findings findings) {
    Environment environment = detection.environment();
    if (stamp == null || stamp == environment) {
      return;
    }
    String name = operation.target().name();
    if (protectedEnvironments.contains(stamp)) {
      String run =
          environment.isConcrete()
              ? "run it from a "
                  + stamp.label()
                  + " process (if this process really is "
                  + stamp.label()
                  + ", declare it: "
                  + EnvironmentDetectors.STEWARD_ENVIRONMENT
                  + "="
                  + stamp.label()
                  + ")"
              : "this process's environment is "
                  + environment.label()
                  + ": "
                  + EnvironmentDetectors.declareHint();
      findings.add(
          new Reason(
              Check.STAMP,
              Verdict.PROHIBIT,
              "'"
                  + name
                  + "' is stamped "
                  + stamp.label()
                  + " but this process runs in "
                  + environment.label()
                  + " ["
                  + detection.evidenceSummary()
                  + "]; a "
                  + stamp.label()
                  + "-stamped target is not changed from another environment ("
                  + operation.describe()
                  + ")",
              run
                  + "; for a deliberate one-off, set "
                  + overrideHint(operation)
                  + " (single use, audited); if '"
                  + name
                  + "' is not "
                  + stamp.label()
                  + ", restamp it (steward guard stamp)",
              true));
    } else if (processProtected) {
      findings.add(
          new Reason(
              Check.STAMP,
              Verdict.REQUIRE_CONFIRMATION,
              "'"
                  + name
                  + "' is stamped "
                  + stamp.label()
                  + " but this process runs in "
                  + environment.label()
                  + " ["
                  + detection.evidenceSummary()
                  + "]: a protected process is about to change a "
                  + stamp.label()
                  + " target ("
                  + operation.describe()
                  + ")",
              confirmHint(operation)
                  + "; if the stamp is wrong, restamp it (steward guard stamp)"
                  + (environment.isConcrete() ? "" : "; or " + EnvironmentDetectors.declareHint()),
              true));
    }
  }

  private DataProfile checkTestData(Operation operation, Findings findings) {
    String target = operation.target().name();
    if (operation.source() == null) {
      findings.add(
          Reason.of(
              Check.TEST_DATA,
              Verdict.PROHIBIT,
              "a data deployment onto protected '"
                  + target
                  + "' names no source, so the guard cannot tell whether it is test data",
              "give the operation its source (Operation.dataDeployment(source, target), or a"
                  + " @GuardSource parameter), for example a JdbcDataProfiler"));
      return null;
    }
    String source = operation.source().name();
    DataProfile profile;
    try {
      profile =
          Deadline.call(
              operation.source().profiler()::profile,
              checkTimeout,
              "profiling source '" + source + "'");
      if (profile == null) {
        throw new IllegalStateException("the profiler returned no profile");
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      findings.add(
          Reason.of(
              Check.TEST_DATA,
              Verdict.PROHIBIT,
              "could not profile source '"
                  + source
                  + "' before deploying it onto protected '"
                  + target
                  + "': "
                  + Redaction.describe(e),
              "make the source readable (or give the profiler a query that fits its schema) and"
                  + " retry; the guard refuses what it cannot check"));
      return null;
    }
    if (profile.looksLikeTestData(testDataThreshold)) {
      findings.add(
          Reason.of(
              Check.TEST_DATA,
              Verdict.PROHIBIT,
              String.format(
                  Locale.ROOT,
                  "source '%s' looks like test data (confidence %.2f, threshold %.2f: %s) and"
                      + " '%s' is protected; test data never overwrites production",
                  source,
                  profile.confidence(),
                  testDataThreshold,
                  profile.explanation(),
                  target),
              "deploy from a production backup or replica instead; this is never lifted by a"
                  + " confirmation or an override"));
    }
    return profile;
  }

  private void checkBackup(Operation operation, Findings findings) {
    Target target = operation.target();
    String name = target.name();
    if (backupVerifier == null) {
      findings.add(
          Reason.of(
              Check.BACKUP,
              Verdict.PROHIBIT,
              "a restorable backup of '"
                  + name
                  + "' is required for "
                  + operation.describe()
                  + ", but the guard has no BackupVerifier",
              "configure one: ProductionGuard.builder().backupVerifier(...)"));
      return;
    }
    Optional<BackupInfo> latest;
    try {
      latest =
          Deadline.call(
              () -> backupVerifier.latestRestorableBackup(target),
              checkTimeout,
              "verifying the backups of '" + name + "'");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      findings.add(
          Reason.of(
              Check.BACKUP,
              Verdict.PROHIBIT,
              "could not verify the backups of '" + name + "': " + Redaction.describe(e),
              "make the backup service reachable and retry; the guard refuses what it cannot"
                  + " check"));
      return;
    }
    if (latest == null || latest.isEmpty()) {
      findings.add(
          Reason.of(
              Check.BACKUP,
              Verdict.PROHIBIT,
              "no restorable backup of '" + name + "' is known (" + operation.describe() + ")",
              "take a backup of '"
                  + name
                  + "' and retry (the latest must be younger than "
                  + Deadline.human(maxBackupAge)
                  + ")"));
      return;
    }
    BackupInfo backup = latest.get();
    Duration age = Duration.between(backup.completedAt(), clock.instant());
    if (age.compareTo(maxBackupAge) > 0) {
      findings.add(
          Reason.of(
              Check.BACKUP,
              Verdict.PROHIBIT,
              "the latest restorable backup of '"
                  + name
                  + "' ("
                  + backup.reference()
                  + ", completed "
                  + backup.completedAt()
                  + ") is "
                  + Deadline.human(age)
                  + " old, more than the allowed "
                  + Deadline.human(maxBackupAge),
              "take a fresh backup of '" + name + "' and retry"));
    }
  }

  private void checkConfirmationNeeded(
      Operation operation, Environment environment, Environment stamp, Findings findings) {
    OperationKind kind = operation.kind();
    String protectedBy =
        stamp != null
            ? "stamped " + stamp.label()
            : "unstamped, judged by this process's environment (" + environment.label() + ")";
    String message = null;
    String wayOut = confirmHint(operation);
    if (kind == OperationKind.DESTRUCTIVE || kind == OperationKind.DATA_DEPLOYMENT) {
      message =
          operation.describe()
              + " needs a typed confirmation: '"
              + operation.target().name()
              + "' is protected ("
              + protectedBy
              + ")";
    } else if (operation.requireConfirmation()) {
      message =
          operation.describe()
              + " asks for a typed confirmation: '"
              + operation.target().name()
              + "' is protected ("
              + protectedBy
              + ")";
    } else if (!environment.isConcrete() && stamp == null) {
      message =
          "this process's environment is "
              + environment.label()
              + ", so unstamped '"
              + operation.target().name()
              + "' is treated as protected and "
              + operation.describe()
              + " needs a typed confirmation";
      wayOut = EnvironmentDetectors.declareHint() + "; or " + wayOut;
    }
    if (message != null) {
      findings.add(
          new Reason(Check.CONFIRMATION, Verdict.REQUIRE_CONFIRMATION, message, wayOut, true));
    }
  }

  private Decision conclude(
      Operation operation, EnvironmentDetection detection, Findings findings, DataProfile profile) {
    Verdict verdict = findings.verdict;
    if (verdict == Verdict.ALLOW) {
      return new Decision(
          Verdict.ALLOW, Grant.NONE, operation, detection, findings.list(), profile);
    }
    Grant grant = Grant.NONE;
    if (!findings.hardProhibition && override != null && override.matches(operation)) {
      if (overrideSpent.compareAndSet(false, true)) {
        findings.add(
            Reason.of(
                Check.OVERRIDE,
                Verdict.ALLOW,
                override.source
                    + " ("
                    + override.kind.label()
                    + ":"
                    + override.target
                    + ") lifted the findings above for this one operation; it is now spent",
                ""));
        verdict = Verdict.ALLOW;
        grant = Grant.OVERRIDDEN;
      } else {
        findings.add(
            Reason.of(
                Check.OVERRIDE,
                Verdict.ALLOW,
                override.source
                    + " was already used by this guard: an override lifts one"
                    + " operation only",
                "set it again for another run"));
      }
    }
    if (grant == Grant.NONE && verdict == Verdict.REQUIRE_CONFIRMATION) {
      Verdict confirmed = askForConfirmation(operation, detection.environment(), findings);
      if (confirmed == Verdict.ALLOW) {
        grant = Grant.CONFIRMED;
      }
      verdict = confirmed;
    }
    if (grant == Grant.NONE && invalidOverride != null) {
      findings.add(
          Reason.of(
              Check.OVERRIDE,
              Verdict.ALLOW,
              OVERRIDE_VARIABLE
                  + "='"
                  + Redaction.printable(invalidOverride)
                  + "' is ignored: an override is exactly '<operation>:<target>'",
              "for this operation that would be " + overrideHint(operation)));
    }
    return new Decision(verdict, grant, operation, detection, findings.list(), profile);
  }

  private Verdict askForConfirmation(
      Operation operation, Environment environment, Findings findings) {
    String phrase = ConfirmationRequest.phraseFor(operation.target().name());
    ConfirmationRequest request =
        new ConfirmationRequest(
            operation, environment, findings.list(), phrase, confirmationValidity);
    for (ConfirmationProvider provider : confirmationProviders) {
      Optional<Confirmation> answer;
      try {
        answer = provider.request(request);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        findings.add(
            Reason.of(
                Check.CONFIRMATION,
                Verdict.PROHIBIT,
                "asking for a confirmation failed: " + Redaction.describe(e),
                "fix the confirmation provider, or confirm another way ("
                    + Confirmations.STEWARD_CONFIRM
                    + ")"));
        return Verdict.PROHIBIT;
      }
      if (answer == null || answer.isEmpty()) {
        continue;
      }
      Confirmation confirmation = answer.get();
      String problem = problemWith(confirmation, phrase);
      if (problem == null) {
        findings.add(
            Reason.of(
                Check.CONFIRMATION,
                Verdict.ALLOW,
                "confirmed by "
                    + confirmation.provider()
                    + " at "
                    + confirmation.issuedAt()
                    + " ('"
                    + phrase
                    + "')",
                ""));
        return Verdict.ALLOW;
      }
      findings.add(
          Reason.of(
              Check.CONFIRMATION,
              Verdict.REQUIRE_CONFIRMATION,
              "the confirmation from " + confirmation.provider() + " was not accepted: " + problem,
              "type exactly '"
                  + phrase
                  + "' within "
                  + Deadline.human(confirmationValidity)
                  + "; each confirmation is used once"));
      return Verdict.REQUIRE_CONFIRMATION;
    }
    return Verdict.REQUIRE_CONFIRMATION;
  }

  private String problemWith(Confirmation confirmation, String phrase) {
    if (!confirmation.typed().strip().equals(phrase)) {
      return "it does not name this target (expected '" + phrase + "')";
    }
    Duration age = Duration.between(confirmation.issuedAt(), clock.instant());
    if (age.compareTo(confirmationValidity) > 0) {
      return "it expired: given "
          + Deadline.human(age)
          + " ago, a confirmation is valid for "
          + Deadline.human(confirmationValidity);
    }
    if (!usedConfirmations.add(confirmation.id())) {
      return "it was already used (confirmations are single use)";
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Auditing, refusals, helpers

  private Decision audit(Decision decision) {
    if (!auditSink.isEnabled(decision.verdict(), decision.grant())) {
      return decision;
    }
    try {
      auditSink.record(new AuditEvent(clock.instant(), principal, decision));
      return decision;
    } catch (RuntimeException e) {
      LOG.error("the audit sink failed to record: {}", decision.headline(), e);
      if (!decision.isAllowed()) {
        return decision;
      }
      List<Reason> reasons = new ArrayList<>(decision.reasons());
      reasons.add(
          Reason.of(
              Check.AUDIT,
              Verdict.PROHIBIT,
              "the decision could not be recorded in the audit trail ("
                  + Redaction.describe(e)
                  + "); an operation that cannot be audited is refused",
              "fix the audit sink (disk space, permissions, connectivity) and retry"));
      Decision refused =
          new Decision(
              Verdict.PROHIBIT,
              Grant.NONE,
              decision.operation(),
              decision.environment(),
              reasons,
              decision.sourceProfile());
      try {
        auditSink.record(new AuditEvent(clock.instant(), principal, refused));
      } catch (RuntimeException again) {
        LOG.error("the audit sink failed again: {}", refused.headline(), again);
      }
      return refused;
    }
  }

  /**
   * Whether a decision for {@code requested} will be the same on every later evaluation while this
   * guard lives, so the binder may remember it: a plain ALLOW (no reasons, no grant) reached from
   * the cached environment, with no stamp read, no source profiled and no backup age checked. It
   * depends only on immutable inputs (the operation, the policy, the detected environment).
   */
  boolean reusable(Operation requested, Decision decision) {
    if (decision.verdict() != Verdict.ALLOW
        || decision.grant() != Grant.NONE
        || !decision.reasons().isEmpty()
        || decision.environment() != detected
        || requested.target().stampLookup().isPresent()
        || requested.source() != null) {
      return false;
    }
    Environment stamp = requested.target().stamp().orElse(null);
    boolean targetProtected =
        stamp != null
            ? protectedEnvironments.contains(stamp)
            : isProtected(decision.environment().environment());
    return !(targetProtected
        && (requested.requireBackup() || backupRequiredFor.contains(requested.kind())));
  }

  /** Offers a remembered decision to the audit trail, as {@link #evaluate} does for a new one. */
  Decision audited(Decision decision) {
    return audit(decision);
  }

  /**
   * A refusal decided without running the rules, audited: for the binder (a {@code null} target
   * argument) and for failures.
   */
  Decision refuse(Operation operation, Check check, String message, String wayOut) {
    return audit(refusal(operation, check, message, wayOut));
  }

  private Decision refusal(Operation operation, Check check, String message, String wayOut) {
    EnvironmentDetection detection;
    try {
      detection = environment();
    } catch (RuntimeException e) {
      detection = EnvironmentDetection.failed(Redaction.describe(e));
    }
    return refusal(operation, detection, check, message, wayOut);
  }

  private static Decision refusal(
      Operation operation,
      EnvironmentDetection detection,
      Check check,
      String message,
      String wayOut) {
    return new Decision(
        Verdict.PROHIBIT,
        Grant.NONE,
        operation,
        detection,
        List.of(Reason.of(check, Verdict.PROHIBIT, message, wayOut)),
        null);
  }

  private EnvironmentDetection detectNow() {
    try {
      return Deadline.call(
          () -> EnvironmentDetectors.detect(detectors, environmentVariables),
          checkTimeout,
          "environment detection");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EnvironmentDetection.failed("interrupted");
    } catch (Exception e) {
      return EnvironmentDetection.failed(Redaction.describe(e));
    }
  }

  private boolean isProtected(EnvironmentDetection detection) {
    return isProtected(detection.environment());
  }

  private boolean isProtected(Environment environment) {
    return !environment.isConcrete() || protectedEnvironments.contains(environment);
  }

  private static String overrideHint(Operation operation) {
    return OVERRIDE_VARIABLE + "=" + operation.kind().label() + ":" + operation.target().name();
  }

  private String confirmHint(Operation operation) {
    String phrase = ConfirmationRequest.phraseFor(operation.target().name());
    return "confirm by typing '"
        + phrase
        + "' when asked, or set "
        + Confirmations.STEWARD_CONFIRM
        + "='"
        + phrase
        + "' for this run (valid "
        + Deadline.human(confirmationValidity)
        + ", once), or set "
        + overrideHint(operation)
        + " (single use)";
  }

  private String defaultPrincipal() {
    for (String variable : List.of("STEWARD_PRINCIPAL", "USER", "USERNAME", "LOGNAME")) {
      String value = environmentVariables.get(variable);
      if (value != null && !value.isBlank()) {
        return Redaction.printable(value);
      }
    }
    return "unknown";
  }

  /** Collects reasons lazily, so the allowed path allocates no list. */
  private static final class Findings {
    private List<Reason> reasons;
    private Verdict verdict = Verdict.ALLOW;
    private boolean hardProhibition;

    void add(Reason reason) {
      if (reasons == null) {
        reasons = new ArrayList<>(4);
      }
      reasons.add(reason);
      verdict = verdict.max(reason.verdict());
      if (reason.verdict() == Verdict.PROHIBIT && !reason.overridable()) {
        hardProhibition = true;
      }
    }

    List<Reason> list() {
      return reasons == null ? List.of() : reasons;
    }
  }

  private static final class OverrideSetting {
    final OperationKind kind;
    final String target;
    final String source;

    OverrideSetting(OperationKind kind, String target, String source) {
      this.kind = kind;
      this.target = target;
      this.source = source;
    }

    static OverrideSetting parse(String value) {
      int colon = value.indexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        return null;
      }
      String label = value.substring(0, colon);
      String target = value.substring(colon + 1);
      for (OperationKind kind : OperationKind.values()) {
        if (kind.label().equals(label)) {
          return new OverrideSetting(kind, target, OVERRIDE_VARIABLE);
        }
      }
      return null;
    }

    boolean matches(Operation operation) {
      return operation.kind() == kind && operation.target().name().equals(target);
    }
  }

  /** Configures a {@link ProductionGuard}. Every setting has a safe default. */
  public static final class Builder {
    private Map<String, String> environmentVariables = System.getenv();
    private Clock clock = Clock.systemUTC();
    private Environment declared;
    private List<EnvironmentDetector> detectors =
        new ArrayList<>(EnvironmentDetectors.defaultChain());
    private Set<Environment> protectedEnvironments = EnumSet.of(Environment.PRODUCTION);
    private double testDataThreshold = DEFAULT_TEST_DATA_THRESHOLD;
    private BackupVerifier backupVerifier;
    private Duration maxBackupAge = DEFAULT_MAX_BACKUP_AGE;
    private Set<OperationKind> backupRequiredFor = EnumSet.noneOf(OperationKind.class);
    private final Map<OperationKind, Set<Environment>> prohibitions =
        new EnumMap<>(OperationKind.class);
    private boolean confirmFromEnvironment = true;
    private final List<ConfirmationProvider> confirmationProviders = new ArrayList<>();
    private Duration confirmationValidity = DEFAULT_CONFIRMATION_VALIDITY;
    private final List<AuditSink> auditSinks = new ArrayList<>();
    private String principal;
    private final Map<String, Environment> stamps = new HashMap<>();
    private Duration checkTimeout = DEFAULT_CHECK_TIMEOUT;
    private OverrideSetting override;

    private Builder() {}

    /**
     * The process environment the detectors, {@value Confirmations#STEWARD_CONFIRM} and {@value
     * ProductionGuard#OVERRIDE_VARIABLE} are read from. Default {@link System#getenv()}; tests pass
     * a map.
     *
     * @param variables the variables
     * @return this builder
     */
    public Builder environmentVariables(Map<String, String> variables) {
      this.environmentVariables = Objects.requireNonNull(variables, "variables");
      return this;
    }

    /**
     * The clock for backup ages, confirmation time limits and the audit trail. Default UTC system
     * clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Declares the environment in code, ahead of every detector (like {@value
     * EnvironmentDetectors#STEWARD_ENVIRONMENT}).
     *
     * @param environment a concrete environment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      Objects.requireNonNull(environment, "environment");
      if (!environment.isConcrete()) {
        throw new IllegalArgumentException("declare a concrete environment, not " + environment);
      }
      this.declared = environment;
      return this;
    }

    /**
     * Replaces the detection chain. Default {@link EnvironmentDetectors#defaultChain()}.
     *
     * @param chain the detectors, in order
     * @return this builder
     */
    public Builder detectors(List<EnvironmentDetector> chain) {
      this.detectors = new ArrayList<>(chain);
      return this;
    }

    /**
     * Appends a detector to the chain, for example an IMDS lookup.
     *
     * @param detector the detector
     * @return this builder
     */
    public Builder addDetector(EnvironmentDetector detector) {
      this.detectors.add(Objects.requireNonNull(detector, "detector"));
      return this;
    }

    /**
     * The environments whose targets are protected. Default {@code {PRODUCTION}}; {@code UNKNOWN}
     * and {@code MIXED} processes are always treated as protected.
     *
     * @param environments concrete environments
     * @return this builder
     */
    public Builder protectedEnvironments(Collection<Environment> environments) {
      Set<Environment> set = EnumSet.noneOf(Environment.class);
      for (Environment environment : environments) {
        if (!environment.isConcrete()) {
          throw new IllegalArgumentException(
              environment + " is always protected; list concrete environments");
        }
        set.add(environment);
      }
      if (set.isEmpty()) {
        throw new IllegalArgumentException("protect at least one environment");
      }
      this.protectedEnvironments = set;
      return this;
    }

    /**
     * The test-data confidence at which a data deployment onto a protected target is prohibited.
     * Default 0.7.
     *
     * @param threshold between 0.0 (exclusive) and 1.0
     * @return this builder
     */
    public Builder testDataThreshold(double threshold) {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("a threshold is in (0.0, 1.0]: " + threshold);
      }
      this.testDataThreshold = threshold;
      return this;
    }

    /**
     * The backup verifier. Default none: any operation that requires a backup is prohibited.
     *
     * @param verifier the verifier
     * @return this builder
     */
    public Builder backupVerifier(BackupVerifier verifier) {
      this.backupVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * The maximum age of the latest restorable backup. Default 24 hours.
     *
     * @param age the age
     * @return this builder
     */
    public Builder maxBackupAge(Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("a backup age is positive: " + age);
      }
      this.maxBackupAge = age;
      return this;
    }

    /**
     * Requires a recent backup for these kinds of operation on protected targets, whatever the
     * operation asks. Default none (operations and annotations ask for themselves).
     *
     * @param kinds the kinds
     * @return this builder
     */
    public Builder requireBackupFor(OperationKind... kinds) {
      this.backupRequiredFor = EnumSet.noneOf(OperationKind.class);
      this.backupRequiredFor.addAll(List.of(kinds));
      return this;
    }

    /**
     * Prohibits a kind of operation in environments (the process's or the target's stamp), with no
     * way round: for example {@code prohibit(OperationKind.DESTRUCTIVE, Environment.PRODUCTION)}.
     *
     * @param kind the kind
     * @param environments where it is prohibited
     * @return this builder
     */
    public Builder prohibit(OperationKind kind, Environment... environments) {
      Objects.requireNonNull(kind, "kind");
      prohibitions
          .computeIfAbsent(kind, k -> EnumSet.noneOf(Environment.class))
          .addAll(List.of(environments));
      return this;
    }

    /**
     * Adds a confirmation provider; providers are asked in order, after {@value
     * Confirmations#STEWARD_CONFIRM} (see {@link #confirmFromEnvironment}).
     *
     * @param provider the provider, for example {@link Confirmations#console(Clock)}
     * @return this builder
     */
    public Builder confirmationProvider(ConfirmationProvider provider) {
      this.confirmationProviders.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Whether {@value Confirmations#STEWARD_CONFIRM} is read as a confirmation. Default {@code
     * true}.
     *
     * @param enabled whether to read it
     * @return this builder
     */
    public Builder confirmFromEnvironment(boolean enabled) {
      this.confirmFromEnvironment = enabled;
      return this;
    }

    /**
     * How long a confirmation stays valid after it is given. Default 5 minutes.
     *
     * @param validity the time limit
     * @return this builder
     */
    public Builder confirmationValidity(Duration validity) {
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("a validity is positive: " + validity);
      }
      this.confirmationValidity = validity;
      return this;
    }

    /**
     * Adds an audit sink. Default (when none is added) {@link Slf4jAuditSink}.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder auditSink(AuditSink sink) {
      this.auditSinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /**
     * Who the audit trail names. Default {@code STEWARD_PRINCIPAL}, {@code USER}, {@code USERNAME}
     * or {@code LOGNAME} from the environment, else {@code unknown}.
     *
     * @param name the principal
     * @return this builder
     */
    public Builder principal(String name) {
      this.principal = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Registers a target's stamp, for targets named by string ({@link #target(String)},
     * {@code @GuardTarget String} parameters, annotation {@code target}s).
     *
     * @param name the target's name
     * @param stamp its environment
     * @return this builder
     */
    public Builder targetStamp(String name, Environment stamp) {
      Target.stamped(name, stamp);
      this.stamps.put(name, stamp);
      return this;
    }

    /**
     * How long a detector, profiler, backup verifier or stamp lookup may take before the guard
     * gives up and prohibits. Default 10 seconds.
     *
     * @param timeout the time limit
     * @return this builder
     */
    public Builder checkTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a timeout is positive: " + timeout);
      }
      this.checkTimeout = timeout;
      return this;
    }

    /**
     * A single-use override, set in code: it lifts confirmations and stamp mismatches for one
     * operation of this kind on this target, once, audited. Hard prohibitions (test data onto
     * production, missing backups, policy, failed checks) stay. Replaces {@value
     * ProductionGuard#OVERRIDE_VARIABLE}.
     *
     * @param kind the operation kind
     * @param targetName the target's exact name
     * @return this builder
     */
    public Builder overrideOnce(OperationKind kind, String targetName) {
      this.override =
          new OverrideSetting(
              Objects.requireNonNull(kind, "kind"),
              Objects.requireNonNull(targetName, "targetName"),
              "override set in code");
      return this;
    }

    /**
     * Builds the guard.
     *
     * @return the guard
     */
    public ProductionGuard build() {
      return new ProductionGuard(this);
    }
  }
}
