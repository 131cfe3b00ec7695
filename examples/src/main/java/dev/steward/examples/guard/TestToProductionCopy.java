package dev.steward.examples.guard;

import dev.steward.guard.ConfirmationRequiredException;
import dev.steward.guard.Confirmations;
import dev.steward.guard.ConnectionFactory;
import dev.steward.guard.GuardSource;
import dev.steward.guard.GuardTarget;
import dev.steward.guard.Guards;
import dev.steward.guard.InMemoryBackupVerifier;
import dev.steward.guard.JdbcDataProfiler;
import dev.steward.guard.JdbcStamps;
import dev.steward.guard.JsonLinesAuditSink;
import dev.steward.guard.OperationProhibitedException;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.ProductionSafe;
import dev.steward.guard.ProgrammaticConfirmations;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The incident the production safety guard exists for, replayed on embedded H2 databases: a
 * developer's local database (5 users, 4 of them {@code admin}/{@code demo}/{@code test}-like) is
 * copied towards the production database, and the guard refuses; then the legitimate path: a
 * production process restores a real replica, with a recent backup and a typed confirmation.
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.guard.TestToProductionCopy
 * </pre>
 */
public final class TestToProductionCopy {

  /** A database copier as an application would write it: the guard decides before each copy. */
  public interface DatabaseCopier {
    /**
     * Replaces the target's users with the source's.
     *
     * @param from the source, profiled for test data by the guard
     * @param to the target, whose environment stamp the guard reads
     * @return the number of users copied
     */
    @ProductionSafe(operation = OperationKind.DATA_DEPLOYMENT, requireBackup = true)
    int copy(@GuardSource Source from, @GuardTarget Target to);
  }

  /** What happened, for the example's test. */
  public record Outcome(
      boolean laptopCopyBlocked,
      boolean confirmationAsked,
      int copiedWithConfirmation,
      int productionUsersAfter,
      List<String> auditOutcomes) {}

  private TestToProductionCopy() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws Exception when a database cannot be set up
   */
  public static void main(String[] args) throws Exception {
    Path audit = Files.createTempFile("steward-guard-audit", ".jsonl");
    run(System.out, audit);
  }

