package dev.steward.governance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's sense of time: what time it is, and a way to be woken at a time. The system clock
 * wakes through a {@link ScheduledExecutorService}; tests use {@link ManualSchedulingClock}, which
 * runs a week of schedule in milliseconds without sleeping.
 */
public interface SchedulingClock {

  /**
   * The current time.
   *
   * @return now
   */
  Instant now();

  /**
   * Runs {@code task} once, at or soon after {@code at} (at once if {@code at} has passed).
   *
   * @param task what to run
   * @param at when
   * @return a handle that cancels the wake-up if it has not happened yet
   */
  Wakeup wakeAt(Instant at, Runnable task);

  /** A pending wake-up. */
  @FunctionalInterface
  interface Wakeup {
    /** Cancels the wake-up; does nothing if it already happened. */
    void cancel();
  }

  /**
   * Real time: {@code clock} for the current time, {@code timer} for wake-ups. The caller owns the
   * timer and shuts it down.
   *
   * @param clock the wall clock
   * @param timer the executor that wakes the scheduler
   * @return a system scheduling clock
   */
  static SchedulingClock system(Clock clock, ScheduledExecutorService timer) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(timer, "timer");
    return new SchedulingClock() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public Wakeup wakeAt(Instant at, Runnable task) {
        long delayMillis = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        ScheduledFuture<?> future = timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      }
    };
  }
}
