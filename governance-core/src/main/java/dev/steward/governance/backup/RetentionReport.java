package dev.steward.governance.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a resource's backup history says about retention: successful backups older than the
 * retention (the service should have deleted them, or the retention was shortened), failing
 * backups, and days without a successful backup in the daily series.
 *
 * @param resourceId the resource
 * @param retentionDays the configured retention, or null
 * @param olderThanRetention successful backups older than the retention
 * @param failing failed, timed-out or partially successful backups
 * @param missingDays UTC days, from the first successful backup inside the retention window to
 *     yesterday, without a successful backup
 * @param notes what could not be checked, and why
 */
public record RetentionReport(
    String resourceId,
    Integer retentionDays,
    List<BackupRecord> olderThanRetention,
    List<BackupRecord> failing,
    List<LocalDate> missingDays,
    List<String> notes) {

  /** Copies the lists. */
  public RetentionReport {
    Objects.requireNonNull(resourceId, "resourceId");
    olderThanRetention = List.copyOf(olderThanRetention);
    failing = List.copyOf(failing);
    missingDays = List.copyOf(missingDays);
    notes = List.copyOf(notes);
  }

  /**
   * Builds the report from a status, at the status's {@link BackupStatus#checkedAt()}.
   *
   * @param status the status
   * @return the report
   */
  public static RetentionReport of(BackupStatus status) {
    Instant now = status.checkedAt();
    List<String> notes = new ArrayList<>();
    Integer retention = status.retentionDays();
    List<BackupRecord> succeeded =
        status.recentBackups().stream()
            .filter(r -> r.state() == BackupState.SUCCEEDED && r.completedOrCreated() != null)
            .collect(Collectors.toList());
    List<BackupRecord> old = new ArrayList<>();
    if (retention == null || retention == 0) {
      notes.add(
          retention == null
              ? "no retention is configured: backups older than retention cannot be checked"
              : "retention 0 keeps backups forever");
    } else {
      Instant limit = now.minus(retention, ChronoUnit.DAYS);
      for (BackupRecord r : succeeded) {
        if (r.completedOrCreated().isBefore(limit)) {
          old.add(r);
        }
      }
    }
    List<BackupRecord> failing =
        status.recentBackups().stream()
            .filter(r -> r.state() == BackupState.FAILED)
            .collect(Collectors.toList());
    List<LocalDate> missing = new ArrayList<>();
    boolean daily =
        status.schedule() != null
            && status.schedule().interval() != null
            && status.schedule().interval().compareTo(java.time.Duration.ofDays(1)) <= 0;
    if (status.kind() == BackupKind.SQL_DATABASE) {
      notes.add("ARM lists no individual SQL database backups: gaps cannot be checked");
    } else if (!daily) {
      notes.add("the schedule is not daily: gaps in a daily series are not checked");
    } else if (succeeded.isEmpty()) {
      notes.add("no successful backup: every day is a gap");
    } else {
      Set<LocalDate> days = new TreeSet<>();
      for (BackupRecord r : succeeded) {
        days.add(LocalDate.ofInstant(r.completedOrCreated(), ZoneOffset.UTC));
      }
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      LocalDate first = days.iterator().next();
      if (retention != null && retention > 0) {
        LocalDate windowStart = today.minusDays(retention);
        if (first.isBefore(windowStart)) {
          first = days.stream().filter(d -> !d.isBefore(windowStart)).findFirst().orElse(today);
        }
      }
      for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
        if (!days.contains(d)) {
          missing.add(d);
        }
      }
    }
    return new RetentionReport(status.resourceId(), retention, old, failing, missing, notes);
  }

  /**
   * Whether the report found nothing wrong.
   *
   * @return true when no backup is too old, none failed and no day is missing
   */
  public boolean isClean() {
    return olderThanRetention.isEmpty() && failing.isEmpty() && missingDays.isEmpty();
  }

  /**
   * The report as text.
   *
   * @return the text
   */
  public String describe() {
    StringBuilder b = new StringBuilder("retention report for ").append(resourceId).append('\n');
    b.append("  older than retention (")
        .append(retentionDays == null ? "none" : retentionDays + " days")
        .append("): ")
        .append(olderThanRetention.size())
        .append('\n');
    olderThanRetention.forEach(
        r ->
            b.append("    ")
                .append(r.name())
                .append(' ')
                .append(r.completedOrCreated())
                .append('\n'));
    b.append("  failing: ").append(failing.size()).append('\n');
    failing.forEach(
        r -> b.append("    ").append(r.name()).append(' ').append(r.status()).append('\n'));
    b.append("  days without a successful backup: ").append(missingDays.size()).append('\n');
    missingDays.forEach(d -> b.append("    ").append(d).append('\n'));
    notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
    return b.toString();
  }

  /**
   * The report as JSON.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("resourceId", resourceId);
    if (retentionDays == null) {
      o.putNull("retentionDays");
    } else {
      o.put("retentionDays", retentionDays);
    }
    ArrayNode old = o.putArray("olderThanRetention");
    olderThanRetention.forEach(r -> old.add(r.name()));
    ArrayNode fail = o.putArray("failing");
    failing.forEach(r -> fail.add(r.name()));
    ArrayNode gaps = o.putArray("missingDays");
    missingDays.forEach(d -> gaps.add(d.toString()));
    ArrayNode n = o.putArray("notes");
    notes.forEach(n::add);
    o.put("clean", isClean());
    return o;
  }
}
