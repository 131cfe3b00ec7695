package dev.steward.governance.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The backup state of one resource, in one shape for web apps, PostgreSQL flexible servers and SQL
 * databases. Built by {@link BackupStatusReader}. Holds no secrets: the web app's storage SAS is
 * reduced to its container URL and expiry.
 *
 * @param resourceId the ARM resource id
 * @param kind the kind of resource
 * @param checkedAt when the status was read
 * @param latestSuccessfulBackup when the latest successful backup completed, or null when none is
 *     known
 * @param retentionDays how many days backups are kept, or null when not configured
 * @param schedule the schedule, or null when none is configured
 * @param restorable whether the service can restore from the latest successful backup now
 * @param earliestRestorePoint the oldest point that can be restored, or null when unknown
 * @param pointInTimeRestore whether the service restores to any point between the earliest restore
 *     point and the last few minutes (PostgreSQL, SQL)
 * @param storageContainerUrl where web app backups go (no SAS), or null
 * @param storageSasExpiry when the web app's storage SAS expires, or null
 * @param recentBackups the backups the service lists, newest first
 * @param problems what is wrong, one sentence each; empty when nothing is
 */
public record BackupStatus(
    String resourceId,
    BackupKind kind,
    Instant checkedAt,
    Instant latestSuccessfulBackup,
    Integer retentionDays,
    BackupSchedule schedule,
    boolean restorable,
    Instant earliestRestorePoint,
    boolean pointInTimeRestore,
    String storageContainerUrl,
    Instant storageSasExpiry,
    List<BackupRecord> recentBackups,
    List<String> problems) {

  /** Checks the required values and copies the lists. */
  public BackupStatus {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(checkedAt, "checkedAt");
    recentBackups = List.copyOf(recentBackups == null ? List.of() : recentBackups);
    problems = List.copyOf(problems == null ? List.of() : problems);
  }

  /**
   * The age of the latest successful backup at {@link #checkedAt()}.
   *
   * @return the age, or null when no successful backup is known
   */
  public Duration latestSuccessfulBackupAge() {
    return latestSuccessfulBackup == null
        ? null
        : Duration.between(latestSuccessfulBackup, checkedAt);
  }

  /**
   * The status as JSON (for the CLI and reports).
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("resourceId", resourceId);
    o.put("kind", kind.name());
    o.put("checkedAt", checkedAt.toString());
    putInstant(o, "latestSuccessfulBackup", latestSuccessfulBackup);
    Duration age = latestSuccessfulBackupAge();
    if (age == null) {
      o.putNull("latestSuccessfulBackupAge");
    } else {
      o.put("latestSuccessfulBackupAge", age.toString());
    }
    if (retentionDays == null) {
      o.putNull("retentionDays");
    } else {
      o.put("retentionDays", retentionDays);
    }
    if (schedule == null) {
      o.putNull("schedule");
    } else {
      ObjectNode s = o.putObject("schedule");
      s.put("enabled", schedule.enabled());
      if (schedule.interval() == null) {
        s.putNull("interval");
      } else {
        s.put("interval", schedule.interval().toString());
      }
      if (schedule.startHourUtc() == null) {
        s.putNull("startHourUtc");
      } else {
        s.put("startHourUtc", schedule.startHourUtc());
      }
      s.put("managedByService", schedule.managedByService());
      s.put("description", schedule.description());
    }
    o.put("restorable", restorable);
    putInstant(o, "earliestRestorePoint", earliestRestorePoint);
    o.put("pointInTimeRestore", pointInTimeRestore);
    if (storageContainerUrl == null) {
      o.putNull("storageContainerUrl");
    } else {
      o.put("storageContainerUrl", storageContainerUrl);
    }
    putInstant(o, "storageSasExpiry", storageSasExpiry);
    ArrayNode list = o.putArray("recentBackups");
    for (BackupRecord r : recentBackups) {
      ObjectNode b = list.addObject();
      b.put("name", r.name());
      b.put("state", r.state().name());
      b.put("status", r.status());
      if (r.sizeInBytes() == null) {
        b.putNull("sizeInBytes");
      } else {
        b.put("sizeInBytes", r.sizeInBytes());
      }
      putInstant(b, "created", r.created());
      putInstant(b, "finished", r.finished());
    }
    ArrayNode p = o.putArray("problems");
    problems.forEach(p::add);
    return o;
  }

  private static void putInstant(ObjectNode o, String name, Instant value) {
    if (value == null) {
      o.putNull(name);
    } else {
      o.put(name, value.toString());
    }
  }

  /**
   * A few lines for people.
   *
   * @return the text
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(kind).append(' ').append(resourceId).append('\n');
    Duration age = latestSuccessfulBackupAge();
    b.append("  latest successful backup: ")
        .append(
            latestSuccessfulBackup == null
                ? "none known"
                : latestSuccessfulBackup + " (" + human(age) + " ago)")
        .append('\n');
    b.append("  restorable: ").append(restorable ? "yes" : "no");
    if (earliestRestorePoint != null) {
      b.append(" (earliest restore point ").append(earliestRestorePoint).append(')');
    }
    b.append('\n');
    b.append("  retention: ")
        .append(retentionDays == null ? "not configured" : retentionDays + " days")
        .append('\n');
    b.append("  schedule: ")
        .append(schedule == null ? "not configured" : schedule.description())
        .append('\n');
    if (storageContainerUrl != null) {
      b.append("  storage: ").append(storageContainerUrl);
      if (storageSasExpiry != null) {
        b.append(" (SAS expires ").append(storageSasExpiry).append(')');
      }
      b.append('\n');
    }
    b.append("  recent backups: ").append(recentBackups.size()).append('\n');
    for (BackupRecord r : recentBackups.subList(0, Math.min(5, recentBackups.size()))) {
      b.append("    ")
          .append(r.name())
          .append(' ')
          .append(r.state())
          .append(r.completedOrCreated() == null ? "" : " " + r.completedOrCreated())
          .append(r.sizeInBytes() == null ? "" : " " + r.sizeInBytes() + " bytes")
          .append('\n');
    }
    for (String p : problems) {
      b.append("  problem: ").append(p).append('\n');
    }
    return b.toString();
  }

  static String human(Duration d) {
    if (d == null) {
      return "unknown";
    }
    long minutes = d.toMinutes();
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = d.toHours();
    return hours < 72 ? hours + " h" : d.toDays() + " days";
  }

  /**
   * Reads a JSON value as an instant (ARM's ISO-8601 forms, with or without offset).
   *
   * @param node the node
   * @return the instant, or null when missing, null or unreadable
   */
  static Instant instant(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return null;
    }
    String t = node.asText().trim();
    try {
      return java.time.OffsetDateTime.parse(t).toInstant();
    } catch (java.time.format.DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
