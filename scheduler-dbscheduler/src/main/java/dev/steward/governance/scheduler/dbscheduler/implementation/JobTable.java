package dev.steward.governance.scheduler.dbscheduler.implementation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads and the few writes the Steward scheduler does on db-scheduler's table itself: listing
 * every job for {@code status()} (whichever instance registered its job type), and the cluster-wide
 * operations db-scheduler's client refuses on a row that is executing (cancel, replace). Writes
 * keep db-scheduler's optimistic {@code version} rules: a write to a row that is not executing
 * bumps the version; a write to an executing row changes only {@code task_data}, so the executing
 * instance can still complete it.
 */
public final class JobTable {

  private static final Logger LOG = LoggerFactory.getLogger(JobTable.class);
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  /**
   * One row that holds a Steward job.
   *
   * @param taskName db-scheduler's task name: the job type
   * @param id the job id (db-scheduler's task instance)
   * @param executionTime when the row executes (due time plus jitter)
   * @param picked whether an instance is executing it now
   * @param pickedBy which instance, or null
   * @param version db-scheduler's optimistic-lock version
   * @param record the job record from {@code task_data}
   */
  public record Row(
      String taskName,
      String id,
      Instant executionTime,
      boolean picked,
      String pickedBy,
      long version,
      JobRecord record) {}

  private final DataSource dataSource;
  private final String table;

  /**
   * Creates access to a table.
   *
   * @param dataSource the database
   * @param table the table name, optionally schema-qualified
   */
  public JobTable(DataSource dataSource, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.table = checkName(table);
  }

