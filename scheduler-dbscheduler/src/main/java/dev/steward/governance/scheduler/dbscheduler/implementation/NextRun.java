package dev.steward.governance.scheduler.dbscheduler.implementation;

import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a job's row executes next, as the in-process scheduler decides it: due times count from the
 * previous due time (no drift), runs never overlap, and a due time that passes while a run is going
 * or while no instance was up follows the job's {@link MisfirePolicy}. Pure time arithmetic, no
 * database.
 */
public final class NextRun {

  /**
   * The {@code execution_time} of a row whose schedule never fires again. db-scheduler needs a
   * value; this one is never reached.
   */
  public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  private static final int MAX_COUNTED = 100_000;

  private NextRun() {}

  /**
   * A plan for a row.
   *
   * @param dueAt the due time the next execution is for, or null when the schedule never fires
   *     again
   * @param fireAt when the row executes: the due time plus jitter, or at once for a run that a
   *     {@link MisfirePolicy#RUN_ONCE} job owes, or {@link #NEVER}
   * @param missed due times skipped under {@link MisfirePolicy#SKIP}
   */
  public record Plan(Instant dueAt, Instant fireAt, long missed) {}

  /**
   * The first run of a job scheduled at {@code now}.
   *
   * @param spec the job
   * @param now the current time
   * @param random the jitter source
   * @return the plan
   */
  public static Plan first(JobSpec spec, Instant now, RandomGenerator random) {
    return at(spec, spec.schedule().nextAfter(now).orElse(null), random, 0);
  }

  /**
   * Whether a run that starts at {@code start} for a row that fired at {@code fireAt} is a misfire
   * to drop: the job's policy is {@link MisfirePolicy#SKIP} and it starts more than {@code
   * thresholdMillis} late (no instance was up, or every thread was busy).
   *
   * @param spec the job
   * @param fireAt the row's execution time
   * @param start when the run would start
   * @param thresholdMillis how late a run may start
   * @return true to skip the run
   */
  public static boolean skipLateStart(
      JobSpec spec, Instant fireAt, Instant start, long thresholdMillis) {
    return spec.misfirePolicy() == MisfirePolicy.SKIP
        && start.toEpochMilli() - fireAt.toEpochMilli() > thresholdMillis;
  }

  /**
   * The plan after a late start was skipped: every due time up to {@code start} counts as missed,
   * the next one is strictly after {@code start}.
   *
   * @param spec the job
   * @param dueAt the due time that was missed
   * @param start when the run would have started
   * @param random the jitter source
   * @return the plan
   */
  public static Plan afterSkippedStart(
      JobSpec spec, Instant dueAt, Instant start, RandomGenerator random) {
    long missed = dueAt == null ? 1 : Math.max(1, countDues(spec.schedule(), dueAt, start));
    return at(spec, spec.schedule().nextAfter(start).orElse(null), random, missed);
  }

  /**
   * The plan after a run that started at {@code start} and ended at {@code end}.
   *
   * @param spec the job (its current spec, which may have been replaced during the run)
   * @param candidate the first due time the run did not serve, or null when none is left
   * @param start when the run started
   * @param end when the run ended
   * @param random the jitter source
   * @return the plan
   */
  public static Plan afterRun(
      JobSpec spec, Instant candidate, Instant start, Instant end, RandomGenerator random) {
    Schedule schedule = spec.schedule();
    Instant next = candidate;
    if (next != null && !next.isAfter(start)) {
      // Already past when the run started: this run served it (a late or recovered start).
      next = schedule.nextAfter(start).orElse(null);
    }
    if (next == null || next.isAfter(end)) {
      return at(spec, next, random, 0);
    }
    // Due times passed while the run was going: runs never overlap, so the policy decides.
    Instant last = next;
    long missed = 0;
    Instant t = next;
    while (t != null && !t.isAfter(end) && missed < MAX_COUNTED) {
      last = t;
      missed++;
      t = schedule.nextAfter(t).orElse(null);
    }
    if (spec.misfirePolicy() == MisfirePolicy.RUN_ONCE) {
      return new Plan(last, end, 0);
    }
    return at(spec, schedule.nextAfter(end).orElse(null), random, missed);
  }

  /**
   * The row's execution time for a due time: plus a random jitter up to the job's maximum.
   *
   * @param spec the job
   * @param dueAt the due time, or null
   * @param random the jitter source
   * @param missed missed due times to report
   * @return the plan
   */
  private static Plan at(JobSpec spec, Instant dueAt, RandomGenerator random, long missed) {
    if (dueAt == null) {
      return new Plan(null, NEVER, missed);
    }
    long jitterMillis = spec.jitter().toMillis();
    Instant fireAt =
        jitterMillis == 0 ? dueAt : dueAt.plusMillis(random.nextLong(jitterMillis + 1));
    return new Plan(dueAt, fireAt, missed);
  }

  /** Counts the due times in [from, to], from included when it is a due time itself. */
  static long countDues(Schedule schedule, Instant from, Instant to) {
    long count = 0;
    Optional<Instant> t = Optional.of(from);
    while (t.isPresent() && !t.get().isAfter(to) && count < MAX_COUNTED) {
      count++;
      t = schedule.nextAfter(t.get());
    }
    return count;
  }
}
