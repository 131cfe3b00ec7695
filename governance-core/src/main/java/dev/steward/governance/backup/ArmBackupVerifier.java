package dev.steward.governance.backup;

import dev.steward.guard.BackupVerifier;
import dev.steward.guard.models.BackupInfo;
import dev.steward.guard.models.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The production guard's {@link BackupVerifier} on Azure backups: it reads the target's {@link
 * BackupStatus} through ARM and answers with the latest successful, restorable backup. Anything
 * else fails closed with a reason: no successful backup, only failed or in-progress ones, a
 * resource that is not restorable, or an ARM error (all thrown, so the guard prohibits and quotes
 * the reason). The guard then compares the backup's age with its {@code maxBackupAge}.
 *
 * <pre>{@code
 * ProductionGuard guard = ProductionGuard.builder()
 *     .backupVerifier(ArmBackupVerifier.builder(new BackupStatusReader(arm, clock)).build())
 *     .build();
 * }</pre>
 *
 * <p>Guard targets are named by their ARM resource id, or mapped to one with {@link
 * Builder#resourceIds(Map)} / {@link Builder#resolver(Function)}.
 */
public final class ArmBackupVerifier implements BackupVerifier {
  /** The default allowed age of the latest successful backup, as the guard's default. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

  private final BackupStatusReader reader;
  private final Duration maxAge;
  private final Function<String, String> resolver;

  private ArmBackupVerifier(Builder b) {
    this.reader = b.reader;
    this.maxAge = b.maxAge;
    this.resolver = b.resolver;
  }

  /**
   * A builder.
   *
   * @param reader reads backup statuses
   * @return the builder
   */
  public static Builder builder(BackupStatusReader reader) {
    return new Builder(reader);
  }

  @Override
  public Optional<BackupInfo> latestRestorableBackup(Target target) {
    String id = resolve(target.name());
    BackupStatus status = reader.read(id);
    if (status.latestSuccessfulBackup() == null) {
      throw new BackupVerificationException(
          "no successful backup of " + id + " is known: " + problems(status));
    }
    if (!status.restorable()) {
      throw new BackupVerificationException(
          "the backups of " + id + " are not restorable: " + problems(status));
    }
    return Optional.of(
        new BackupInfo(target.name(), status.latestSuccessfulBackup(), reference(status)));
  }

  /**
   * Checks a resource the way the guard would, without a guard: passes only when the latest
   * successful backup is restorable and younger than the allowed age. Never throws for service
   * errors: they fail the check with their message.
   *
   * @param resourceId the ARM resource id
   * @return the outcome
   * @throws IllegalArgumentException when the id is not a supported resource
   */
  public BackupVerification verify(String resourceId) {
    BackupKind.of(resourceId);
    BackupStatus status;
    try {
      status = reader.read(resourceId);
    } catch (RuntimeException e) {
      return new BackupVerification(
          resourceId, false, "could not read the backups: " + e.getMessage(), maxAge, null);
    }
    if (status.latestSuccessfulBackup() == null) {
      return new BackupVerification(
          resourceId, false, "no successful backup is known: " + problems(status), maxAge, status);
    }
    if (!status.restorable()) {
      return new BackupVerification(
          resourceId, false, "not restorable: " + problems(status), maxAge, status);
    }
    Duration age = status.latestSuccessfulBackupAge();
    if (age.compareTo(maxAge) > 0) {
      return new BackupVerification(
          resourceId,
          false,
          "the latest successful backup ("
              + status.latestSuccessfulBackup()
              + ") is "
              + BackupStatus.human(age)
              + " old, older than the allowed "
              + BackupStatus.human(maxAge),
          maxAge,
          status);
    }
    return new BackupVerification(
        resourceId,
        true,
        "the latest successful backup ("
            + status.latestSuccessfulBackup()
            + ", "
            + BackupStatus.human(age)
            + " old) is restorable",
        maxAge,
        status);
  }

  /**
   * The allowed age used by {@link #verify(String)}.
   *
   * @return the age
   */
  public Duration maxAge() {
    return maxAge;
  }

  private String resolve(String targetName) {
    String id = resolver.apply(targetName);
    if (id == null) {
      throw new BackupVerificationException(
          "no ARM resource id is known for guard target '" + targetName + "'");
    }
    return id;
  }

  private static String problems(BackupStatus s) {
    return s.problems().isEmpty() ? "no detail reported" : String.join("; ", s.problems());
  }

  private static String reference(BackupStatus s) {
    if (s.kind() == BackupKind.SQL_DATABASE) {
      return "point-in-time restore of "
          + s.resourceId()
          + " (earliest "
          + s.earliestRestorePoint()
          + ")";
    }
    return s.recentBackups().stream()
        .filter(r -> r.state() == BackupState.SUCCEEDED)
        .findFirst()
        .map(r -> s.resourceId() + " backup " + r.name())
        .orElse(s.resourceId());
  }

  @Override
  public String toString() {
    return "ArmBackupVerifier[maxAge=" + maxAge + "]";
  }

  /** Builds an {@link ArmBackupVerifier}. */
  public static final class Builder {
    private final BackupStatusReader reader;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Function<String, String> resolver = name -> name.startsWith("/") ? name : null;

    private Builder(BackupStatusReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The allowed age for {@link ArmBackupVerifier#verify(String)} (default 24 h; the guard uses
     * its own {@code maxBackupAge}).
     *
     * @param maxAge a positive duration
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isZero() || maxAge.isNegative()) {
        throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
      }
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Maps guard target names to ARM resource ids; names that start with {@code /} are taken as
     * resource ids themselves.
     *
     * @param ids target name to resource id
     * @return this builder
     */
    public Builder resourceIds(Map<String, String> ids) {
      Map<String, String> copy = Map.copyOf(ids);
      this.resolver = name -> copy.getOrDefault(name, name.startsWith("/") ? name : null);
      return this;
    }

    /**
     * Maps guard target names to ARM resource ids with a function (null: unknown, fails closed).
     *
     * @param resolver the function
     * @return this builder
     */
    public Builder resolver(Function<String, String> resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     */
    public ArmBackupVerifier build() {
      return new ArmBackupVerifier(this);
    }
  }
}
