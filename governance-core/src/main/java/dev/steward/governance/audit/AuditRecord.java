package dev.steward.governance.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit trail: who did what to which target, when, and how it ended.
 *
 * @param time when it happened
 * @param tenant the Azure tenant or account the action concerned ("" when none)
 * @param actor who did it: a user, a service principal, a job id
 * @param action what was done, e.g. {@code extract}, {@code quality.write}, {@code guard.decision}
 * @param target what it was done to: an entity guid, a qualified name, a database
 * @param outcome how it ended, e.g. {@code SUCCEEDED}, {@code FAILED}, {@code PROHIBIT}
 * @param details further facts (counts, reasons); values are strings, numbers, booleans or null.
 *     Values under keys that look secret (password, secret, token, key, credential, connection
 *     string) are replaced by {@code ***} when written.
 */
public record AuditRecord(
    Instant time,
    String tenant,
    String actor,
    String action,
    String target,
    String outcome,
    Map<String, Object> details) {

  /** Checks the arguments and copies the details, keeping their order. */
  public AuditRecord {
    Objects.requireNonNull(time, "time");
    tenant = tenant == null ? "" : tenant;
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    target = target == null ? "" : target;
    Objects.requireNonNull(outcome, "outcome");
    details =
        details == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
