package dev.steward.governance.schedule;

import java.util.List;

/**
 * Where a scheduler keeps its schedules so that a restarted process resumes them. Implementations
 * write atomically: after a crash the store holds either the old or the new state, never a mix.
 */
public interface ScheduleStore {

  /**
   * Reads every stored job.
   *
   * @return the stored jobs (with {@code running} false)
   */
  List<JobStatus> load();

  /**
   * Replaces the stored jobs.
   *
   * @param jobs every job the scheduler has
   */
  void save(List<JobStatus> jobs);

  /**
   * A store that keeps nothing: schedules live as long as the process.
   *
   * @return a store that keeps nothing
   */
  static ScheduleStore none() {
    return new ScheduleStore() {
      @Override
      public List<JobStatus> load() {
        return List.of();
      }

      @Override
      public void save(List<JobStatus> jobs) {}
    };
  }
}
