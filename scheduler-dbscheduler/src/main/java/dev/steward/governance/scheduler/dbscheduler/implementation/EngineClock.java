package dev.steward.governance.scheduler.dbscheduler.implementation;

import java.time.Clock;
import java.time.Instant;

/**
 * The clock db-scheduler runs on: the scheduler's clock, moved on by the real time that has passed
 * since that clock last moved. db-scheduler times its polling waits with the same clock it reads
 * due times from ({@code Waiter} waits until the clock passes a deadline), so with a clock held
 * still (a test's manual clock) a wait that began after the clock's last step would never end, and
 * the instance would stop polling for good. A clock that moves on its own (the system clock) is
 * passed through unchanged.
 */
public final class EngineClock implements com.github.kagkarlsson.scheduler.Clock {

  private final Clock clock;
  private Instant last;
  private long lastNanos;

  /**
   * Wraps a clock.
   *
   * @param clock the scheduler's clock
   */
  public EngineClock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Instant now() {
    Instant t = clock.instant();
    long nanos = System.nanoTime();
    if (!t.equals(last)) {
      last = t;
      lastNanos = nanos;
      return t;
    }
    return t.plusNanos(nanos - lastNanos);
  }
}
