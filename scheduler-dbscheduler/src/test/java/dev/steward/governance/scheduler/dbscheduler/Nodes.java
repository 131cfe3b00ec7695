package dev.steward.governance.scheduler.dbscheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Scheduler instances of one test, each with its own connection pool (as separate processes would
 * have), on one database table and one clock. Closing shuts them all down.
 */
final class Nodes implements AutoCloseable {
  static final Duration POLL = Duration.ofMillis(50);
  static final Duration HEARTBEAT = Duration.ofMillis(100);
  static final int MISSED_HEARTBEATS = 4;

  final List<DbSchedulerGovernanceScheduler> schedulers = new ArrayList<>();
  final List<TestDataSource> dataSources = new ArrayList<>();

  /**
   * Starts {@code count} instances named node-1.. with test timings; {@code jobs} registers each
   * instance's job types (it gets the instance number and the builder).
   */
  static Nodes start(
      LocalPostgres postgres,
      String table,
      MutableClock clock,
      int count,
      int threads,
      BiConsumer<Integer, DbSchedulerGovernanceScheduler.Builder> jobs) {
    Nodes nodes = new Nodes();
    try {
      for (int i = 1; i <= count; i++) {
        TestDataSource dataSource = postgres.dataSource();
        nodes.dataSources.add(dataSource);
        DbSchedulerGovernanceScheduler.Builder builder =
            DbSchedulerGovernanceScheduler.builder(dataSource)
                .tableName(table)
                .instanceName("node-" + i)
                .clock(clock)
                .threads(threads)
                .pollingInterval(POLL)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS);
        jobs.accept(i, builder);
        nodes.schedulers.add(builder.build());
      }
      return nodes;
    } catch (RuntimeException e) {
      nodes.close();
      throw e;
    }
  }

  DbSchedulerGovernanceScheduler node(int number) {
    return schedulers.get(number - 1);
  }

  @Override
  public void close() {
    for (DbSchedulerGovernanceScheduler scheduler : schedulers) {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
    for (TestDataSource dataSource : dataSources) {
      dataSource.close();
    }
  }
}
