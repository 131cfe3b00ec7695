package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's "Running on several instances" snippet, compiled and run as it is printed. */
@ExtendWith(PostgresExtension.class)
class ReadmeExampleTest {

  @Test
  void theTableScriptIsPlainSqlForYourMigrationTool() {
    // snippet:begin dbscheduler-table-script
    String sql = SchedulerTables.postgresqlScript("governance.steward_scheduled_tasks");
    // snippet:end dbscheduler-table-script
    assertThat(sql).contains("create table if not exists governance.steward_scheduled_tasks");
  }

  @Test
  void theReadmeSnippetRuns(LocalPostgres postgres) {
    try (TestDataSource pool = postgres.dataSource()) {
      SchedulerTables.create(pool, SchedulerTables.DEFAULT_TABLE);
      // snippet:begin dbscheduler-wiring
      DataSource dataSource = pool; // your connection pool (HikariCP, the app server's) on
      // jdbc:postgresql://db:5432/steward

      GovernanceScheduler scheduler =
          DbSchedulerGovernanceScheduler.builder(dataSource)
              .instanceName(System.getenv().getOrDefault("HOSTNAME", "replica"))
              .job(
                  "extraction",
                  context -> {
                    // Register the same job types on every replica. A rerun after a crash gets the
                    // same context.scheduledFor(): resume from the checkpoint kept for that due
                    // time.
                    return JobOutcome.succeeded(
                        "extracted " + context.parameters().get("connection"));
                  })
              .build(); // checks the table exists, starts polling

      // Any replica can schedule; every replica sees it.
      scheduler.schedule(
          JobSpec.builder(
                  "nightly-catalogue", "extraction", Schedule.parse("daily 02:30 Europe/Paris"))
              .parameter("connection", "contoso")
              .misfirePolicy(MisfirePolicy.RUN_ONCE)
              .build());

      List<JobStatus> cluster =
          scheduler.status(); // read from the table: the same on every replica
      scheduler.runNow("nightly-catalogue"); // runs once on whichever replica picks it
      // snippet:end dbscheduler-wiring
      Await.until(
          Duration.ofSeconds(60),
          () -> scheduler.status().get(0).runs() == 1,
          () -> scheduler.status().toString());
      assertThat(cluster).singleElement().satisfies(s -> assertThat(s.nextRun()).isPresent());
      assertThat(scheduler.status().get(0).lastOutcome())
          .contains(JobOutcome.succeeded("extracted contoso"));
      // snippet:begin dbscheduler-shutdown
      scheduler.cancelAll(); // every schedule, cluster-wide
      scheduler.close(); // on shutdown: stop polling, wait up to 30 s
      // snippet:end dbscheduler-shutdown
      assertThat(scheduler.status()).isEmpty();
    }
  }
}
