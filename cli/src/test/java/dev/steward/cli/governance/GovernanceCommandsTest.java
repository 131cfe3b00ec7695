package dev.steward.cli.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GovernanceCommandsTest {

  @TempDir Path dir;
  private PurviewEmulator emulator;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void start() {
    emulator = PurviewEmulator.builder().seed("demo").start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private String home() {
    return dir.resolve("home").toString();
  }

  private void addLocalConnection() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, emulator.token());
    assertThat(
            run(
                "connections",
                "add",
                "local",
                "--home",
                home(),
                "--endpoint",
                emulator.endpoint(),
                "--auth",
                "token",
                "--secret",
                "file:" + token))
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void connectionsAddListTestRemove() throws Exception {
    addLocalConnection();
    assertThat(out.toString()).contains("added connection 'local'");
    assertThat(run("connections", "list", "--home", home())).isZero();
    assertThat(out.toString()).contains("local").contains("token").contains("secret file:");

    assertThat(run("connections", "test", "local", "--home", home())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("dns")
        .contains("authorization")
        .contains("data-map")
        .contains("connection OK");

    assertThat(run("connections", "remove", "local", "--home", home())).isZero();
    assertThat(run("connections", "test", "local", "--home", home())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no connection named 'local'");
  }

  @Test
  void connectionsRefuseInlineSecretsAndBadAuth() {
    assertThat(
            run(
                "connections",
                "add",
                "x",
                "--home",
                home(),
                "--account",
                "contoso",
                "--auth",
                "client-secret",
                "--tenant-id",
                "t",
                "--client-id",
                "c",
                "--secret",
                "hunter2"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("env:VARIABLE, file:/path or keyvault://")
        .doesNotContain("hunter2");
    assertThat(
            run(
                "connections",
                "add",
                "x",
                "--home",
                home(),
                "--account",
                "contoso",
                "--auth",
                "password"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void extractWritesTheCatalogueAndSummarises() throws Exception {
    Path file = dir.resolve("catalogue.jsonl");
    assertThat(
            run(
                "extract",
                "--home",
                home(),
                "--endpoint",
                emulator.endpoint(),
                "--token",
                emulator.token(),
                "--asset-types",
                "sql_table,adls_path",
                "--out",
                file.toString(),
                "--json"))
        .isEqualTo(ExitCodes.OK);
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("assets").asLong())
        .isPositive()
        .isEqualTo(Files.readAllLines(file).size());
    assertThat(summary.get("byType").has("azure_sql_table")).isTrue();
    assertThat(summary.get("byType").has("azure_datalake_gen2_path")).isTrue();
    assertThat(Files.list(dir.resolve("home/audit")).anyMatch(p -> p.toString().endsWith(".jsonl")))
        .isTrue();

    assertThat(
            run(
                "extract",
                "--home",
                home(),
                "--endpoint",
                emulator.endpoint(),
                "--token",
                emulator.token(),
                "--asset-types",
                "sql_tabel",
                "--out",
                file.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown asset type 'sql_tabel'");

    assertThat(
            run(
                "extract",
                "--home",
                home(),
                "--endpoint",
                emulator.endpoint(),
                "--token",
                "nope",
                "--out",
                file.toString()))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("extraction stopped after 0 assets");
  }

  @Test
  void scheduleAddListRunCancel() throws Exception {
    addLocalConnection();
    Path file = dir.resolve("scheduled.jsonl");
    assertThat(
            run(
                "schedule",
                "add",
                "hourly-local",
                "--home",
                home(),
                "--connection",
                "local",
                "--every",
                "hourly",
                "--asset-types",
                "sql_table",
                "--incremental",
                "--out",
                file.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("scheduled 'hourly-local'").contains("hourly, next run");
    assertThat(run("schedule", "list", "--home", home())).isZero();
    assertThat(out.toString()).contains("hourly-local").contains("hourly");

    assertThat(run("schedule", "run", "--home", home(), "--now", "--for", "PT0S")).isZero();
    assertThat(out.toString()).contains("SUCCEEDED");
    assertThat(file).exists();

    assertThat(
            run(
                "schedule",
                "add",
                "bad",
                "--home",
                home(),
                "--connection",
                "local",
                "--every",
                "fortnightly"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("invalid schedule 'fortnightly'");
    assertThat(run("schedule", "cancel", "hourly-local", "--home", home())).isZero();
    assertThat(run("schedule", "cancel", "hourly-local", "--home", home()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("schedule", "stop-all", "--home", home())).isZero();
    assertThat(out.toString()).contains("cancelled 0 schedule(s)");
  }
}
