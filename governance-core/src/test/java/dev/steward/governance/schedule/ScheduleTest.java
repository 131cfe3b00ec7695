package dev.steward.governance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  private static final Instant MONDAY_10_20 = Instant.parse("2026-11-23T10:20:00Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hourly",
        "hourly :15",
        "daily 02:30",
        "daily 02:30 Europe/Paris",
        "weekly MON 02:30",
        "weekly SUN 23:00 America/New_York",
        "every PT15M",
        "cron(0 */6 * * *)",
        "cron(30 2 * * MON-FRI) Europe/Berlin"
      })
  void textFormRoundTrips(String text) {
    assertThat(Schedule.parse(text).format()).isEqualTo(text);
  }

  @Test
  void parsesShortFormsAndNormalises() {
    assertThat(Schedule.parse("every 15m"))
        .isEqualTo(new Schedule.FixedInterval(Duration.ofMinutes(15)));
    assertThat(Schedule.parse("every 2h").format()).isEqualTo("every PT2H");
    assertThat(Schedule.parse("daily 2:30"))
        .isEqualTo(new Schedule.Daily(LocalTime.of(2, 30), ZoneOffset.UTC));
    assertThat(Schedule.parse("weekly friday 18:00"))
        .isEqualTo(new Schedule.Weekly(DayOfWeek.FRIDAY, LocalTime.of(18, 0), ZoneOffset.UTC));
  }

  @Test
  void hourlyFiresAtTheMinuteStrictlyAfter() {
    assertThat(new Schedule.Hourly(15).nextAfter(MONDAY_10_20))
        .contains(Instant.parse("2026-11-23T11:15:00Z"));
    assertThat(new Schedule.Hourly(20).nextAfter(MONDAY_10_20))
        .contains(Instant.parse("2026-11-23T11:20:00Z"));
    assertThat(new Schedule.Hourly(30).nextAfter(MONDAY_10_20))
        .contains(Instant.parse("2026-11-23T10:30:00Z"));
  }

  @Test
  void dailyAndWeeklyRespectTheZone() {
    Schedule daily = new Schedule.Daily(LocalTime.of(2, 30), ZoneId.of("Europe/Paris"));
    assertThat(daily.nextAfter(MONDAY_10_20)).contains(Instant.parse("2026-11-24T01:30:00Z"));
    Schedule weekly = new Schedule.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC);
    assertThat(weekly.nextAfter(MONDAY_10_20)).contains(Instant.parse("2026-11-30T09:00:00Z"));
    Schedule laterToday =
        new Schedule.Weekly(DayOfWeek.MONDAY, LocalTime.of(11, 0), ZoneOffset.UTC);
    assertThat(laterToday.nextAfter(MONDAY_10_20)).contains(Instant.parse("2026-11-23T11:00:00Z"));
  }

  @Test
  void dailyAcrossADaylightSavingGapRunsAtTheFirstValidTime() {
    // 2026-03-29 02:30 does not exist in Paris (clocks jump from 02:00 to 03:00).
    Schedule daily = new Schedule.Daily(LocalTime.of(2, 30), ZoneId.of("Europe/Paris"));
    assertThat(daily.nextAfter(Instant.parse("2026-03-28T12:00:00Z")))
        .contains(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void cronUsesTheUnixDialect() {
    Schedule cron = Schedule.parse("cron(0 */6 * * *)");
    assertThat(cron.nextAfter(MONDAY_10_20)).contains(Instant.parse("2026-11-23T12:00:00Z"));
    Schedule weekdays = Schedule.parse("cron(30 2 * * MON-FRI)");
    assertThat(weekdays.nextAfter(Instant.parse("2026-11-27T03:00:00Z")))
        .contains(Instant.parse("2026-11-30T02:30:00Z"));
  }

  @Test
  void badTextNamesTheInputAndTheAcceptedForms() {
    assertThatThrownBy(() -> Schedule.parse("fortnightly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'fortnightly'")
        .hasMessageContaining("daily HH:MM");
    assertThatThrownBy(() -> Schedule.parse("cron(61 * * * *)"))
        .hasMessageContaining("invalid cron expression '61 * * * *'");
    assertThatThrownBy(() -> Schedule.parse("daily 25:00")).hasMessageContaining("'daily 25:00'");
    assertThatThrownBy(() -> Schedule.parse("weekly XY 10:00"))
        .hasMessageContaining("unknown day 'XY'");
    assertThatThrownBy(() -> Schedule.parse("every 0s")).hasMessageContaining("at least 1s");
    assertThatThrownBy(() -> Schedule.parse("daily 02:00 Mars/Olympus"))
        .hasMessageContaining("Mars/Olympus");
  }
}
