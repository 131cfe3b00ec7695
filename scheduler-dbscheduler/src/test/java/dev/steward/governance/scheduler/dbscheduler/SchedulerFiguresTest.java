package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's figures, measured on the test's PostgreSQL with a no-op job: the scheduling overhead
 * of one due run (one instance, one thread: poll, pick, run, record, reschedule, all serial), and
 * the due runs per minute three instances drain when a burst falls due at once. Each figure run
 * also checks that every due run ran exactly once. Written to {@code target/scheduler-figures.txt}.
 */
@ExtendWith(PostgresExtension.class)
class SchedulerFiguresTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void overheadPerDueRunOnOneThread(LocalPostgres postgres, PostgresExtension.TableName table)
      throws IOException {
    double millisPerRun = measure(postgres, table.value(), 1, 1, 300);
    report(
        String.format(
            Locale.ROOT, "overhead per due run (1 instance, 1 thread): %.2f ms", millisPerRun));
    assertThat(millisPerRun).isPositive().isLessThan(1000);
  }

  @Test
  void dueRunsPerMinuteOnThreeInstances(LocalPostgres postgres, PostgresExtension.TableName table)
      throws IOException {
    int burst = 900;
    double millisPerRun = measure(postgres, table.value(), 3, 10, burst);
    double perMinute = 60_000 / millisPerRun;
    report(
        String.format(
            Locale.ROOT,
            "due runs per minute (3 instances x 10 threads, burst of %d): %.0f",
            burst,
            perMinute));
    assertThat(perMinute).isGreaterThan(60);
  }

  /** Schedules {@code jobs} no-op jobs, makes them all due at once, times until all have run. */
  private static double measure(
      LocalPostgres postgres, String table, int instances, int threads, int jobs) {
    MutableClock clock = new MutableClock(T0);
    Set<String> ran = ConcurrentHashMap.newKeySet();
    try (Nodes nodes =
        Nodes.start(
            postgres,
            table,
            clock,
            instances,
            threads,
            (node, builder) ->
                builder.job(
                    "noop",
                    context -> {
                      assertThat(ran.add(context.jobId() + "@" + context.scheduledFor()))
                          .as("ran once")
                          .isTrue();
                      return JobOutcome.succeeded("");
                    }))) {
      for (int j = 0; j < jobs; j++) {
        nodes
            .node(1 + j % instances)
            .schedule(JobSpec.builder("job-" + j, "noop", Schedule.parse("every 1h")).build());
      }
      long start = System.nanoTime();
      clock.advance(Duration.ofHours(1));
      Await.until(Duration.ofSeconds(60), () -> ran.size() == jobs, () -> ran.size() + " ran");
      Await.until(
          Duration.ofSeconds(60),
          () -> nodes.node(1).status().stream().allMatch(s -> s.runs() == 1 && !s.running()),
          () -> "not all recorded");
      double elapsedMillis = (System.nanoTime() - start) / 1e6;
      assertThat(ran).hasSize(jobs);
      return elapsedMillis / jobs;
    }
  }

  private static void report(String line) throws IOException {
    System.out.println("scheduler figures: " + line);
    Path file = Path.of("target", "scheduler-figures.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
