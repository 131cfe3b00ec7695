package dev.steward.governance.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.SchedulingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompositeHealthCheckTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ManualSchedulingClock manual = new ManualSchedulingClock(T0);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** The manual clock, counting down {@code cancelled} each time a timeout is cancelled. */
  private static SchedulingClock counting(ManualSchedulingClock clock, CountDownLatch cancelled) {
    return new SchedulingClock() {
      @Override
      public Instant now() {
        return clock.now();
      }

      @Override
      public Wakeup wakeAt(Instant at, Runnable task) {
        Wakeup wakeup = clock.wakeAt(at, task);
        return () -> {
          wakeup.cancel();
          cancelled.countDown();
        };
      }
    };
  }

  @Test
  void aSlowCheckTimesOutWithoutHoldingUpTheOthersAndAFailingCheckIsDown() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch twoAnswered = new CountDownLatch(2);
    CompositeHealthCheck health =
        CompositeHealthCheck.builder()
            .add(HealthCheck.of("fast", () -> Health.up("fine")))
            .add(
                HealthCheck.of(
                    "failing",
                    () -> {
                      throw new IllegalStateException("connection refused by 10.0.0.7");
                    }))
            .add(
                HealthCheck.of(
                    "slow",
                    () -> {
                      slowStarted.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                      }
                      return Health.up("late");
                    }))
            .timeout(Duration.ofSeconds(2))
            .clock(counting(manual, twoAnswered))
            .executor(pool)
            .build();

    CompletableFuture<HealthReport> report = health.checkAsync();
    assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(twoAnswered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(report).isNotDone();

    manual.advance(Duration.ofSeconds(2));

    HealthReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(done.checkedAt()).isEqualTo(T0);
    assertThat(done.checks())
        .extracting(HealthCheckResult::name)
        .containsExactly("fast", "failing", "slow");
    assertThat(done.check("fast").orElseThrow().status()).isEqualTo(HealthStatus.UP);
    assertThat(done.check("fast").orElseThrow().latency()).isEqualTo(Duration.ZERO);
    HealthCheckResult failing = done.check("failing").orElseThrow();
    assertThat(failing.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(failing.detail()).isEqualTo("IllegalStateException: connection refused by 10.0.0.7");
    HealthCheckResult slow = done.check("slow").orElseThrow();
    assertThat(slow.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(slow.detail()).isEqualTo("timed out after 2s");
    assertThat(slow.latency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void checksRunInParallel() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    HealthCheck waitsForTheOther =
        HealthCheck.of(
            "a",
            () -> {
              both.countDown();
              return both.await(10, TimeUnit.SECONDS) ? Health.up("met b") : Health.down("alone");
            });
    HealthCheck other =
        HealthCheck.of(
            "b",
            () -> {
              both.countDown();
              return both.await(10, TimeUnit.SECONDS) ? Health.up("met a") : Health.down("alone");
            });
    CompositeHealthCheck health =
        CompositeHealthCheck.builder()
            .add(waitsForTheOther)
            .add(other)
            .clock(manual)
            .executor(pool)
            .build();

    HealthReport report = health.checkAsync().get(20, TimeUnit.SECONDS);

    assertThat(report.status()).isEqualTo(HealthStatus.UP);
    assertThat(report.checks())
        .extracting(HealthCheckResult::detail)
        .containsExactly("met b", "met a");
  }

  @Test
  void degradedIsWorseThanUpAndBetterThanDown() throws Exception {
    try (CompositeHealthCheck health =
        CompositeHealthCheck.builder()
            .add(HealthCheck.of("up", () -> Health.up("ok")))
            .add(HealthCheck.of("degraded", () -> Health.degraded("disk\nalmost full")))
            .build()) {
      HealthReport report = health.check();
      assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
      assertThat(report.check("degraded").orElseThrow().detail()).isEqualTo("disk");
      assertThat(report.check("up").orElseThrow().latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    }
  }

  @Test
  void noChecksIsUpAndDuplicateNamesAreRefused() throws Exception {
    try (CompositeHealthCheck health = CompositeHealthCheck.builder().build()) {
      assertThat(health.check().status()).isEqualTo(HealthStatus.UP);
    }
    assertThatThrownBy(
            () ->
                CompositeHealthCheck.builder()
                    .add(HealthCheck.of("audit", () -> Health.up("")))
                    .add(HealthCheck.of("audit", () -> Health.up(""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'audit'");
    assertThatThrownBy(() -> CompositeHealthCheck.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }
}