  /**
   * Checks a table name: letters, digits and '_', optionally {@code schema.table}.
   *
   * @param table the name
   * @return the name
   * @throws IllegalArgumentException when it is not a plain SQL identifier
   */
  public static String checkName(String table) {
    Objects.requireNonNull(table, "tableName");
    if (!NAME.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table name '"
              + table
              + "' must be a plain SQL identifier (letters, digits, '_'), optionally schema.table");
    }
    return table;
  }

  /**
   * The table's name.
   *
   * @return the name
   */
  public String name() {
    return table;
  }

  /**
   * Fails unless the table exists and has db-scheduler's columns.
   *
   * @throws IllegalStateException naming the table and the migration script when it does not
   */
  public void requireExists() {
    String sql =
        "select task_name, task_instance, task_data, execution_time, picked, picked_by,"
            + " last_success, last_failure, consecutive_failures, last_heartbeat, version, priority"
            + " from "
            + table
            + " where 1 = 0";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "scheduler table '"
              + table
              + "' is missing or lacks db-scheduler's columns ("
              + e.getMessage()
              + "). Create it before starting the scheduler: run SchedulerTables.postgresqlScript(\""
              + table
              + "\") (the resource dev/steward/governance/scheduler/dbscheduler/postgresql.sql)"
              + " with your migration tool; the scheduler never runs DDL itself",
          e);
    }
  }

  /**
   * Every Steward job in the table, ordered by id. Rows whose data is not a Steward job record are
   * left out (and logged at debug).
   *
   * @return the rows
   */
  public List<Row> list() {
    return query(" order by task_instance, task_name", ps -> {});
  }

  /**
   * The rows of one job id (normally one; two while a job moves to another job type).
   *
   * @param id the job id
   * @return the rows
   */
  public List<Row> findById(String id) {
    return query(" where task_instance = ? order by task_name", ps -> ps.setString(1, id));
  }

  /**
   * One row.
   *
   * @param taskName the job type
   * @param id the job id
   * @return the row, or empty
   */
  public Optional<Row> find(String taskName, String id) {
    List<Row> rows =
        query(
            " where task_name = ? and task_instance = ?",
            ps -> {
              ps.setString(1, taskName);
              ps.setString(2, id);
            });
    return rows.stream().findFirst();
  }

  /**
   * Whether a row still exists (it does not after a cancel on any instance).
   *
   * @param taskName the job type
   * @param id the job id
   * @return true when it exists
   */
  public boolean exists(String taskName, String id) {
    String sql = "select 1 from " + table + " where task_name = ? and task_instance = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, taskName);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure("reading job '" + id + "'", e);
    }
  }

  /**
   * Deletes a row, executing or not. An executing run finishes; its instance then finds the row
   * gone and does not reschedule it.
   *
   * @param taskName the job type
   * @param id the job id
   * @return true when a row was deleted
   */
  public boolean delete(String taskName, String id) {
    String sql = "delete from " + table + " where task_name = ? and task_instance = ?";
    return update(
        sql,
        "cancelling job '" + id + "'",
        ps -> {
          ps.setString(1, taskName);
          ps.setString(2, id);
        });
  }

  /**
   * Replaces the record of a row that is not executing and moves its execution time; bumps the
   * version.
   *
   * @param row the row as read
   * @param record the new record
   * @param executionTime the new execution time
   * @return false when the row changed since it was read (or is executing now)
   */
  public boolean replaceIdle(Row row, JobRecord record, Instant executionTime) {
    String sql =
        "update "
            + table
            + " set task_data = ?, execution_time = ?, version = version + 1"
            + " where task_name = ? and task_instance = ? and version = ? and picked = ?";
    return update(
        sql,
        "rescheduling job '" + row.id() + "'",
        ps -> {
          ps.setBytes(1, JobRecordCodec.encode(record));
          ps.setTimestamp(2, Timestamp.from(executionTime));
          ps.setString(3, row.taskName());
          ps.setString(4, row.id());
          ps.setLong(5, row.version());
          ps.setBoolean(6, false);
        });
  }

  /**
   * Replaces the record of a row that is executing, keeping its version so the executing instance
   * can complete it; the instance reads the new spec when the run ends.
   *
   * @param row the row as read
   * @param record the new record
   * @return false when the row changed since it was read (or is no longer executing)
   */
  public boolean replaceExecuting(Row row, JobRecord record) {
    String sql =
        "update "
            + table
            + " set task_data = ?"
            + " where task_name = ? and task_instance = ? and version = ? and picked = ?";
    return update(
        sql,
        "replacing running job '" + row.id() + "'",
        ps -> {
          ps.setBytes(1, JobRecordCodec.encode(record));
          ps.setString(2, row.taskName());
          ps.setString(3, row.id());
          ps.setLong(4, row.version());
          ps.setBoolean(5, true);
        });
  }

  /**
   * Makes an idle row due now; bumps the version.
   *
   * @param row the row as read
   * @param now the current time
   * @return false when the row is executing or changed since it was read
   */
  public boolean makeDue(Row row, Instant now) {
    String sql =
        "update "
            + table
            + " set execution_time = ?, version = version + 1"
            + " where task_name = ? and task_instance = ? and version = ? and picked = ?";
    return update(
        sql,
        "running job '" + row.id() + "' now",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setString(2, row.taskName());
          ps.setString(3, row.id());
          ps.setLong(4, row.version());
          ps.setBoolean(5, false);
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean update(String sql, String what, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      int count = ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return count > 0;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private List<Row> query(String where, Binder binder) {
    String sql =
        "select task_name, task_instance, task_data, execution_time, picked, picked_by, version"
            + " from "
            + table
            + where;
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String taskName = rs.getString(1);
          String id = rs.getString(2);
          byte[] data = rs.getBytes(3);
          JobRecord record;
          try {
            record = data == null ? null : JobRecordCodec.decode(data);
          } catch (IllegalArgumentException e) {
            LOG.debug(
                "{}: row {}/{} is not a Steward job: {}", table, taskName, id, e.getMessage());
            continue;
          }
          if (record == null) {
            continue;
          }
          Timestamp executionTime = rs.getTimestamp(4);
          rows.add(
              new Row(
                  taskName,
                  id,
                  executionTime == null ? NextRun.NEVER : executionTime.toInstant(),
                  rs.getBoolean(5),
                  rs.getString(6),
                  rs.getLong(7),
                  record));
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw failure("reading jobs", e);
    }
    return rows;
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "scheduler table '" + table + "': " + what + " failed: " + e.getMessage(), e);
  }
}
