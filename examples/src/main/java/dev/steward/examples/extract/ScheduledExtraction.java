package dev.steward.examples.extract;

import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.extract.ExtractionJob;
import dev.steward.governance.extract.FileCheckpointStore;
import dev.steward.governance.schedule.FileScheduleStore;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.Schedule;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Schedules an hourly incremental extraction with the in-process scheduler, runs it once now, and
 * prints the scheduler's status. The connection keeps a reference to the token, never the token.
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.extract.ScheduledExtraction
 * </pre>
 */
public final class ScheduledExtraction {

  private ScheduledExtraction() {}

  /**
   * Runs the example in a temporary directory.
   *
   * @param args ignored
   * @throws Exception when the example fails
   */
  public static void main(String[] args) throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      run(
          emulator.endpoint(),
          emulator.token(),
          Files.createTempDirectory("steward-schedule"),
          System.out);
    }
  }

  /**
   * Registers a connection, schedules the extraction, runs it once and returns the status.
   *
   * @param endpoint the emulator endpoint
   * @param token the emulator token
   * @param dir where connections, schedules, checkpoints and output go
   * @param out where to print
   * @return the scheduler status after the run
   * @throws Exception when the example fails
   */
  public static List<JobStatus> run(String endpoint, String token, Path dir, PrintStream out)
      throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), token);
    FileConnectionRegistry connections =
        new FileConnectionRegistry(dir.resolve("connections.json"));
    connections.add(
        new PurviewConnection(
            "demo",
            endpoint,
            PurviewConnection.Authentication.TOKEN,
            null,
            null,
            SecretReference.parse("file:" + tokenFile),
            true));

    // snippet:begin scheduled-extraction
    ExtractionJob extraction =
        ExtractionJob.builder(connections)
            .checkpoints(new FileCheckpointStore(dir.resolve("checkpoints")))
            .build();
    CountDownLatch ran = new CountDownLatch(1); // only so the example can wait for its first run
    try (GovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .job(
                ExtractionJob.TYPE,
                context -> {
                  try {
                    return extraction.run(context);
                  } finally {
                    ran.countDown();
                  }
                })
            .store(new FileScheduleStore(dir.resolve("schedules.json"))) // survives restarts
            .build()) {
      scheduler.schedule(
          ExtractionJob.spec(
              "hourly-demo",
              Schedule.parse("hourly"),
              "demo",
              Map.of(
                  "assetTypes", "sql_table",
                  "incremental", "true",
                  "out", dir.resolve("catalogue-{time}.jsonl").toString())));
      // snippet:end scheduled-extraction
      scheduler.runNow("hourly-demo");
      if (!ran.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the extraction did not run within 60 s");
      }
      scheduler.shutdown(Duration.ofSeconds(30)); // waits for the run to be recorded
      for (JobStatus status : scheduler.status()) {
        out.printf(
            "%s %s next %s last %s: %s%n",
            status.spec().id(),
            status.spec().schedule().format(),
            status.nextRun().orElseThrow(),
            status.lastRun().orElseThrow(),
            status.lastOutcome().orElseThrow().message());
      }
      return scheduler.status();
    }
  }
}
