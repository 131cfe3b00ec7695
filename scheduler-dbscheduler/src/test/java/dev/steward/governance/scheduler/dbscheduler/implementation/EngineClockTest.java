package dev.steward.governance.scheduler.dbscheduler.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.kagkarlsson.scheduler.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineClockTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** A clock a test moves by hand. */
  private static final class HandClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aPollingWaitEndsWhileTheSchedulersClockIsHeldStill() {
    // db-scheduler's Waiter waits until its clock passes now + the polling interval: on the
    // held clock itself that never happens, and the instance stops polling for good
    Waiter waiter =
        new Waiter(Duration.ofMillis(20), new EngineClock(Clock.fixed(T0, ZoneOffset.UTC)));
    assertTimeoutPreemptively(Duration.ofSeconds(20), waiter::doWait);
  }

  @Test
  void followsTheSchedulersClockExactlyWhenItMoves() {
    HandClock hand = new HandClock();
    EngineClock engine = new EngineClock(hand);
    assertThat(engine.now()).isEqualTo(T0);
    hand.now.set(T0.plus(Duration.ofHours(5)));
    assertThat(engine.now()).isEqualTo(T0.plus(Duration.ofHours(5)));
    Instant later = engine.now();
    assertThat(later).isAfterOrEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(Duration.between(T0.plus(Duration.ofHours(5)), later))
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void passesAMovingClockThrough() {
    Clock system = Clock.systemUTC();
    EngineClock engine = new EngineClock(system);
    Instant before = system.instant();
    Instant now = engine.now();
    assertThat(now).isBetween(before, system.instant());
  }
}
