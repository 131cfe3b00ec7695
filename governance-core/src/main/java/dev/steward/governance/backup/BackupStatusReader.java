package dev.steward.governance.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads the {@link BackupStatus} of a web app, a PostgreSQL flexible server or a SQL database
 * through ARM.
 *
 * <ul>
 *   <li><b>Web app</b> ({@value #WEB_API_VERSION}): {@code POST {site}/config/backup/list} for the
 *       schedule, retention and storage (the documented call: the configuration holds a SAS URL, so
 *       ARM serves it as a POST "list" action; a 404 means no backup is configured) and {@code GET
 *       {site}/backups} for the backups with status, size, created and finished.
 *   <li><b>PostgreSQL flexible server</b> ({@value #POSTGRESQL_API_VERSION}): the server's {@code
 *       properties.backup} ({@code backupRetentionDays}, {@code earliestRestoreDate}) and {@code
 *       GET {server}/backups} (completed automatic and on-demand full backups).
 *   <li><b>SQL database</b> ({@value #SQL_API_VERSION}): the database's {@code earliestRestoreDate}
 *       and {@code backupShortTermRetentionPolicies/default}. ARM lists no individual SQL backups;
 *       Azure SQL takes log backups every 5 to 10 minutes, so an online database with an earliest
 *       restore point is reported with its latest successful backup 10 minutes before the check
 *       (the documented upper bound), and no backup records.
 * </ul>
 *
 * ARM errors other than "not configured" propagate as {@link ArmException}.
 */
public final class BackupStatusReader {
  /** Microsoft.Web api-version used. */
  public static final String WEB_API_VERSION = "2023-12-01";

  /** Microsoft.DBforPostgreSQL api-version used. */
  public static final String POSTGRESQL_API_VERSION = "2024-08-01";

  /** Microsoft.Sql api-version used. */
  public static final String SQL_API_VERSION = "2021-11-01";

  /** The upper bound of Azure SQL's log backup interval. */
  static final Duration SQL_LOG_BACKUP_INTERVAL = Duration.ofMinutes(10);

  /** How late a scheduled backup may be before the status calls it overdue. */
  static final Duration OVERDUE_GRACE = Duration.ofHours(4);

  private final ArmClient arm;
  private final Clock clock;

  /**
   * Creates a reader.
   *
   * @param arm the ARM client
   * @param clock the clock that stamps {@link BackupStatus#checkedAt()} and ages
   */
  public BackupStatusReader(ArmClient arm, Clock clock) {
    this.arm = Objects.requireNonNull(arm, "arm");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads the backup status of a resource.
   *
   * @param resourceId the ARM resource id of a web app, PostgreSQL flexible server or SQL database
   * @return the status
   * @throws IllegalArgumentException when the id is not one of the supported kinds
   * @throws ArmException when ARM answers with an error
   */
  public BackupStatus read(String resourceId) {
    switch (BackupKind.of(resourceId)) {
      case WEB_APP:
        return webApp(resourceId);
      case POSTGRESQL_FLEXIBLE:
        return postgres(resourceId);
      default:
        return sql(resourceId);
    }
  }

  private BackupStatus webApp(String id) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    JsonNode config = null;
    try {
      config = arm.post(id + "/config/backup/list", WEB_API_VERSION, null);
    } catch (ArmException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      problems.add("no backup schedule is configured for the web app");
    }
    BackupSchedule schedule = null;
    Integer retention = null;
    String container = null;
    Instant sasExpiry = null;
    if (config != null) {
      JsonNode p = config.path("properties");
      boolean enabled = p.path("enabled").asBoolean(false);
      JsonNode s = p.path("backupSchedule");
      if (!s.isObject()) {
        problems.add("the backup configuration has no schedule");
      } else {
        int every = s.path("frequencyInterval").asInt(0);
        String unit = s.path("frequencyUnit").asText("Day");
        Duration interval =
            every <= 0
                ? null
                : unit.equalsIgnoreCase("Hour") ? Duration.ofHours(every) : Duration.ofDays(every);
        Instant start = BackupStatus.instant(s.path("startTime"));
        Integer hour = start == null ? null : start.atZone(java.time.ZoneOffset.UTC).getHour();
        if (s.path("retentionPeriodInDays").isNumber()) {
          retention = s.path("retentionPeriodInDays").asInt();
        }
        schedule =
            new BackupSchedule(
                enabled,
                interval,
                hour,
                false,
                (enabled ? "" : "disabled: ")
                    + "every "
                    + every
                    + " "
                    + unit.toLowerCase(Locale.ROOT)
                    + (every == 1 ? "" : "s")
                    + (hour == null ? "" : String.format(Locale.ROOT, " at %02d:00 UTC", hour))
                    + (retention == null ? "" : ", kept " + retention + " days"));
      }
      if (!enabled) {
        problems.add("scheduled backups are disabled");
      }
      String url = p.path("storageAccountUrl").asText(null);
      if (url != null && !url.isBlank()) {
        container = withoutQuery(url);
        sasExpiry = sasExpiry(url);
        if (sasExpiry != null && !sasExpiry.isAfter(now)) {
          problems.add(
              "the storage SAS expired at " + sasExpiry + ": new backups cannot be written");
        }
      } else {
        problems.add("the backup configuration names no storage container");
      }
    }
    List<BackupRecord> records = new ArrayList<>();
    arm.list(id + "/backups", WEB_API_VERSION)
        .forEach(
            b -> {
              JsonNode p = b.path("properties");
              String status = p.path("status").asText(null);
              String name = p.path("name").asText(null);
              if (name == null) {
                name =
                    p.path("id").isMissingNode()
                        ? b.path("name").asText("?")
                        : p.path("id").asText();
              }
              records.add(
                  new BackupRecord(
                      name,
                      BackupState.ofWebApp(status),
                      status,
                      p.path("sizeInBytes").isNumber() ? p.path("sizeInBytes").asLong() : null,
                      BackupStatus.instant(p.path("created")),
                      BackupStatus.instant(p.path("finishedTimeStamp"))));
            });
    return summarise(
        id,
        BackupKind.WEB_APP,
        now,
        records,
        retention,
        schedule,
        null,
        false,
        container,
        sasExpiry,
        problems);
  }

  private BackupStatus postgres(String id) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    JsonNode server = arm.get(id, POSTGRESQL_API_VERSION);
    JsonNode props = server.path("properties");
    JsonNode backup = props.path("backup");
    Integer retention =
        backup.path("backupRetentionDays").isNumber()
            ? backup.path("backupRetentionDays").asInt()
            : null;
    Instant earliest = BackupStatus.instant(backup.path("earliestRestoreDate"));
    String state = props.path("state").asText("");
    List<BackupRecord> records = new ArrayList<>();
    arm.list(id + "/backups", POSTGRESQL_API_VERSION)
        .forEach(
            b -> {
              JsonNode p = b.path("properties");
              Instant done = BackupStatus.instant(p.path("completedTime"));
              // The list holds completed backups only (the service keeps no failed entries).
              records.add(
                  new BackupRecord(
                      b.path("name").asText("?"),
                      done == null ? BackupState.UNKNOWN : BackupState.SUCCEEDED,
                      (p.path("source").asText("") + " " + p.path("backupType").asText("")).trim(),
                      null,
                      null,
                      done));
            });
    if (!state.isEmpty() && !state.equalsIgnoreCase("Ready")) {
      problems.add("the server is " + state + ", not Ready");
    }
    if (earliest == null) {
      problems.add("the server reports no earliest restore point");
    }
    BackupSchedule schedule =
        new BackupSchedule(
            true,
            Duration.ofDays(1),
            null,
            true,
            "automatic daily full backups with continuous WAL archiving (point-in-time restore)"
                + (retention == null ? "" : ", kept " + retention + " days"));
    boolean serverOk =
        earliest != null
            && (state.isEmpty()
                || state.equalsIgnoreCase("Ready")
                || state.equalsIgnoreCase("Stopped"));
    BackupStatus s =
        summarise(
            id,
            BackupKind.POSTGRESQL_FLEXIBLE,
            now,
            records,
            retention,
            schedule,
            earliest,
            true,
            null,
            null,
            problems);
    return serverOk ? s : notRestorable(s);
  }

  private BackupStatus sql(String id) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    JsonNode db = arm.get(id, SQL_API_VERSION);
    JsonNode props = db.path("properties");
    Instant earliest = BackupStatus.instant(props.path("earliestRestoreDate"));
    String status = props.path("status").asText("");
    Integer retention = null;
    Integer diffHours = null;
    try {
      JsonNode policy =
          arm.get(id + "/backupShortTermRetentionPolicies/default", SQL_API_VERSION)
              .path("properties");
      if (policy.path("retentionDays").isNumber()) {
        retention = policy.path("retentionDays").asInt();
      }
      if (policy.path("diffBackupIntervalInHours").isNumber()) {
        diffHours = policy.path("diffBackupIntervalInHours").asInt();
      }
    } catch (ArmException e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      problems.add("the database has no short-term retention policy");
    }
    boolean online = status.isEmpty() || status.equalsIgnoreCase("Online");
    if (!online) {
      problems.add("the database is " + status + ", not Online");
    }
    if (earliest == null) {
      problems.add("the database reports no earliest restore point");
    }
    boolean restorable = online && earliest != null;
    BackupSchedule schedule =
        new BackupSchedule(
            true,
            SQL_LOG_BACKUP_INTERVAL,
            null,
            true,
            "automatic full, differential"
                + (diffHours == null ? "" : " (every " + diffHours + " h)")
                + " and log backups (every 5-10 min), point-in-time restore"
                + (retention == null ? "" : ", kept " + retention + " days"));
    return new BackupStatus(
        id,
        BackupKind.SQL_DATABASE,
        now,
        restorable ? now.minus(SQL_LOG_BACKUP_INTERVAL) : null,
        retention,
        schedule,
        restorable,
        earliest,
        true,
        null,
        null,
        List.of(),
        problems);
  }

  private static BackupStatus summarise(
      String id,
      BackupKind kind,
      Instant now,
      List<BackupRecord> records,
      Integer retention,
      BackupSchedule schedule,
      Instant earliest,
      boolean pointInTime,
      String container,
      Instant sasExpiry,
      List<String> problems) {
    Comparator<BackupRecord> newestFirst =
        Comparator.comparing(
                BackupRecord::completedOrCreated, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BackupRecord::name);
    List<BackupRecord> sorted = records.stream().sorted(newestFirst).collect(Collectors.toList());
    List<BackupRecord> succeeded =
        sorted.stream()
            .filter(r -> r.state() == BackupState.SUCCEEDED && r.completedOrCreated() != null)
            .collect(Collectors.toList());
    Instant latest = succeeded.isEmpty() ? null : succeeded.get(0).completedOrCreated();
    Instant oldest =
        succeeded.isEmpty() ? null : succeeded.get(succeeded.size() - 1).completedOrCreated();
    if (sorted.isEmpty()) {
      problems.add("the service lists no backups");
    } else if (succeeded.isEmpty()) {
      long running = sorted.stream().filter(r -> r.state() == BackupState.IN_PROGRESS).count();
      problems.add(
          "no successful backup is listed ("
              + sorted.size()
              + " listed"
              + (running > 0 ? ", " + running + " in progress" : "")
              + ")");
    }
    if (latest != null
        && schedule != null
        && schedule.enabled()
        && schedule.interval() != null
        && Duration.between(latest, now).compareTo(schedule.interval().plus(OVERDUE_GRACE)) > 0) {
      problems.add(
          "the latest successful backup is "
              + BackupStatus.human(Duration.between(latest, now))
              + " old: the schedule expects one every "
              + BackupStatus.human(schedule.interval()));
    }
    sorted.stream()
        .filter(r -> r.state() != BackupState.IN_PROGRESS)
        .findFirst()
        .filter(r -> r.state() == BackupState.FAILED)
        .ifPresent(
            r ->
                problems.add(
                    "the newest finished backup "
                        + r.name()
                        + " ended "
                        + r.status()
                        + (latest == null
                            ? ""
                            : "; the latest successful one completed " + latest)));
    return new BackupStatus(
        id,
        kind,
        now,
        latest,
        retention,
        schedule,
        latest != null,
        earliest != null ? earliest : oldest,
        pointInTime,
        container,
        sasExpiry,
        sorted,
        problems);
  }

  private static BackupStatus notRestorable(BackupStatus s) {
    return new BackupStatus(
        s.resourceId(),
        s.kind(),
        s.checkedAt(),
        s.latestSuccessfulBackup(),
        s.retentionDays(),
        s.schedule(),
        false,
        s.earliestRestorePoint(),
        s.pointInTimeRestore(),
        s.storageContainerUrl(),
        s.storageSasExpiry(),
        s.recentBackups(),
        s.problems());
  }

  /** The URL without its query (the SAS), never the secret part. */
  static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** The {@code se} (signed expiry) of a SAS URL, or null. */
  static Instant sasExpiry(String url) {
    try {
      String query = URI.create(url).getRawQuery();
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        if (pair.startsWith("se=")) {
          return BackupStatus.instant(
              com.fasterxml.jackson.databind.node.TextNode.valueOf(
                  URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8)));
        }
      }
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
    return null;
  }
}
