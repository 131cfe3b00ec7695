package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.guard.models.Check;
import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentStamp;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Verdict;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC side on an embedded H2 database: stamps, profiling, and the seed's incident. */
class JdbcGuardTest {

  private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final String localUrl = memoryUrl("local");
  private final String productionUrl = memoryUrl("production");
  private Connection keepLocal;
  private Connection keepProduction;

  private static String memoryUrl(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0";
  }

  @BeforeEach
  void openDatabases() throws SQLException {
    // Held open for the test so the in-memory databases live across the guard's own connections.
    keepLocal = DriverManager.getConnection(localUrl);
    keepProduction = DriverManager.getConnection(productionUrl);
  }

  @AfterEach
  void closeDatabases() throws SQLException {
    keepLocal.close();
    keepProduction.close();
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The seed's local database: 5 users, 4 of them test accounts. */
  private void seedLocalDatabase() throws SQLException {
    execute(
        keepLocal,
        "CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(80), email VARCHAR(120),"
            + " password_hash VARCHAR(100))",
        "INSERT INTO users VALUES (1, 'admin', 'admin@ai-learning.local', 'x1')",
        "INSERT INTO users VALUES (2, 'demo', 'demo@example.com', 'x2')",
        "INSERT INTO users VALUES (3, 'test_user', 'test@example.com', 'x3')",
        "INSERT INTO users VALUES (4, 'sample', 'sample@example.com', 'x4')",
        "INSERT INTO users VALUES (5, 'bharath', 'bharath@contoso.com', 'x5')",
        "CREATE TABLE learning_entries (id INT PRIMARY KEY, user_id INT, title VARCHAR(200))",
        "INSERT INTO learning_entries VALUES (1, 5, 'Azure backups')");
  }

  private ProductionGuard.Builder guard(Map<String, String> env) {
    return ProductionGuard.builder().environmentVariables(env).clock(clock).auditSink(audit);
  }

  @Test
  void aStampIsWrittenAndReadBack() throws SQLException {
    assertThat(JdbcStamps.read(keepProduction)).isEmpty();
    JdbcStamps.write(
        keepProduction,
        new EnvironmentStamp(Environment.PRODUCTION, Instant.parse("2026-11-01T00:00:00Z"), "ops"));
    EnvironmentStamp stamp = JdbcStamps.read(keepProduction).orElseThrow();
    assertThat(stamp.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(stamp.stampedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(stamp.stampedBy()).isEqualTo("ops");
    JdbcStamps.write(keepProduction, new EnvironmentStamp(Environment.STAGING, null, null));
    assertThat(JdbcStamps.read(keepProduction).orElseThrow().environment())
        .isEqualTo(Environment.STAGING);
    assertThat(keepProduction.getAutoCommit()).isTrue();
  }

  @Test
  void aStampTableWithoutTheEnvironmentKeyIsUnstamped() throws SQLException {
    execute(
        keepProduction,
        "CREATE TABLE steward_metadata (meta_key VARCHAR(64) PRIMARY KEY, meta_value"
            + " VARCHAR(255), updated_at VARCHAR(40))");
    assertThat(JdbcStamps.read(keepProduction)).isEmpty();
  }

  @Test
  void aGarbledStampFailsAndTheGuardProhibits() throws SQLException {
    execute(
        keepProduction,
        "CREATE TABLE steward_metadata (meta_key VARCHAR(64) PRIMARY KEY, meta_value"
            + " VARCHAR(255), updated_at VARCHAR(40))",
        "INSERT INTO steward_metadata VALUES ('environment', 'prod-ish', 'x')");
    assertThatThrownBy(() -> JdbcStamps.read(keepProduction))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("prod-ish");
    Decision decision =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .build()
            .evaluate(
                Operation.write(
                    JdbcStamps.target("orders-db", ConnectionFactory.url(productionUrl))));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).check()).isEqualTo(Check.STAMP);
  }

  @Test
  void anUnreachableTargetProhibits() {
    Decision decision =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .build()
            .evaluate(
                Operation.write(
                    JdbcStamps.target(
                        "orders-db",
                        ConnectionFactory.url(
                            "jdbc:h2:mem:missing-" + UUID.randomUUID() + ";IFEXISTS=TRUE"))));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message())
        .contains("could not read the environment stamp of 'orders-db'");
  }

  @Test
  void theProfilerFindsTheUsersTableAndItsIdentifierColumns() throws SQLException {
    seedLocalDatabase();
    DataSample sample = JdbcDataProfiler.forUrl(localUrl).build().sample();
    assertThat(sample.userCount()).isEqualTo(5);
    assertThat(sample.userIdentifiers())
        .hasSize(5)
        .contains("admin admin@ai-learning.local")
        .noneMatch(identifier -> identifier.contains("x1"));
    assertThat(sample.rowCount()).isEqualTo(6);
    assertThat(sample.rowCountComplete()).isTrue();
    assertThat(sample.markers()).isEmpty();
  }

  @Test
  void theSeedDatabaseScoresOne() throws SQLException {
    seedLocalDatabase();
    DataProfile profile = JdbcDataProfiler.forUrl(localUrl).sourceName("local").build().profile();
    assertThat(profile.confidence()).isEqualTo(1.0);
    assertThat(profile.explanation())
        .contains("4 of 5 users (80%) match test patterns")
        .contains("5 users, fewer than 10")
        .contains("6 rows in all, fewer than 1000")
        .doesNotContain("bharath");
  }

