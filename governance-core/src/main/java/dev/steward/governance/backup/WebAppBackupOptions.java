package dev.steward.governance.backup;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link BackupEnsurer#planWebAppBackup(WebAppBackupOptions)} ensures for an App Service web
 * app: scheduled backups every day at {@code hourUtc}, kept {@code retentionDays} days, into {@code
 * container} of the storage account {@code storageAccountId}. A missing account is created in the
 * web app's region with {@code storageSku} (StorageV2, https only, TLS 1.2, no anonymous blob
 * access) and a missing container is created private. The web app gets a container SAS valid for
 * {@code sasValidity}, renewed by the next ensure once it expires within {@code renewBefore}: run
 * the ensure regularly (e.g. daily as a governance job) and the SAS stays short-lived.
 *
 * @param webAppId the web app's resource id
 * @param storageAccountId the storage account's resource id
 * @param container the blob container name
 * @param hourUtc the hour of day (UTC) backups start; default 2
 * @param retentionDays how many days backups are kept; default 30
 * @param sasValidity how long a new SAS is valid; default 7 days
 * @param renewBefore renew a SAS that expires within this; default 2 days
 * @param backupName the backup name; default the web app's name
 * @param storageSku the SKU of a storage account the ensure creates; default {@code Standard_GRS}
 *     (geo-redundant: backups survive a regional outage)
 */
public record WebAppBackupOptions(
    String webAppId,
    String storageAccountId,
    String container,
    int hourUtc,
    int retentionDays,
    Duration sasValidity,
    Duration renewBefore,
    String backupName,
    String storageSku) {

  private static final Pattern SKU =
      Pattern.compile("(Standard|Premium|StandardV2|PremiumV2)_[A-Z]+");
  private static final Pattern CONTAINER =
      Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

  /** Validates the values. */
  public WebAppBackupOptions {
    if (BackupKind.of(webAppId) != BackupKind.WEB_APP) {
      throw new IllegalArgumentException("webAppId is not a Microsoft.Web/sites id: " + webAppId);
    }
    String[] s = ResourceIds.check(storageAccountId).split("/");
    if (s.length != 9
        || !s[6].equalsIgnoreCase("Microsoft.Storage")
        || !s[7].equalsIgnoreCase("storageAccounts")) {
      throw new IllegalArgumentException(
          "storageAccountId is not a Microsoft.Storage/storageAccounts id: " + storageAccountId);
    }
    Objects.requireNonNull(container, "container");
    if (!CONTAINER.matcher(container).matches()) {
      throw new IllegalArgumentException(
          "container '"
              + container
              + "' is not a valid blob container name (3-63 lower-case letters, digits, single"
              + " hyphens)");
    }
    if (hourUtc < 0 || hourUtc > 23) {
      throw new IllegalArgumentException("hourUtc must be 0-23, was " + hourUtc);
    }
    if (retentionDays < 0 || retentionDays > 9999) {
      throw new IllegalArgumentException(
          "retentionDays must be 0 (keep forever) to 9999, was " + retentionDays);
    }
    Objects.requireNonNull(sasValidity, "sasValidity");
    Objects.requireNonNull(renewBefore, "renewBefore");
    if (sasValidity.compareTo(Duration.ofHours(25)) < 0
        || sasValidity.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(
          "sasValidity must be 25 hours to 365 days (a daily backup must fit), was " + sasValidity);
    }
    if (renewBefore.isNegative() || renewBefore.compareTo(sasValidity) >= 0) {
      throw new IllegalArgumentException(
          "renewBefore must be at least 0 and shorter than sasValidity, was " + renewBefore);
    }
    backupName =
        backupName == null || backupName.isBlank() ? ResourceIds.name(webAppId) : backupName;
    storageSku = storageSku == null ? "Standard_GRS" : storageSku;
    if (!SKU.matcher(storageSku).matches()) {
      throw new IllegalArgumentException(
          "storageSku '" + storageSku + "' is not a storage SKU name such as Standard_GRS");
    }
  }

  /**
   * The defaults: 02:00 UTC, 30 days, a 7-day SAS renewed 2 days before it expires.
   *
   * @param webAppId the web app
   * @param storageAccountId the storage account
   * @param container the container
   * @return the options
   */
  public static WebAppBackupOptions of(String webAppId, String storageAccountId, String container) {
    return new WebAppBackupOptions(
        webAppId,
        storageAccountId,
        container,
        2,
        30,
        Duration.ofDays(7),
        Duration.ofDays(2),
        null,
        null);
  }

  /**
   * A copy with another start hour.
   *
   * @param hour 0-23 UTC
   * @return the copy
   */
  public WebAppBackupOptions withHourUtc(int hour) {
    return new WebAppBackupOptions(
        webAppId,
        storageAccountId,
        container,
        hour,
        retentionDays,
        sasValidity,
        renewBefore,
        backupName,
        storageSku);
  }

  /**
   * A copy with another retention.
   *
   * @param days days to keep backups
   * @return the copy
   */
  public WebAppBackupOptions withRetentionDays(int days) {
    return new WebAppBackupOptions(
        webAppId,
        storageAccountId,
        container,
        hourUtc,
        days,
        sasValidity,
        renewBefore,
        backupName,
        storageSku);
  }

  /**
   * A copy with another SKU for a storage account the ensure creates.
   *
   * @param sku e.g. {@code Standard_LRS}, {@code Standard_ZRS}
   * @return the copy
   */
  public WebAppBackupOptions withStorageSku(String sku) {
    return new WebAppBackupOptions(
        webAppId,
        storageAccountId,
        container,
        hourUtc,
        retentionDays,
        sasValidity,
        renewBefore,
        backupName,
        sku);
  }
}
