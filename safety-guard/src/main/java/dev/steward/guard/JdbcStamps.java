package dev.steward.guard;

import dev.steward.guard.implementation.Redaction;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentStamp;
import dev.steward.guard.models.Target;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment stamp inside a database: a tiny key/value table, {@value #TABLE}, that records
 * which environment the database belongs to (the idea of Rails' {@code ar_internal_metadata}).
 * Because the stamp lives with the data, a production database is recognised as production
 * whichever process reaches it.
 *
 * <pre>
 * CREATE TABLE steward_metadata (
 *   meta_key   VARCHAR(64)  NOT NULL PRIMARY KEY,   -- environment, stamped_at, stamped_by
 *   meta_value VARCHAR(255) NOT NULL,
 *   updated_at VARCHAR(40)  NOT NULL)               -- ISO-8601 instant
 * </pre>
 *
 * <p>Only portable SQL is used (no {@code IF NOT EXISTS}, no {@code MERGE}); the table's existence
 * is checked through {@link DatabaseMetaData} in the connection's current schema. Write stamps with
 * {@link ProductionGuard#stamp}, which refuses to lower a target's protection unguarded.
 */
public final class JdbcStamps {

  /** The stamp table's name. */
  public static final String TABLE = "steward_metadata";

  private static final String ENVIRONMENT = "environment";
  private static final String STAMPED_AT = "stamped_at";
  private static final String STAMPED_BY = "stamped_by";

  private JdbcStamps() {}

  /**
   * Reads the stamp.
   *
   * @param connection an open connection to the target
   * @return the stamp, or empty when the table or its {@code environment} entry is missing
   * @throws SQLException when the database cannot be read
   * @throws IllegalStateException when the stored value names no environment
   */
  public static Optional<EnvironmentStamp> read(Connection connection) throws SQLException {
    if (!tableExists(connection)) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT meta_key, meta_value FROM " + TABLE)) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getString(2));
      }
    }
    String stored = values.get(ENVIRONMENT);
    if (stored == null) {
      return Optional.empty();
    }
    Environment environment =
        Environment.parse(stored)
            .filter(Environment::isConcrete)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        TABLE
                            + " says environment='"
                            + Redaction.printable(stored)
                            + "', which names no environment; restamp it with steward guard"
                            + " stamp"));
    return Optional.of(
        new EnvironmentStamp(environment, instant(values.get(STAMPED_AT)), values.get(STAMPED_BY)));
  }

  /**
   * Writes the stamp, creating the table when it is missing, in one transaction when the connection
   * allows it. Prefer {@link ProductionGuard#stamp}, which decides first.
   *
   * @param connection an open connection to the target
   * @param stamp the stamp to write
   * @throws SQLException when the database cannot be written
   */
  public static void write(Connection connection, EnvironmentStamp stamp) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    try {
      if (!tableExists(connection)) {
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate(
              "CREATE TABLE "
                  + TABLE
                  + " (meta_key VARCHAR(64) NOT NULL PRIMARY KEY,"
                  + " meta_value VARCHAR(255) NOT NULL,"
                  + " updated_at VARCHAR(40) NOT NULL)");
        }
      }
      String now = (stamp.stampedAt() == null ? Instant.now() : stamp.stampedAt()).toString();
      put(connection, ENVIRONMENT, stamp.environment().label(), now);
      put(connection, STAMPED_AT, now, now);
      if (stamp.stampedBy() != null) {
        put(connection, STAMPED_BY, truncate(stamp.stampedBy()), now);
      }
      if (autoCommit) {
        connection.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (autoCommit) {
        connection.rollback();
      }
      throw e;
    } finally {
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * A lookup that opens a connection, reads the stamp and closes the connection, for {@link
   * Target#withStampFrom}.
   *
   * @param connections opens connections to the target
   * @return the lookup
   */
  public static Target.StampLookup lookup(ConnectionFactory connections) {
    return () -> {
      try (Connection connection = connections.connect()) {
        return read(connection).map(EnvironmentStamp::environment);
      }
    };
  }

  /**
   * A target whose stamp the guard reads from the database at evaluation time.
   *
   * @param name the target's name, for messages
   * @param connections opens connections to the target
   * @return the target
   */
  public static Target target(String name, ConnectionFactory connections) {
    return Target.withStampFrom(name, lookup(connections));
  }

  private static void put(Connection connection, String key, String value, String now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET meta_value = ?, updated_at = ? WHERE meta_key = ?")) {
      update.setString(1, value);
      update.setString(2, now);
      update.setString(3, key);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + TABLE + " (meta_key, meta_value, updated_at) VALUES (?, ?, ?)")) {
      insert.setString(1, key);
      insert.setString(2, value);
      insert.setString(3, now);
      insert.executeUpdate();
    }
  }

  static boolean tableExists(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String schema = currentSchema(connection);
    for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet tables = metadata.getTables(null, schema, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  static String currentSchema(Connection connection) {
    try {
      return connection.getSchema();
    } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String truncate(String value) {
    return value.length() <= 255 ? value : value.substring(0, 255);
  }
}
