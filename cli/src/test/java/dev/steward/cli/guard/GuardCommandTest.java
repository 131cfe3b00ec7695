package dev.steward.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GuardCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> environment, String... args) {
    CommandLine commandLine = Steward.commandLine();
    GuardCommand guard = (GuardCommand) commandLine.getSubcommands().get("guard").getCommand();
    guard.environment = environment;
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private String url(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private void seedLocal(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (id INT, username VARCHAR(40), email VARCHAR(80))");
      statement.execute(
          "INSERT INTO users VALUES (1, 'admin', 'admin@local'), (2, 'demo', 'demo@example.com'),"
              + " (3, 'test_user', 't@example.com'), (4, 'sample', 's@example.com'),"
              + " (5, 'bharath', 'b@contoso.com')");
    }
  }

  @Test
  void envPrintsTheEnvironmentAndItsEvidence() {
    assertThat(
            run(
                Map.of("WEBSITE_SITE_NAME", "shop", "WEBSITE_SLOT_NAME", "staging"),
                "guard",
                "env"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("environment: staging")
        .contains("azure-app-service: WEBSITE_SITE_NAME=shop, WEBSITE_SLOT_NAME=staging");
  }

  @Test
  void envInAnUnknownPlaceSaysHowToDeclareIt() {
    assertThat(run(Map.of(), "guard", "env")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("environment: unknown")
        .contains("(no signal)")
        .contains("STEWARD_ENVIRONMENT=production|staging|test|development");
  }

  @Test
  void aBadDeclaredEnvironmentIsBadInput() {
    assertThat(run(Map.of("STEWARD_ENVIRONMENT", "prod-eu"), "guard", "env"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'prod-eu' names no environment");
  }

  @Test
  void checkAllowsAWriteInDevelopment() {
    assertThat(
            run(
                Map.of("STEWARD_ENVIRONMENT", "development"),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "dev-db"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("ALLOW: write on 'dev-db'");
  }

  @Test
  void checkRefusesADestructiveOperationInProductionWithTheWayOut() {
    assertThat(
            run(
                Map.of("STEWARD_ENVIRONMENT", "production"),
                "guard",
                "check",
                "--operation",
                "destructive",
                "--target",
                "orders-db"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .startsWith("REQUIRE_CONFIRMATION")
        .contains("CONFIRM_DANGEROUS_OPERATION orders-db");
  }

  @Test
  void checkAcceptsAConfirmationFromTheEnvironment() {
    assertThat(
            run(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_CONFIRM", "CONFIRM_DANGEROUS_OPERATION orders-db"),
                "guard",
                "check",
                "--operation",
                "destructive",
                "--target",
                "orders-db"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("ALLOW (confirmed)");
  }

  @Test
  void stampThenCheckTheSeedScenarioFromTheCommandLine() throws Exception {
    String production = url("production");
    String local = url("local");
    seedLocal(local);
    Path audit = dir.resolve("audit.jsonl");

    assertThat(
            run(
                Map.of(),
                "guard",
                "stamp",
                "--jdbc",
                production,
                "--environment",
                "production",
                "--target",
                "prod-db",
                "--audit-log",
                audit.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("stamped 'prod-db' as production");

    out.getBuffer().setLength(0);
    assertThat(
            run(
                Map.of("FLASK_ENV", "development"),
                "guard",
                "check",
                "--operation",
                "data-deployment",
                "--target",
                "prod-db",
                "--source-jdbc",
                local,
                "--target-jdbc",
                production,
                "--audit-log",
                audit.toString()))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .startsWith("PROHIBIT: data-deployment on 'prod-db' (stamped production) in development")
        .contains("looks like test data (confidence 1.00")
        .contains("source profile")
        .contains("test-user-share +0.80: 4 of 5 users (80%) match test patterns");
    assertThat(Files.readAllLines(audit, StandardCharsets.UTF_8))
        .hasSize(2)
        .last()
        .asString()
        .contains("\"outcome\":\"prohibited\"")
        .contains("\"sourceConfidence\":1.00");
  }

  @Test
  void loweringAProductionStampFromDevelopmentIsRefused() throws Exception {
    String production = url("production");
    assertThat(run(Map.of(), "guard", "stamp", "--jdbc", production, "--environment", "prod"))
        .isEqualTo(ExitCodes.OK);
    out.getBuffer().setLength(0);
    assertThat(
            run(
                Map.of("STEWARD_ENVIRONMENT", "development"),
                "guard",
                "stamp",
                "--jdbc",
                production,
                "--environment",
                "development"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString()).startsWith("PROHIBIT").doesNotContain("stamped '");
  }

  @Test
  void badInputExitsWith2() {
    assertThat(run(Map.of(), "guard", "check", "--operation", "drop", "--target", "x"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'drop' is not one of read, write, destructive");
    assertThat(run(Map.of(), "guard", "check", "--operation", "write")).isEqualTo(ExitCodes.USAGE);
    assertThat(
            run(
                Map.of(),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "x",
                "--target-jdbc",
                "postgres://db"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            run(
                Map.of(),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "x",
                "--target-jdbc",
                "jdbc:nosuchdb://db;password=hunter2"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no JDBC driver").doesNotContain("hunter2");
    assertThat(
            run(
                Map.of(),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "x",
                "--source-jdbc",
                url("s")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(Map.of(), "guard", "stamp", "--jdbc", url("p"), "--environment", "mixed"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(Map.of(), "guard")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void checkNeverCreatesAMistypedDatabase() {
    assertThat(
            run(
                Map.of("STEWARD_ENVIRONMENT", "production"),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "x",
                "--target-jdbc",
                url("typo")))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString()).contains("could not read the environment stamp of 'x'");
    assertThat(dir.resolve("typo.mv.db")).doesNotExist();
  }

  @Test
  void anUnreachableTargetIsRefusedNotAllowed() {
    assertThat(
            run(
                Map.of("STEWARD_ENVIRONMENT", "production"),
                "guard",
                "check",
                "--operation",
                "write",
                "--target",
                "x",
                "--target-jdbc",
                url("missing") + ";IFEXISTS=TRUE"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString()).contains("could not read the environment stamp of 'x'");
  }
}
