/**
 * Micrometer meters for governance: the meter names ({@link
 * dev.steward.governance.metrics.GovernanceMeters}), drift report recording ({@link
 * dev.steward.governance.metrics.DriftMetrics}), guard decision counting ({@link
 * dev.steward.governance.metrics.GuardMetrics}) and the scheduler hooks ({@link
 * dev.steward.governance.metrics.SchedulerMetrics}).
 *
 * <p>Micrometer is an optional dependency of governance-core: only the classes of this package that
 * take a {@code MeterRegistry} need it, and they are loaded only when an application uses them.
 */
package dev.steward.governance.metrics;
