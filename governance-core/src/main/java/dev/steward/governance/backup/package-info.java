/**
 * Backup governance on Azure Resource Manager: one {@link
 * dev.steward.governance.backup.BackupStatus} shape for App Service web apps, PostgreSQL flexible
 * servers and Azure SQL databases ({@link dev.steward.governance.backup.BackupStatusReader}), the
 * production guard's {@link dev.steward.guard.BackupVerifier} on top of it ({@link
 * dev.steward.governance.backup.ArmBackupVerifier}), dry-run-first configuration ({@link
 * dev.steward.governance.backup.BackupEnsurer}) and a retention report ({@link
 * dev.steward.governance.backup.RetentionReport}).
 */
package dev.steward.governance.backup;
