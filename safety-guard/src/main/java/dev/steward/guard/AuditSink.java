package dev.steward.guard;

import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Verdict;
import java.util.List;

/**
 * Where the guard records its decisions. Every decision (allowed, confirmed, overridden,
 * confirmation required, prohibited) is offered; {@link JsonLinesAuditSink} and {@link
 * Slf4jAuditSink} ship with the guard.
 *
 * <p>Fail closed: when {@link #record} throws, an allowed operation is refused, because an
 * operation that cannot be audited must not run.
 */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one decision. Must not log secrets; the event carries none.
   *
   * @param event the decision, when, and for whom
   */
  void record(AuditEvent event);

  /**
   * Whether this sink wants events of this kind. The guard builds no event for a sink that does
   * not, which keeps the allowed path cheap (for example {@link Slf4jAuditSink} with debug logging
   * off).
   *
   * @param verdict the verdict
   * @param grant the grant
   * @return {@code true} by default
   */
  default boolean isEnabled(Verdict verdict, Grant grant) {
    return true;
  }

  /**
   * A sink that records to every sink given, in order.
   *
   * @param sinks the sinks
   * @return the combined sink
   */
  static AuditSink all(List<AuditSink> sinks) {
    List<AuditSink> copy = List.copyOf(sinks);
    if (copy.size() == 1) {
      return copy.get(0);
    }
    return new AuditSink() {
      @Override
      public void record(AuditEvent event) {
        for (AuditSink sink : copy) {
          if (sink.isEnabled(event.decision().verdict(), event.decision().grant())) {
            sink.record(event);
          }
        }
      }

      @Override
      public boolean isEnabled(Verdict verdict, Grant grant) {
        for (AuditSink sink : copy) {
          if (sink.isEnabled(verdict, grant)) {
            return true;
          }
        }
        return false;
      }
    };
  }
}
