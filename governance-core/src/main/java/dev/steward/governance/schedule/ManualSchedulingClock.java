package dev.steward.governance.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link SchedulingClock} that only moves when told to, for tests: {@link #advance(Duration)}
 * walks time forward through every pending wake-up in order and runs each on the calling thread.
 * Thread-safe.
 */
public final class ManualSchedulingClock implements SchedulingClock {

  private record Pending(Instant at, long order, Runnable task, boolean[] cancelled) {}

  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(
          (a, b) -> {
            int byTime = a.at().compareTo(b.at());
            return byTime != 0 ? byTime : Long.compare(a.order(), b.order());
          });
  private Instant now;
  private long sequence;

  /**
   * Starts the clock at {@code start}.
   *
   * @param start the initial time
   */
  public ManualSchedulingClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Wakeup wakeAt(Instant at, Runnable task) {
    boolean[] cancelled = {false};
    pending.add(new Pending(at.isBefore(now) ? now : at, sequence++, task, cancelled));
    return () -> {
      synchronized (ManualSchedulingClock.this) {
        cancelled[0] = true;
      }
    };
  }

  /**
   * Moves time forward by {@code duration}, running every wake-up that falls due on the way, in
   * time order, with the clock set to each one's time while it runs. Wake-ups that those tasks
   * register are run too if they fall due before the end.
   *
   * @param duration how far to move
   * @return how many wake-ups ran
   */
  public int advance(Duration duration) {
    Instant end;
    synchronized (this) {
      end = now.plus(duration);
    }
    return runUntil(end);
  }

  /**
   * Moves time forward to {@code end} (see {@link #advance(Duration)}).
   *
   * @param end the time to move to; earlier than now does nothing
   * @return how many wake-ups ran
   */
  public int runUntil(Instant end) {
    int ran = 0;
    while (true) {
      Pending next;
      synchronized (this) {
        next = pending.peek();
        if (next == null || next.at().isAfter(end)) {
          if (end.isAfter(now)) {
            now = end;
          }
          return ran;
        }
        pending.poll();
        if (next.cancelled()[0]) {
          continue;
        }
        now = next.at();
      }
      next.task().run();
      ran++;
    }
  }

  /**
   * The times of the wake-ups not yet run, in order.
   *
   * @return pending wake-up times
   */
  public synchronized List<Instant> pendingWakeups() {
    List<Pending> copy = new ArrayList<>(pending);
    copy.sort(pending.comparator());
    List<Instant> times = new ArrayList<>();
    for (Pending p : copy) {
      if (!p.cancelled()[0]) {
        times.add(p.at());
      }
    }
    return times;
  }
}