  @Test
  void markersAndACustomQueryAreHonoured() throws SQLException {
    execute(
        keepLocal,
        "CREATE TABLE customers (login VARCHAR(40), region VARCHAR(10))",
        "INSERT INTO customers VALUES ('ann', 'eu'), ('bob', 'us')",
        "CREATE TABLE fixtures (id INT)");
    JdbcStamps.write(keepLocal, new EnvironmentStamp(Environment.DEVELOPMENT, null, null));
    DataSample sample =
        JdbcDataProfiler.forUrl(localUrl)
            .usersQuery("SELECT login FROM customers")
            .build()
            .sample();
    assertThat(sample.userCount()).isEqualTo(2);
    assertThat(sample.userIdentifiers()).containsExactly("ann", "bob");
    assertThat(sample.markers()).contains("table 'FIXTURES'", "stamped development");
  }

  @Test
  void rowCountingStopsAtTheLimit() throws SQLException {
    execute(
        keepLocal,
        "CREATE TABLE events (id INT)",
        "INSERT INTO events SELECT X FROM SYSTEM_RANGE(1, 50)");
    DataSample sample = JdbcDataProfiler.forUrl(localUrl).rowCountLimit(20).build().sample();
    assertThat(sample.rowCount()).isEqualTo(20);
    assertThat(sample.rowCountComplete()).isFalse();
    assertThat(sample.userCount()).isEqualTo(-1);
  }

  @Test
  void aBrokenUsersQueryFailsTheProfile() {
    JdbcDataProfiler profiler =
        JdbcDataProfiler.forUrl(localUrl).usersQuery("SELECT nope FROM nowhere").build();
    assertThatThrownBy(profiler::profile).isInstanceOf(SQLException.class);
  }

  @Test
  void theSeedIncidentEndToEnd() throws SQLException {
    seedLocalDatabase();
    ProductionGuard productionSide =
        guard(Map.of("WEBSITE_SITE_NAME", "ai-learning-tracker")).build();
    Decision stamped =
        productionSide.stamp(
            "ai-learning-prod", ConnectionFactory.url(productionUrl), Environment.PRODUCTION);
    assertThat(stamped.isAllowed()).isTrue();

    ProductionGuard laptop = guard(Map.of("FLASK_ENV", "development")).build();
    Source local = new Source("local ai_learning.db", JdbcDataProfiler.forUrl(localUrl).build());
    Decision decision =
        laptop.evaluate(
            Operation.dataDeployment(
                    local,
                    JdbcStamps.target("ai-learning-prod", ConnectionFactory.url(productionUrl)))
                .named("push local database"));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.operation().target().stamp()).contains(Environment.PRODUCTION);
    assertThat(decision.profile().orElseThrow().confidence()).isEqualTo(1.0);
    assertThat(decision.reasons())
        .extracting(r -> r.check())
        .containsExactly(Check.STAMP, Check.TEST_DATA);
    assertThat(audit.last().outcome()).isEqualTo("prohibited");

    ProductionGuard productionProcess =
        guard(Map.of("WEBSITE_SITE_NAME", "ai-learning-tracker")).build();
    Decision fromProduction =
        productionProcess.evaluate(
            Operation.dataDeployment(
                local,
                JdbcStamps.target("ai-learning-prod", ConnectionFactory.url(productionUrl))));
    assertThat(fromProduction.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(fromProduction.reasons())
        .extracting(r -> r.check())
        .containsExactly(Check.TEST_DATA);
  }

  @Test
  void stampingThatAddsProtectionIsAlwaysAllowed() throws SQLException {
    Decision decision =
        guard(Map.of())
            .build()
            .stamp("orders-db", ConnectionFactory.url(productionUrl), Environment.PRODUCTION);
    assertThat(decision.isAllowed()).isTrue();
    assertThat(decision.reasons().get(0).message()).contains("keeps or adds protection");
    assertThat(JdbcStamps.read(keepProduction).orElseThrow().environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void loweringAProductionStampFromDevelopmentIsRefusedAndNothingIsWritten() throws SQLException {
    JdbcStamps.write(keepProduction, new EnvironmentStamp(Environment.PRODUCTION, null, "ops"));
    Decision decision =
        guard(Map.of("STEWARD_ENVIRONMENT", "development"))
            .build()
            .stamp("orders-db", ConnectionFactory.url(productionUrl), Environment.DEVELOPMENT);
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.operation().name()).isEqualTo("restamp as development");
    assertThat(JdbcStamps.read(keepProduction).orElseThrow().environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void loweringAProductionStampFromProductionNeedsAConfirmation() throws SQLException {
    JdbcStamps.write(keepProduction, new EnvironmentStamp(Environment.PRODUCTION, null, "ops"));
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(confirmations)
            .build();
    Decision refused =
        guard.stamp("orders-db", ConnectionFactory.url(productionUrl), Environment.STAGING);
    assertThat(refused.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION orders-db");
    Decision confirmed =
        guard.stamp("orders-db", ConnectionFactory.url(productionUrl), Environment.STAGING);
    assertThat(confirmed.isAllowed()).isTrue();
    assertThat(JdbcStamps.read(keepProduction).orElseThrow().environment())
        .isEqualTo(Environment.STAGING);
  }

  @Test
  void stampingAnUnreachableDatabaseIsRefused() throws SQLException {
    Decision decision =
        guard(Map.of())
            .build()
            .stamp(
                "orders-db",
                ConnectionFactory.url("jdbc:h2:mem:gone-" + UUID.randomUUID() + ";IFEXISTS=TRUE"),
                Environment.PRODUCTION);
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("could not read the current stamp");
  }

  @Test
  void aStampLookupSeesAnUnstampedDatabase() throws Exception {
    assertThat(JdbcStamps.lookup(ConnectionFactory.url(productionUrl)).read())
        .isEqualTo(Optional.empty());
  }
}
