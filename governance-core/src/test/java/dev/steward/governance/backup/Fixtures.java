package dev.steward.governance.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads fixtures from {@code src/test/resources/arm}. */
final class Fixtures {
  static final String SITE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Web/sites/sitef6141";
  static final String STORAGE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Storage/storageAccounts/stewardbackups";
  static final String PG =
      "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/TestGroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/postgresqltestserver";
  static final String SQL =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/Default-SQL-SouthEastAsia/providers/Microsoft.Sql/servers/testsvr/databases/testdb";

  private Fixtures() {}

  static String load(String name, String endpoint) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/arm/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture arm/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{endpoint}}", endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
