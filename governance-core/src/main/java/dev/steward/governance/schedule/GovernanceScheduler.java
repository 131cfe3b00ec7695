package dev.steward.governance.schedule;

import java.time.Duration;
import java.util.List;

/**
 * Runs {@link GovernanceJob}s on {@link Schedule}s. Steward ships an in-process implementation
 * ({@link InProcessGovernanceScheduler}: one JVM, schedules persisted to a file); clustered
 * implementations on existing engines live in adapter modules.
 *
 * <p>Guarantees every implementation gives: runs of one job never overlap; a failing run never
 * stops the schedule; {@link #status()} is consistent with what ran.
 */
public interface GovernanceScheduler extends AutoCloseable {

  /**
   * Schedules a job, or replaces the schedule with the same id.
   *
   * @param spec what to run and when
   * @return the job's status right after scheduling
   * @throws IllegalArgumentException when no handler is registered for the job type
   */
  JobStatus schedule(JobSpec spec);

  /**
   * Cancels a schedule. A run in progress finishes; no further run starts.
   *
   * @param id the schedule id
   * @return true when a schedule with that id existed
   */
  boolean cancel(String id);

  /**
   * Cancels every schedule (the "stop all"). Runs in progress are asked to stop.
   *
   * @return how many schedules were cancelled
   */
  int cancelAll();

  /**
   * The state of every scheduled job, ordered by id.
   *
   * @return one status per job
   */
  List<JobStatus> status();

  /**
   * Runs a scheduled job now, outside its schedule, unless it is already running.
   *
   * @param id the schedule id
   * @return true when a run was started, false when one was already going
   * @throws IllegalArgumentException when no schedule has that id
   */
  boolean runNow(String id);

  /**
   * Stops scheduling, asks running jobs to stop, and waits up to {@code timeout} for them.
   *
   * @param timeout how long to wait for running jobs
   * @return true when every run ended within the timeout
   */
  boolean shutdown(Duration timeout);

  /** Shuts down, waiting up to 30 seconds for running jobs. */
  @Override
  default void close() {
    shutdown(Duration.ofSeconds(30));
  }
}
