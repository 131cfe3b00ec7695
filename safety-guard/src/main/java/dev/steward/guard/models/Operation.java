package dev.steward.guard.models;

import java.util.Objects;

/**
 * An operation the guard decides on: what it does ({@link OperationKind}), what it acts on ({@link
 * Target}), a name for people, and what it asks for beyond the policy.
 *
 * <p>Build one with {@link #of}, {@link #read}, {@link #write}, {@link #destructive} or {@link
 * #dataDeployment}, then refine it with the {@code with...} methods:
 *
 * <pre>{@code
 * Operation op = Operation.destructive(Target.named("orders-db"))
 *     .named("purge cancelled orders")
 *     .withBackupRequired();
 * }</pre>
 *
 * @param kind what the operation does
 * @param target what it acts on
 * @param name a name for messages and the audit trail, for example the method name
 * @param source where a data deployment's data comes from; {@code null} for other kinds
 * @param requireBackup whether a recent restorable backup of a protected target is required
 * @param requireConfirmation whether a typed confirmation is required on a protected target, even
 *     for a plain write
 */
public record Operation(
    OperationKind kind,
    Target target,
    String name,
    Source source,
    boolean requireBackup,
    boolean requireConfirmation) {

  /**
   * Checks the fields.
   *
   * @param kind what the operation does
   * @param target what it acts on
   * @param name a name for messages
   * @param source the data deployment's source, or {@code null}
   * @param requireBackup whether a backup is required
   * @param requireConfirmation whether a confirmation is required
   */
  public Operation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(name, "name");
  }

  /**
   * An operation named after its kind, with nothing extra required.
   *
   * @param kind what the operation does
   * @param target what it acts on
   * @return the operation
   */
  public static Operation of(OperationKind kind, Target target) {
    return new Operation(kind, target, kind.label(), null, false, false);
  }

  /**
   * A read.
   *
   * @param target what it reads
   * @return the operation
   */
  public static Operation read(Target target) {
    return of(OperationKind.READ, target);
  }

  /**
   * A write.
   *
   * @param target what it writes
   * @return the operation
   */
  public static Operation write(Target target) {
    return of(OperationKind.WRITE, target);
  }

  /**
   * A destructive operation.
   *
   * @param target what it destroys data in
   * @return the operation
   */
  public static Operation destructive(Target target) {
    return of(OperationKind.DESTRUCTIVE, target);
  }

  /**
   * A data deployment from {@code source} onto {@code target}.
   *
   * @param source where the data comes from
   * @param target where it goes
   * @return the operation
   */
  public static Operation dataDeployment(Source source, Target target) {
    return new Operation(
        OperationKind.DATA_DEPLOYMENT,
        target,
        OperationKind.DATA_DEPLOYMENT.label(),
        Objects.requireNonNull(source, "source"),
        false,
        false);
  }

  /**
   * The same operation with another name.
   *
   * @param newName the name
   * @return a new operation
   */
  public Operation named(String newName) {
    return new Operation(kind, target, newName, source, requireBackup, requireConfirmation);
  }

  /**
   * The same operation on another target.
   *
   * @param newTarget the target
   * @return a new operation
   */
  public Operation on(Target newTarget) {
    return new Operation(kind, newTarget, name, source, requireBackup, requireConfirmation);
  }

  /**
   * The same operation with a source.
   *
   * @param newSource the source
   * @return a new operation
   */
  public Operation from(Source newSource) {
    return new Operation(kind, target, name, newSource, requireBackup, requireConfirmation);
  }

  /**
   * The same operation, requiring a recent restorable backup when the target is protected.
   *
   * @return a new operation
   */
  public Operation withBackupRequired() {
    return new Operation(kind, target, name, source, true, requireConfirmation);
  }

  /**
   * The same operation, requiring a typed confirmation when the target is protected.
   *
   * @return a new operation
   */
  public Operation withConfirmationRequired() {
    return new Operation(kind, target, name, source, requireBackup, true);
  }

  /**
   * A short description for messages, for example {@code destructive 'purge' on 'orders-db'}.
   *
   * @return the description
   */
  public String describe() {
    String what = name.equals(kind.label()) ? kind.label() : kind.label() + " '" + name + "'";
    return what + " on '" + target.name() + "'";
  }
}
