package dev.steward.guard;

import dev.steward.guard.models.AuditEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, for assertions. */
final class RecordingAuditSink implements AuditSink {
  final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  AuditEvent last() {
    return events.get(events.size() - 1);
  }
}