  /**
   * Runs the example, printing to {@code out} and auditing to {@code auditFile}.
   *
   * @param out where the story is printed
   * @param auditFile the JSON Lines audit trail
   * @return what happened
   * @throws SQLException when a database cannot be set up
   * @throws IOException when the audit file cannot be written
   */
  public static Outcome run(PrintStream out, Path auditFile) throws SQLException, IOException {
    String local = memoryDatabase("local");
    String replica = memoryDatabase("replica");
    String production = memoryDatabase("production");
    createUsers(local, List.of("admin", "demo", "test_user", "sample@example.com", "bharath"));
    createUsers(replica, realUsers(40));
    createUsers(production, realUsers(38));
    Clock clock = Clock.systemUTC();
    boolean blocked = false;
    boolean asked = false;
    int copied;
    try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(auditFile)) {
      // 1. The production side stamps its database once: the stamp lives with the data.
      ProductionGuard productionGuard =
          ProductionGuard.builder()
              .environmentVariables(Map.of("WEBSITE_SITE_NAME", "ai-learning-tracker"))
              .clock(clock)
              .auditSink(audit)
              .build();
      productionGuard.stamp(
          "ai-learning-prod", ConnectionFactory.url(production), Environment.PRODUCTION);
      Target productionDb =
          JdbcStamps.target("ai-learning-prod", ConnectionFactory.url(production));

      // 2. On the laptop: the local database goes towards production, and is refused.
      ProductionGuard laptopGuard =
          ProductionGuard.builder()
              .environmentVariables(Map.of("FLASK_ENV", "development"))
              .clock(clock)
              .auditSink(audit)
              .build();
      Map<String, String> urls =
          Map.of("local", local, "replica", replica, "ai-learning-prod", production);
      DatabaseCopier fromLaptop =
          Guards.protect(DatabaseCopier.class, new JdbcCopier(urls), laptopGuard);
      Source localData =
          new Source("local", JdbcDataProfiler.forUrl(local).sourceName("local").build());
      try {
        fromLaptop.copy(localData, productionDb);
      } catch (OperationProhibitedException e) {
        blocked = true;
        out.println("Blocked, as it should be:");
        out.println(e.getMessage());
      }
      out.println("production users now: " + countUsers(production));
      out.println();

      // 3. In production: restoring a real replica needs a fresh backup and a typed confirmation.
      ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
      ProductionGuard confirmingGuard =
          ProductionGuard.builder()
              .environmentVariables(Map.of("WEBSITE_SITE_NAME", "ai-learning-tracker"))
              .clock(clock)
              .backupVerifier(
                  new InMemoryBackupVerifier()
                      .record(
                          "ai-learning-prod",
                          clock.instant().minus(Duration.ofHours(2)),
                          "nightly-backup-0412"))
              .confirmationProvider(confirmations)
              .auditSink(audit)
              .build();
      DatabaseCopier inProduction =
          Guards.protect(DatabaseCopier.class, new JdbcCopier(urls), confirmingGuard);
      Source replicaData =
          new Source("replica", JdbcDataProfiler.forUrl(replica).sourceName("replica").build());
      try {
        inProduction.copy(replicaData, productionDb);
      } catch (ConfirmationRequiredException e) {
        asked = true;
        out.println("Needs a confirmation: type '" + e.decision().confirmationPhrase() + "'");
      }
      // An operator types the phrase (Confirmations.console(clock) would prompt on a terminal).
      confirmations.confirm("CONFIRM_DANGEROUS_OPERATION ai-learning-prod");
      copied = inProduction.copy(replicaData, productionDb);
      out.println("Confirmed: copied " + copied + " users from the replica");
    }

    List<String> outcomes = new ArrayList<>();
    for (String line : Files.readAllLines(auditFile, StandardCharsets.UTF_8)) {
      outcomes.add(line.replaceAll(".*\"outcome\":\"([^\"]+)\".*", "$1"));
    }
    out.println("audit trail " + auditFile + ": " + outcomes);
    return new Outcome(blocked, asked, copied, countUsers(production), outcomes);
  }

  /** Copies the users table with plain JDBC. */
  static final class JdbcCopier implements DatabaseCopier {
    private final Map<String, String> urls;

    JdbcCopier(Map<String, String> urls) {
      this.urls = urls;
    }

    @Override
    public int copy(Source from, Target to) {
      try (Connection source = DriverManager.getConnection(urls.get(from.name()));
          Connection target = DriverManager.getConnection(urls.get(to.name()))) {
        List<String> names = new ArrayList<>();
        try (Statement read = source.createStatement();
            ResultSet rows = read.executeQuery("SELECT username FROM users ORDER BY id")) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
        target.setAutoCommit(false);
        try (Statement wipe = target.createStatement()) {
          wipe.executeUpdate("DELETE FROM users");
        }
        insert(target, names);
        target.commit();
        return names.size();
      } catch (SQLException e) {
        throw new IllegalStateException("copy failed: " + e.getMessage(), e);
      }
    }
  }

  private static String memoryDatabase(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  private static List<String> realUsers(int count) {
    String[] first = {"ann", "bob", "chen", "dana", "emeka", "fatima", "goran", "hana"};
    List<String> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      users.add(first[i % first.length] + "." + (1000 + i) + "@contoso.com");
    }
    return users;
  }

  private static void createUsers(String url, List<String> names) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(120))");
      }
      insert(connection, names);
    }
  }

  private static void insert(Connection connection, List<String> names) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO users (username) VALUES (?)")) {
      for (String name : names) {
        insert.setString(1, name);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static int countUsers(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
