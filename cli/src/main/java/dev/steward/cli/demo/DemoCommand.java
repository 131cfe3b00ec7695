package dev.steward.cli.demo;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.examples.guard.TestToProductionCopy;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.AtlasEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code steward demo}: every capability on the embedded Purview emulator, as the same {@code
 * steward} commands a user would type (each is printed before it runs), without Azure.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show every Steward capability on the embedded Purview emulator, without Azure:"
          + " connection test, catalogue extraction, scheduling, data-quality sync, drift"
          + " detection, the production guard and the audit trail. Each step prints the steward"
          + " command it runs.",
      "Everything it writes goes under --out (default demo-out/), which is replaced on each run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every step did what it should",
      "2:--out is not a demo directory",
      "3:a step failed"
    })
public final class DemoCommand implements Callable<Integer> {

  /** Marks a directory as the demo's own, so a rerun may replace it. */
  static final String MARKER = ".steward-demo";

  private static final List<String> INPUTS =
      List.of(
          "drift/baseline.json",
          "drift/current.json",
          "quality/qalita-mapping.yaml",
          "quality/qalita-scores.jsonl");

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "demo-out",
      description = "Where the demo writes (default: ${DEFAULT-VALUE}).")
  Path out;

  private PrintWriter w;
  private final List<String> failures = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    w = spec.commandLine().getOut();
    prepare();
    Path home = out.resolve("home");
    Path inputs = out.resolve("inputs");
    long started = System.nanoTime();
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      Path token = Files.writeString(home.resolve("emulator.token"), emulator.token());
      w.printf(
          "Steward demo: a local Purview emulator with a demo estate at %s (%d entities)%n",
          emulator.endpoint(), emulator.entityCount());
      w.println("Everything below runs against it; every file written is under " + out + "/.");

      heading("1. Connect: register the account and test it step by step");
      step(
          0,
          "connections",
          "add",
          "demo",
          "--endpoint",
          emulator.endpoint(),
          "--auth",
          "token",
          "--secret",
          "file:" + token,
          "--home",
          home.toString());
      step(0, "connections", "test", "demo", "--home", home.toString());

      heading("2. Extract the catalogue, filtered by asset type");
      step(
          0,
          "extract",
          "--connection",
          "demo",
          "--asset-types",
          "sql_table,adls_path,data_factory,synapse,databricks,snowflake",
          "--out",
          out.resolve("catalogue.jsonl").toString(),
          "--home",
          home.toString());

      heading("3. Schedule an hourly incremental extraction and look at the scheduler");
      step(
          0,
          "schedule",
          "add",
          "hourly-demo",
          "--connection",
          "demo",
          "--every",
          "hourly",
          "--incremental",
          "--out",
          out.resolve("scheduled-catalogue-{time}.jsonl").toString(),
          "--home",
          home.toString());
      step(0, "schedule", "run", "--now", "--for", "PT0S", "--home", home.toString());

      heading("4. Data quality: QALITA scores into Purview business metadata");
      String mapping = inputs.resolve("quality/qalita-mapping.yaml").toString();
      String scores = inputs.resolve("quality/qalita-scores.jsonl").toString();
      w.println(
          "First the plan (dry run), then the write, then the same scores again: nothing to write.");
      step(
          0,
          "sync-quality",
          "--mapping",
          mapping,
          "--scores",
          scores,
          "--connection",
          "demo",
          "--ensure-definitions",
          "--dry-run",
          "--home",
          home.toString());
      step(
          0,
          "sync-quality",
          "--mapping",
          mapping,
          "--scores",
          scores,
          "--connection",
          "demo",
          "--home",
          home.toString());
      step(
          0,
          "sync-quality",
          "--mapping",
          mapping,
          "--scores",
          scores,
          "--connection",
          "demo",
          "--home",
          home.toString());
      showQuality(emulator);

      heading("5. Drift: compare two ARM snapshots (noise suppressed, the critical change on top)");
      String baseline = inputs.resolve("drift/baseline.json").toString();
      String current = inputs.resolve("drift/current.json").toString();
      step(ExitCodes.FOUND, "drift", "--baseline", baseline, "--current", current);
      step(
          ExitCodes.FOUND,
          "drift",
          "--baseline",
          baseline,
          "--current",
          current,
          "--format",
          "sarif",
          "--out",
          out.resolve("drift.sarif").toString());
      w.println(
          "(exit code 1 means: drift at or above --fail-on, high by default; SARIF for GitHub code scanning)");

      heading("6. Production guard: a test-data copy towards a production-stamped database");
      guard();

      heading("7. Audit: every extraction and write above is in a hash-chained trail");
      step(0, "audit", "verify", "--dir", home.resolve("audit").toString());
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    w.println();
    if (failures.isEmpty()) {
      w.printf(
          "Demo complete in %d s. Outputs: %s/catalogue.jsonl, %s/drift.sarif, %s/home/ (connections,"
              + " schedules, checkpoints, audit).%n",
          seconds, out, out, out);
      w.println("Next: the README's examples show each step as a few lines of Java.");
      return ExitCodes.OK;
    }
    w.println("Demo FAILED at: " + String.join("; ", failures));
    return ExitCodes.FAILURE;
  }

  /** Replaces the output directory (only one the demo made) and copies the bundled inputs. */
  private void prepare() throws IOException {
    if (Files.exists(out)) {
      boolean ours = Files.exists(out.resolve(MARKER));
      boolean empty;
      try (Stream<Path> list = Files.list(out)) {
        empty = list.findAny().isEmpty();
      }
      if (!ours && !empty) {
        throw new ParameterException(
            spec.commandLine(), out + " exists and was not made by the demo; choose another --out");
      }
      deleteTree(out);
    }
    Files.createDirectories(out.resolve("home"));
    Files.writeString(out.resolve(MARKER), "made by steward demo; replaced on each run\n");
    for (String input : INPUTS) {
      Path target = out.resolve("inputs").resolve(input);
      Files.createDirectories(target.getParent());
      try (InputStream in =
          TestToProductionCopy.class.getClassLoader().getResourceAsStream(input)) {
        if (in == null) {
          throw new IllegalStateException(
              "bundled demo input " + input + " is missing from the jar");
        }
        Files.copy(in, target);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private void heading(String title) {
    w.println();
    w.println("== " + title + " " + "=".repeat(Math.max(0, 96 - title.length())));
  }

  /** Prints the command, runs it through the real CLI, and checks its exit code. */
  private void step(int expected, String... args) {
    w.println("$ steward " + String.join(" ", args));
    w.flush();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(w);
    cmd.setErr(spec.commandLine().getErr());
    int exit = cmd.execute(args);
    w.flush();
    if (exit != expected) {
      failures.add(
          "'steward "
              + args[0]
              + " "
              + args[1]
              + "' exited "
              + exit
              + " (expected "
              + expected
              + ")");
      w.println("!! unexpected exit code " + exit);
    }
  }

  private void showQuality(PurviewEmulator emulator) {
    PurviewDataMapClient client =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .buildClient();
    for (String table : List.of("orders", "customers")) {
      AtlasEntity entity =
          client
              .entities()
              .getByUniqueAttributes(
                  "azure_sql_table", "mssql://contoso-sql.database.windows.net/sales/dbo/" + table)
              .entity();
      Map<String, Object> qalita =
          entity.businessAttributes() == null
              ? Map.of()
              : entity.businessAttributes().getOrDefault("QALITA", Map.of());
      List<String> classifications = new ArrayList<>();
      for (AtlasClassification c :
          entity.classifications() == null
              ? List.<AtlasClassification>of()
              : entity.classifications()) {
        classifications.add(c.typeName());
      }
      w.printf(
          "sales.%s in Purview: QALITA %s; classifications %s%n", table, qalita, classifications);
    }
  }

  /** Replays the incident the guard exists for (the example program), on embedded H2 databases. */
  private void guard() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TestToProductionCopy.Outcome outcome;
    try (PrintStream story = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = TestToProductionCopy.run(story, out.resolve("guard-audit.jsonl"));
    }
    w.print(bytes.toString(StandardCharsets.UTF_8));
    if (!outcome.laptopCopyBlocked()
        || !outcome.confirmationAsked()
        || outcome.copiedWithConfirmation() == 0) {
      failures.add("the guard did not block the laptop copy and allow the confirmed restore");
    }
  }
}
