package dev.steward.governance.backup;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmException;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.backup.implementation.ContainerSas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Brings backup configuration to a desired state, dry-run first: each {@code plan...} method reads
 * the current state and returns a {@link BackupPlan} listing what would change; nothing is written
 * until {@link BackupPlan#apply()}. Planning again after applying yields an empty plan.
 *
 * <p><b>The web app's storage SAS.</b> App Service writes scheduled backups through a container SAS
 * URL in its backup configuration. The ensurer builds a <em>service SAS</em> for the one container
 * (permissions {@code rwdl}: App Service writes, lists, reads and deletes the backups it retains;
 * {@code https} only; valid {@link WebAppBackupOptions#sasValidity()}), signed with the account key
 * that {@code POST .../listKeys} returns. The key and the SAS stay in memory for the call, are
 * never logged and appear masked in plans. A user-delegation SAS would avoid the key, but needs a
 * data-plane call to the blob endpoint with a second token scope and the Storage Blob Delegator
 * role, and lives at most 7 days; the service SAS keeps the whole ensure on ARM with one
 * credential. It is kept short by renewal: an ensure replaces a SAS that expires within {@link
 * WebAppBackupOptions#renewBefore()}.
 */
public final class BackupEnsurer {
  /** Microsoft.Storage api-version used. */
  public static final String STORAGE_API_VERSION = "2023-05-01";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PERMISSIONS = "rwdl";
  private static final Duration LRO_TIMEOUT = Duration.ofMinutes(30);

  private final ArmClient arm;
  private final Clock clock;
  private final AuditTrail audit;
  private final String actor;

  /**
   * Creates an ensurer.
   *
   * @param arm the ARM client
   * @param clock the clock for SAS validity
   */
  public BackupEnsurer(ArmClient arm, Clock clock) {
    this(arm, clock, null, null);
  }

  private BackupEnsurer(ArmClient arm, Clock clock, AuditTrail audit, String actor) {
    this.arm = Objects.requireNonNull(arm, "arm");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = audit;
    this.actor = actor;
  }

  /**
   * An ensurer that records every applied plan in an audit trail: one {@code backup.ensure} record
   * per {@link BackupPlan#apply()} that changes something, outcome {@code APPLIED} or {@code
   * FAILED}, with the planned changes (the SAS masked, as in the plan) as details.
   *
   * @param trail the audit trail
   * @param actor who applies, e.g. {@code "cli:backup-ensure"}
   * @return a new ensurer
   */
  public BackupEnsurer audit(AuditTrail trail, String actor) {
    return new BackupEnsurer(
        arm, clock, Objects.requireNonNull(trail, "trail"), Objects.requireNonNull(actor, "actor"));
  }

  private BackupPlan plan(String resourceId, List<PlannedChange> changes, Runnable action) {
    if (audit == null || changes.isEmpty()) {
      return new BackupPlan(resourceId, changes, action);
    }
    String described = String.join("; ", changes.stream().map(PlannedChange::toString).toList());
    Map<String, Object> details = Map.of("changes", described, "count", changes.size());
    return new BackupPlan(
        resourceId,
        changes,
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            audit.record(
                actor,
                "backup.ensure",
                resourceId,
                "FAILED",
                Map.of(
                    "changes",
                    described,
                    "count",
                    changes.size(),
                    "error",
                    String.valueOf(e.getMessage())));
            throw e;
          }
          audit.record(actor, "backup.ensure", resourceId, "APPLIED", details);
        });
  }

  /**
   * Plans daily web app backups at an hour, kept some days, into a storage container (created when
   * missing).
   *
   * @param options what to ensure
   * @return the plan
   * @throws ArmException when ARM refuses a read
   */
  public BackupPlan planWebAppBackup(WebAppBackupOptions options) {
    Objects.requireNonNull(options, "options");
    Instant now = clock.instant();
    String site = options.webAppId();
    String accountName = ResourceIds.name(options.storageAccountId());
    JsonNode account = null;
    try {
      account = arm.get(options.storageAccountId(), STORAGE_API_VERSION);
    } catch (ArmException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    boolean accountMissing = account == null;
    String location = null;
    if (accountMissing) {
      location = arm.get(site, BackupStatusReader.WEB_API_VERSION).path("location").asText(null);
      if (location == null || location.isBlank()) {
        throw new IllegalStateException(
            "The web app " + site + " reports no location to create the storage account in");
      }
    }
    String blob =
        accountMissing
            ? "https://" + accountName + ".blob.core.windows.net/"
            : account
                .path("properties")
                .path("primaryEndpoints")
                .path("blob")
                .asText("https://" + accountName + ".blob.core.windows.net/");
    String containerUrl = (blob.endsWith("/") ? blob : blob + "/") + options.container();
    String containerId =
        options.storageAccountId() + "/blobServices/default/containers/" + options.container();
    boolean containerExists = !accountMissing && exists(containerId, STORAGE_API_VERSION);

    JsonNode current = null;
    try {
      current = arm.post(site + "/config/backup/list", BackupStatusReader.WEB_API_VERSION, null);
    } catch (ArmException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    JsonNode props = current == null ? JSON.objectNode() : current.path("properties");
    JsonNode schedule = props.path("backupSchedule");

    List<PlannedChange> changes = new ArrayList<>();
    if (accountMissing) {
      changes.add(
          new PlannedChange(
              options.storageAccountId(),
              "storage account",
              "(none)",
              "created: StorageV2 "
                  + options.storageSku()
                  + " in "
                  + location
                  + ", https only, TLS 1.2, no anonymous blob access"));
    }
    if (!containerExists) {
      changes.add(new PlannedChange(containerId, "container", "(none)", "created, private"));
    }
    boolean enabled = props.path("enabled").asBoolean(false);
    if (!enabled) {
      changes.add(
          new PlannedChange(
              site, "enabled", current == null ? "(no backup configured)" : "false", "true"));
    }
    int every = schedule.path("frequencyInterval").asInt(0);
    String unit = schedule.path("frequencyUnit").asText("");
    if (every != 1 || !unit.equalsIgnoreCase("Day")) {
      changes.add(
          new PlannedChange(
              site,
              "backupSchedule.frequency",
              every == 0 ? "(none)" : every + " " + unit,
              "1 Day"));
    }
    Instant start = BackupStatus.instant(schedule.path("startTime"));
    Integer hour = start == null ? null : start.atZone(ZoneOffset.UTC).getHour();
    String startTime;
    if (hour != null && hour == options.hourUtc()) {
      startTime = schedule.path("startTime").asText();
    } else {
      startTime =
          LocalDate.ofInstant(now, ZoneOffset.UTC)
              .atTime(options.hourUtc(), 0)
              .toInstant(ZoneOffset.UTC)
              .toString();
      changes.add(
          new PlannedChange(
              site,
              "backupSchedule.startTime",
              hour == null ? "(none)" : String.format(Locale.ROOT, "%02d:00 UTC", hour),
              String.format(Locale.ROOT, "%02d:00 UTC", options.hourUtc())));
    }
    JsonNode retention = schedule.path("retentionPeriodInDays");
    if (!retention.isNumber() || retention.asInt() != options.retentionDays()) {
      changes.add(
          new PlannedChange(
              site,
              "backupSchedule.retentionPeriodInDays",
              retention.isNumber() ? retention.asText() : "(none)",
              Integer.toString(options.retentionDays())));
    }
    if (!schedule.path("keepAtLeastOneBackup").asBoolean(false)) {
      changes.add(
          new PlannedChange(
              site,
              "backupSchedule.keepAtLeastOneBackup",
              schedule.path("keepAtLeastOneBackup").asText("(none)"),
              "true"));
    }
    String currentUrl = props.path("storageAccountUrl").asText("");
    String currentContainer =
        currentUrl.isEmpty() ? null : BackupStatusReader.withoutQuery(currentUrl);
    Instant currentExpiry = currentUrl.isEmpty() ? null : BackupStatusReader.sasExpiry(currentUrl);
    boolean sameContainer =
        currentContainer != null && currentContainer.equalsIgnoreCase(containerUrl);
    boolean sasFresh =
        currentExpiry != null && currentExpiry.isAfter(now.plus(options.renewBefore()));
    boolean newSas = !sameContainer || !sasFresh;
    String maskedNew =
        containerUrl
            + "?<container SAS sp="
            + PERMISSIONS
            + ", https only, valid "
            + options.sasValidity().toDays()
            + " days; built at apply, masked>";
    if (newSas) {
      String from =
          currentContainer == null
              ? "(none)"
              : currentContainer
                  + "?<SAS "
                  + (currentExpiry == null ? "without expiry" : "expiring " + currentExpiry)
                  + ", masked>";
      changes.add(new PlannedChange(site, "storageAccountUrl", from, maskedNew));
    }
    boolean configChanges = changes.stream().anyMatch(c -> c.resource().equals(site));
    JsonNode databases = props.path("databases");
    String backupName = props.path("backupName").asText(options.backupName());
    String accountLocation = location;
    Runnable action =
        () -> {
          if (accountMissing) {
            ObjectNode body = JSON.objectNode();
            body.put("location", accountLocation);
            body.put("kind", "StorageV2");
            body.putObject("sku").put("name", options.storageSku());
            ObjectNode p = body.putObject("properties");
            p.put("supportsHttpsTrafficOnly", true);
            p.put("minimumTlsVersion", "TLS1_2");
            p.put("allowBlobPublicAccess", false);
            // The container SAS is signed with an account key: shared-key access stays on.
            p.put("allowSharedKeyAccess", true);
            arm.waitForCompletion(
                arm.send(HttpMethod.PUT, options.storageAccountId(), STORAGE_API_VERSION, body),
                LRO_TIMEOUT);
          }
          if (!containerExists) {
            ObjectNode body = JSON.objectNode();
            body.putObject("properties").put("publicAccess", "None");
            arm.put(containerId, STORAGE_API_VERSION, body);
          }
          if (configChanges) {
            String url =
                newSas ? containerUrl + "?" + newSas(options, accountName, now) : currentUrl;
            ObjectNode body = JSON.objectNode();
            ObjectNode p = body.putObject("properties");
            p.put("backupName", backupName);
            p.put("enabled", true);
            p.put("storageAccountUrl", url);
            ObjectNode s = p.putObject("backupSchedule");
            s.put("frequencyInterval", 1);
            s.put("frequencyUnit", "Day");
            s.put("keepAtLeastOneBackup", true);
            s.put("retentionPeriodInDays", options.retentionDays());
            s.put("startTime", startTime);
            if (databases.isArray()) {
              p.set("databases", databases.deepCopy());
            }
            arm.put(site + "/config/backup", BackupStatusReader.WEB_API_VERSION, body);
          }
        };
    return plan(site, changes, action);
  }

  private String newSas(WebAppBackupOptions options, String accountName, Instant now) {
    JsonNode keys =
        arm.post(options.storageAccountId() + "/listKeys", STORAGE_API_VERSION, null).path("keys");
    String key = null;
    for (JsonNode k : keys) {
      if (k.path("permissions").asText("Full").equalsIgnoreCase("Full")
          && k.path("value").isTextual()) {
        key = k.path("value").asText();
        break;
      }
    }
    if (key == null) {
      throw new IllegalStateException(
          "listKeys on "
              + options.storageAccountId()
              + " returned no key with Full permission: is shared-key access disabled on the"
              + " account?");
    }
    Instant start = now.minus(5, ChronoUnit.MINUTES);
    return ContainerSas.build(
        accountName, options.container(), key, PERMISSIONS, start, now.plus(options.sasValidity()));
  }

  /**
   * Plans the backup retention of a PostgreSQL flexible server (7-35 days) or a SQL database's
   * point-in-time retention (1-35 days). Web apps: use {@link
   * #planWebAppBackup(WebAppBackupOptions)}.
   *
   * @param resourceId the server or database
   * @param days the retention in days
   * @return the plan
   * @throws IllegalArgumentException for a web app or a value out of range
   * @throws ArmException when ARM refuses a read
   */
  public BackupPlan planRetention(String resourceId, int days) {
    BackupKind kind = BackupKind.of(resourceId);
    if (kind == BackupKind.WEB_APP) {
      throw new IllegalArgumentException(
          "Web app retention is part of the backup schedule: use planWebAppBackup for "
              + resourceId);
    }
    if (kind == BackupKind.POSTGRESQL_FLEXIBLE) {
      if (days < 7 || days > 35) {
        throw new IllegalArgumentException(
            "PostgreSQL flexible server backup retention must be 7-35 days, was " + days);
      }
      JsonNode backup =
          arm.get(resourceId, BackupStatusReader.POSTGRESQL_API_VERSION)
              .path("properties")
              .path("backup");
      JsonNode now = backup.path("backupRetentionDays");
      if (now.isNumber() && now.asInt() == days) {
        return plan(resourceId, List.of(), () -> {});
      }
      ObjectNode body = JSON.objectNode();
      body.putObject("properties").putObject("backup").put("backupRetentionDays", days);
      return plan(
          resourceId,
          List.of(
              new PlannedChange(
                  resourceId,
                  "properties.backup.backupRetentionDays",
                  now.isNumber() ? now.asText() : "(none)",
                  Integer.toString(days))),
          () ->
              arm.waitForCompletion(
                  arm.send(
                      HttpMethod.PATCH,
                      resourceId,
                      BackupStatusReader.POSTGRESQL_API_VERSION,
                      body),
                  LRO_TIMEOUT));
    }
    if (days < 1 || days > 35) {
      throw new IllegalArgumentException(
          "SQL database point-in-time retention must be 1-35 days, was " + days);
    }
    String policyId = resourceId + "/backupShortTermRetentionPolicies/default";
    JsonNode policy = JSON.objectNode();
    try {
      policy = arm.get(policyId, BackupStatusReader.SQL_API_VERSION).path("properties");
    } catch (ArmException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    JsonNode now = policy.path("retentionDays");
    if (now.isNumber() && now.asInt() == days) {
      return plan(resourceId, List.of(), () -> {});
    }
    ObjectNode body = JSON.objectNode();
    ObjectNode p = body.putObject("properties");
    p.put("retentionDays", days);
    if (policy.path("diffBackupIntervalInHours").isNumber()) {
      p.put("diffBackupIntervalInHours", policy.path("diffBackupIntervalInHours").asInt());
    }
    return plan(
        resourceId,
        List.of(
            new PlannedChange(
                policyId,
                "properties.retentionDays",
                now.isNumber() ? now.asText() : "(none)",
                Integer.toString(days))),
        () ->
            arm.waitForCompletion(
                arm.send(HttpMethod.PUT, policyId, BackupStatusReader.SQL_API_VERSION, body),
                LRO_TIMEOUT));
  }

  private boolean exists(String id, String apiVersion) {
    try {
      arm.get(id, apiVersion);
      return true;
    } catch (ArmException e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "BackupEnsurer[" + arm + "]";
  }
}
