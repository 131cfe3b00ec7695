package dev.steward.governance.metrics;

import dev.steward.guard.AuditSink;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Counts production-guard decisions as {@link GovernanceMeters#GUARD_DECISIONS}, by operation kind,
 * outcome and environment, through the guard's {@link AuditSink} seam (safety-guard itself knows
 * nothing of metrics). Add it next to the sinks you already use; the guard calls it for every
 * decision, whatever the other sinks filter:
 *
 * <pre>{@code
 * ProductionGuard guard = ProductionGuard.builder()
 *     .auditSink(new Slf4jAuditSink())
 *     .auditSink(GuardMetrics.auditSink(registry))
 *     .build();
 * }</pre>
 */
public final class GuardMetrics implements AuditSink {
  private final MeterRegistry registry;
  private final AuditSink delegate;

  private GuardMetrics(MeterRegistry registry, AuditSink delegate) {
    this.registry = Objects.requireNonNull(registry, "meterRegistry");
    this.delegate = delegate;
  }

  /**
   * A sink that only counts decisions.
   *
   * @param registry where the counter goes
   * @return the sink
   */
  public static GuardMetrics auditSink(MeterRegistry registry) {
    return new GuardMetrics(registry, null);
  }

  /**
   * A sink that counts every decision, then hands the ones {@code delegate} wants to it.
   *
   * @param registry where the counter goes
   * @param delegate the sink to decorate
   * @return the sink
   */
  public static GuardMetrics decorate(MeterRegistry registry, AuditSink delegate) {
    return new GuardMetrics(registry, Objects.requireNonNull(delegate, "delegate"));
  }

  @Override
  public void record(AuditEvent event) {
    Counter.builder(GovernanceMeters.GUARD_DECISIONS)
        .description("Production-guard decisions")
        .tag(GovernanceMeters.TAG_KIND, event.decision().operation().kind().label())
        .tag(GovernanceMeters.TAG_OUTCOME, event.outcome())
        .tag(GovernanceMeters.TAG_ENVIRONMENT, event.decision().environment().environment().label())
        .register(registry)
        .increment();
    if (delegate != null
        && delegate.isEnabled(event.decision().verdict(), event.decision().grant())) {
      delegate.record(event);
    }
  }

  /** Always true: every decision is counted. */
  @Override
  public boolean isEnabled(Verdict verdict, Grant grant) {
    return true;
  }

  @Override
  public String toString() {
    return "GuardMetrics[" + (delegate == null ? "count only" : "decorating " + delegate) + "]";
  }
}
