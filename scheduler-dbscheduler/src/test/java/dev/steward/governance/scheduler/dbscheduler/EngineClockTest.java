package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.kagkarlsson.scheduler.Waiter;
import dev.steward.governance.scheduler.dbscheduler.implementation.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EngineClockTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

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
    MutableClock hand = new MutableClock(T0);
    EngineClock engine = new EngineClock(hand);
    assertThat(engine.now()).isEqualTo(T0);
    hand.advance(Duration.ofHours(5));
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
