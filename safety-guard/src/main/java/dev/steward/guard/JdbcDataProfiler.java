package dev.steward.guard;

import dev.steward.guard.implementation.Redaction;
import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.DataProfiler;
import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentStamp;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Profiles a database over plain JDBC to tell whether it looks like test data.
 *
 * <p>What it gathers ({@link #sample()}):
 *
 * <ul>
 *   <li><b>users</b>: the count and a sample of identifiers. By default it finds a table named
 *       {@code users}, {@code user}, {@code app_users}, {@code accounts} or {@code members} and
 *       reads its identifier columns ({@code username}, {@code user_name}, {@code login}, {@code
 *       email}, {@code name}, ...); set {@link Builder#usersQuery} for any other schema. Every
 *       character column of the query's result is part of a user's identifier. Identifiers are used
 *       for matching only and never reported.
 *   <li><b>size</b>: rows across all tables, counted up to a limit (only {@code SELECT 1}, so it
 *       stays cheap on a large database).
 *   <li><b>markers</b>: tables named like seeds or fixtures, and an environment stamp ({@link
 *       JdbcStamps}) saying {@code development} or {@code test}.
 * </ul>
 *
 * <p>Every statement has a query timeout; the guard adds its own time limit around the whole
 * profile and refuses the operation when profiling fails.
 */
public final class JdbcDataProfiler implements DataProfiler {

  private static final List<String> USER_TABLES =
      List.of("users", "user", "app_users", "app_user", "accounts", "account", "members");
  private static final List<String> IDENTIFIER_COLUMNS =
      List.of(
          "username",
          "user_name",
          "login",
          "email",
          "email_address",
          "mail",
          "name",
          "display_name",
          "full_name");
  private static final Pattern SECRET_COLUMN =
      Pattern.compile("(?i).*(pass|hash|secret|token|salt|key).*");
  private static final Pattern FIXTURE_TABLE =
      Pattern.compile("(?i).*(fixture|seed|faker|test_data|sample_data|demo_data).*");
  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "sys", "mysql", "performance_schema");
  private static final int MAX_TABLES = 500;

  private final ConnectionFactory connections;
  private final String sourceName;
  private final String usersQuery;
  private final String userCountQuery;
  private final int sampleSize;
  private final long rowCountLimit;
  private final int queryTimeoutSeconds;
  private final TestDataDetector detector;

  private JdbcDataProfiler(Builder builder) {
    this.connections = Objects.requireNonNull(builder.connections, "connections");
    this.sourceName = Objects.requireNonNull(builder.sourceName, "sourceName");
    this.usersQuery = builder.usersQuery;
    this.userCountQuery = builder.userCountQuery;
    this.sampleSize = builder.sampleSize;
    this.rowCountLimit = builder.rowCountLimit;
    this.queryTimeoutSeconds = (int) Math.max(1, builder.queryTimeout.toSeconds());
    this.detector = builder.detector;
  }

  /**
   * A builder for a database reached through a JDBC URL. The source name defaults to the URL with
   * credentials masked.
   *
   * @param jdbcUrl the JDBC URL; the driver must be on the class path
   * @return the builder
   */
  public static Builder forUrl(String jdbcUrl) {
    return new Builder(ConnectionFactory.url(jdbcUrl), Redaction.secrets(jdbcUrl));
  }

  /**
   * A builder for a database reached through a connection factory.
   *
   * @param sourceName the source's name, for messages; never a secret
   * @param connections opens connections to the source
   * @return the builder
   */
  public static Builder builder(String sourceName, ConnectionFactory connections) {
    return new Builder(connections, sourceName);
  }

  /**
   * Profiles the database.
   *
   * @return the profile
   * @throws SQLException when the database cannot be read
   */
  @Override
  public DataProfile profile() throws SQLException {
    return detector.profile(sample());
  }

  /**
   * Gathers the facts without judging them.
   *
   * @return the sample
   * @throws SQLException when the database cannot be read
   */
  public DataSample sample() throws SQLException {
    try (Connection connection = connections.connect()) {
      List<TableRef> tables = tables(connection);
      Set<String> markers = new LinkedHashSet<>();
      for (TableRef table : tables) {
        if (FIXTURE_TABLE.matcher(table.name).matches()) {
          markers.add("table '" + table.name + "'");
        }
      }
      stampMarker(connection).ifPresent(markers::add);

      String query = usersQuery;
      String countQuery = userCountQuery;
      if (query == null) {
        Optional<String> discovered = discoverUsersQuery(connection, tables);
        query = discovered.orElse(null);
      }
      long userCount = -1;
      List<String> identifiers = List.of();
      if (query != null) {
        if (countQuery == null) {
          countQuery = "SELECT COUNT(*) FROM (" + query + ") steward_users";
        }
        userCount = count(connection, countQuery);
        identifiers = identifiers(connection, query);
      }

      long rows = 0;
      boolean complete = true;
      for (TableRef table : tables) {
        if (table.name.equalsIgnoreCase(JdbcStamps.TABLE)) {
          continue;
        }
        rows += countUpTo(connection, table, rowCountLimit - rows);
        if (rows >= rowCountLimit) {
          complete = false;
          break;
        }
      }
      if (tables.size() >= MAX_TABLES) {
        complete = false;
      }
      return new DataSample(sourceName, userCount, identifiers, rows, complete, markers);
    }
  }

  private List<TableRef> tables(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String schema = JdbcStamps.currentSchema(connection);
    List<TableRef> tables = new ArrayList<>();
    try (ResultSet rows = metadata.getTables(null, schema, "%", null)) {
      while (rows.next() && tables.size() < MAX_TABLES) {
        String type = rows.getString("TABLE_TYPE");
        String tableSchema = rows.getString("TABLE_SCHEM");
        if (type == null
            || !(type.equalsIgnoreCase("TABLE") || type.equalsIgnoreCase("BASE TABLE"))
            || (tableSchema != null
                && SYSTEM_SCHEMAS.contains(tableSchema.toLowerCase(Locale.ROOT)))) {
          continue;
        }
        tables.add(
            new TableRef(rows.getString("TABLE_CAT"), tableSchema, rows.getString("TABLE_NAME")));
      }
    }
    return tables;
  }

  private Optional<String> discoverUsersQuery(Connection connection, List<TableRef> tables)
      throws SQLException {
    TableRef users = null;
    for (String candidate : USER_TABLES) {
      for (TableRef table : tables) {
        if (table.name.equalsIgnoreCase(candidate)) {
          users = table;
          break;
        }
      }
      if (users != null) {
        break;
      }
    }
    if (users == null) {
      return Optional.empty();
    }
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> preferred = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try (ResultSet columns = metadata.getColumns(users.catalog, users.schema, users.name, "%")) {
      while (columns.next()) {
        String column = columns.getString("COLUMN_NAME");
        int type = columns.getInt("DATA_TYPE");
        if (IDENTIFIER_COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
          preferred.add(column);
        } else if (isText(type) && !SECRET_COLUMN.matcher(column).matches()) {
          other.add(column);
        }
      }
    }
    List<String> chosen = preferred.isEmpty() ? other : preferred;
    String quote = quoteString(metadata);
    StringBuilder sql = new StringBuilder("SELECT ");
    if (chosen.isEmpty()) {
      sql.append("1");
    } else {
      for (int i = 0; i < chosen.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(quote).append(chosen.get(i)).append(quote);
      }
    }
    sql.append(" FROM ").append(users.qualified(quote));
    return Optional.of(sql.toString());
  }

  private long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      try (ResultSet rows = statement.executeQuery(sql)) {
        if (!rows.next()) {
          throw new SQLException("the user count query returned no row");
        }
        return rows.getLong(1);
      }
    }
  }

  private List<String> identifiers(Connection connection, String sql) throws SQLException {
    List<String> identifiers = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      statement.setMaxRows(sampleSize);
      statement.setFetchSize(Math.min(sampleSize, 500));
      try (ResultSet rows = statement.executeQuery(sql)) {
        ResultSetMetaData columns = rows.getMetaData();
        List<Integer> text = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          if (isText(columns.getColumnType(i))) {
            text.add(i);
          }
        }
        while (rows.next() && identifiers.size() < sampleSize) {
          StringBuilder identifier = new StringBuilder();
          for (int column : text) {
            String value = rows.getString(column);
            if (value != null) {
              identifier.append(identifier.length() == 0 ? "" : " ").append(value);
            }
          }
          identifiers.add(identifier.toString());
        }
      }
    }
    return identifiers;
  }

  private long countUpTo(Connection connection, TableRef table, long limit) throws SQLException {
    if (limit <= 0) {
      return 0;
    }
    String quote = quoteString(connection.getMetaData());
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds);
      statement.setMaxRows((int) Math.min(Integer.MAX_VALUE, limit));
      try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table.qualified(quote))) {
        long counted = 0;
        while (counted < limit && rows.next()) {
          counted++;
        }
        return counted;
      }
    }
  }

  private static Optional<String> stampMarker(Connection connection) throws SQLException {
    Optional<EnvironmentStamp> stamp;
    try {
      stamp = JdbcStamps.read(connection);
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
    return stamp
        .map(EnvironmentStamp::environment)
        .filter(e -> e == Environment.DEVELOPMENT || e == Environment.TEST)
        .map(e -> "stamped " + e.label());
  }

  private static String quoteString(DatabaseMetaData metadata) throws SQLException {
    String quote = metadata.getIdentifierQuoteString();
    return quote == null || quote.isBlank() ? "" : quote.trim();
  }

  private static boolean isText(int type) {
    switch (type) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return true;
      default:
        return false;
    }
  }

  private static final class TableRef {
    final String catalog;
    final String schema;
    final String name;

    TableRef(String catalog, String schema, String name) {
      this.catalog = catalog;
      this.schema = schema;
      this.name = name;
    }

    String qualified(String quote) {
      return schema == null || schema.isEmpty()
          ? quoted(name, quote)
          : quoted(schema, quote) + "." + quoted(name, quote);
    }

    private static String quoted(String identifier, String quote) {
      return quote.isEmpty()
          ? identifier
          : quote + identifier.replace(quote, quote + quote) + quote;
    }
  }

  /** Configures a {@link JdbcDataProfiler}. */
  public static final class Builder {
    private final ConnectionFactory connections;
    private String sourceName;
    private String usersQuery;
    private String userCountQuery;
    private int sampleSize = 1000;
    private long rowCountLimit = 10_000;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private TestDataDetector detector = TestDataDetector.defaults();

    private Builder(ConnectionFactory connections, String sourceName) {
      this.connections = Objects.requireNonNull(connections, "connections");
      this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    }

    /**
     * The source's name in messages.
     *
     * @param name the name; never a secret
     * @return this builder
     */
    public Builder sourceName(String name) {
      this.sourceName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The query whose rows are the users; every character column is part of a user's identifier.
     * Default: discovered (see the class description).
     *
     * @param sql for example {@code SELECT login, email FROM app.customers}
     * @return this builder
     */
    public Builder usersQuery(String sql) {
      this.usersQuery = Objects.requireNonNull(sql, "sql");
      return this;
    }

    /**
     * The query that counts the users (one row, one number). Default: {@code SELECT COUNT(*) FROM
     * (usersQuery) steward_users}.
     *
     * @param sql the count query
     * @return this builder
     */
    public Builder userCountQuery(String sql) {
      this.userCountQuery = Objects.requireNonNull(sql, "sql");
      return this;
    }

    /**
     * How many user identifiers to read at most. Default 1000.
     *
     * @param users the sample size, at least 1
     * @return this builder
     */
    public Builder sampleSize(int users) {
      if (users < 1) {
        throw new IllegalArgumentException("the sample size is at least 1: " + users);
      }
      this.sampleSize = users;
      return this;
    }

    /**
     * Where row counting stops. Default 10,000.
     *
     * @param rows the limit, at least 1
     * @return this builder
     */
    public Builder rowCountLimit(long rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("the row count limit is at least 1: " + rows);
      }
      this.rowCountLimit = rows;
      return this;
    }

    /**
     * The timeout of each statement. Default 10 seconds.
     *
     * @param timeout the timeout, at least one second
     * @return this builder
     */
    public Builder queryTimeout(Duration timeout) {
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("the query timeout is at least 1s: " + timeout);
      }
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * The detector that judges the sample. Default {@link TestDataDetector#defaults()}.
     *
     * @param testDataDetector the detector
     * @return this builder
     */
    public Builder detector(TestDataDetector testDataDetector) {
      this.detector = Objects.requireNonNull(testDataDetector, "testDataDetector");
      return this;
    }

    /**
     * Builds the profiler.
     *
     * @return the profiler
     */
    public JdbcDataProfiler build() {
      return new JdbcDataProfiler(this);
    }
  }
}
