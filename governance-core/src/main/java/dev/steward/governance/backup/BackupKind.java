package dev.steward.governance.backup;

import java.util.Locale;

/** The kinds of resource whose backups Steward reads. */
public enum BackupKind {
  /**
   * An App Service web app ({@code Microsoft.Web/sites}): scheduled backups to a blob container.
   */
  WEB_APP("Microsoft.Web/sites"),
  /**
   * An Azure Database for PostgreSQL flexible server ({@code
   * Microsoft.DBforPostgreSQL/flexibleServers}): automatic daily backups and point-in-time restore.
   */
  POSTGRESQL_FLEXIBLE("Microsoft.DBforPostgreSQL/flexibleServers"),
  /**
   * An Azure SQL database ({@code Microsoft.Sql/servers/databases}): automatic full, differential
   * and log backups with point-in-time restore.
   */
  SQL_DATABASE("Microsoft.Sql/servers/databases");

  private final String resourceType;

  BackupKind(String resourceType) {
    this.resourceType = resourceType;
  }

  /**
   * The ARM resource type.
   *
   * @return e.g. {@code Microsoft.Web/sites}
   */
  public String resourceType() {
    return resourceType;
  }

  /**
   * The kind of a resource id.
   *
   * @param resourceId a full ARM resource id
   * @return the kind
   * @throws IllegalArgumentException naming the id when it is none of the supported types
   */
  public static BackupKind of(String resourceId) {
    String id = ResourceIds.check(resourceId).toLowerCase(Locale.ROOT);
    String[] p = id.split("/");
    // /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}[/{child}/{name}]
    if (p.length == 9 && p[6].equals("microsoft.web") && p[7].equals("sites")) {
      return WEB_APP;
    }
    if (p.length == 9
        && p[6].equals("microsoft.dbforpostgresql")
        && p[7].equals("flexibleservers")) {
      return POSTGRESQL_FLEXIBLE;
    }
    if (p.length == 11
        && p[6].equals("microsoft.sql")
        && p[7].equals("servers")
        && p[9].equals("databases")) {
      return SQL_DATABASE;
    }
    throw new IllegalArgumentException(
        "Unsupported resource for backups: '"
            + resourceId
            + "'; expected a Microsoft.Web/sites, Microsoft.DBforPostgreSQL/flexibleServers or"
            + " Microsoft.Sql/servers/databases resource id");
  }
}
