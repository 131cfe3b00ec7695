/**
 * The production safety guard: {@link dev.steward.guard.ProductionGuard} decides ALLOW,
 * REQUIRE_CONFIRMATION or PROHIBIT for an operation on a target, from the detected environment
 * ({@link dev.steward.guard.EnvironmentDetectors}), the target's environment stamp ({@link
 * dev.steward.guard.JdbcStamps}), test-data detection ({@link dev.steward.guard.TestDataDetector},
 * {@link dev.steward.guard.JdbcDataProfiler}), backups ({@link dev.steward.guard.BackupVerifier}),
 * confirmations ({@link dev.steward.guard.Confirmations}) and single-use overrides, and records
 * every decision ({@link dev.steward.guard.AuditSink}). {@link dev.steward.guard.Guards} binds the
 * {@link dev.steward.guard.ProductionSafe} and {@link dev.steward.guard.Destructive} annotations
 * with a JDK dynamic proxy. Everything fails closed.
 */
package dev.steward.guard;
