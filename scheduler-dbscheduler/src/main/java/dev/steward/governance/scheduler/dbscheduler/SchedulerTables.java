package dev.steward.governance.scheduler.dbscheduler;

import dev.steward.governance.scheduler.dbscheduler.implementation.JobTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The table the clustered scheduler needs, as SQL. The scheduler never creates it: run the script
 * once per database with your migration tool (Flyway, Liquibase, {@code psql -f}). The same script
 * ships in this jar as {@code dev/steward/governance/scheduler/dbscheduler/postgresql.sql}.
 *
 * <pre>{@code
 * String sql = SchedulerTables.postgresqlScript(); // hand it to your migration tool
 * SchedulerTables.create(dataSource, SchedulerTables.DEFAULT_TABLE); // or, in tests, run it
 * }</pre>
 */
public final class SchedulerTables {

  /** The table name the scheduler uses unless told otherwise. */
  public static final String DEFAULT_TABLE = "steward_scheduled_tasks";

  private static final String RESOURCE = "postgresql.sql";

  private SchedulerTables() {}

  /**
   * The PostgreSQL script for the default table name.
   *
   * @return the script
   */
  public static String postgresqlScript() {
    return postgresqlScript(DEFAULT_TABLE);
  }

  /**
   * The PostgreSQL script for a table name.
   *
   * @param tableName the table name, optionally {@code schema.table}
   * @return the script
   * @throws IllegalArgumentException when the name is not a plain SQL identifier
   */
  public static String postgresqlScript(String tableName) {
    JobTable.checkName(tableName);
    String script;
    try (InputStream in = SchedulerTables.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + RESOURCE + " is missing from the steward-scheduler-dbscheduler jar");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    // Index names derive from the table name; a schema-qualified table gets unqualified indexes.
    String indexPrefix = tableName.substring(tableName.indexOf('.') + 1);
    return script
        .replace("steward_scheduled_tasks_", indexPrefix + "_")
        .replace("steward_scheduled_tasks", tableName);
  }

  /**
   * Runs the PostgreSQL script: for tests and development databases. In production, run the script
   * through your migration tool instead. Safe to repeat.
   *
   * @param dataSource the database
   * @param tableName the table name
   * @throws IllegalStateException naming the table when the database refuses the script
   */
  public static void create(DataSource dataSource, String tableName) {
    Objects.requireNonNull(dataSource, "dataSource");
    String script = postgresqlScript(tableName);
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      for (String statement : script.split(";")) {
        String sql = stripComments(statement);
        if (!sql.isBlank()) {
          st.execute(sql);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "creating scheduler table '" + tableName + "' failed: " + e.getMessage(), e);
    }
  }

  private static String stripComments(String statement) {
    StringBuilder out = new StringBuilder();
    for (String line : statement.split("\n")) {
      if (!line.strip().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString().strip();
  }
}
