package dev.steward.governance.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job runs: hourly, daily at a time, weekly on a day at a time, at a fixed interval, or by a
 * cron expression, each calendar schedule in a time zone.
 *
 * <p>Every schedule has a text form that {@link #parse(String)} reads and {@link #format()} writes,
 * used by the CLI and the schedule store:
 *
 * <pre>
 * hourly                      hourly :15
 * daily 02:30                 daily 02:30 Europe/Paris
 * weekly MON 02:30            weekly SUN 23:00 America/New_York
 * every 15m                   every PT1H30M
 * cron(0 *&#47;6 * * *)           cron(30 2 * * MON-FRI) Europe/Berlin
 * </pre>
 *
 * Cron expressions use the Unix dialect (minute hour day-of-month month day-of-week), parsed by
 * cron-utils. The zone defaults to UTC.
 */
public sealed interface Schedule {

  /**
   * The first time strictly after {@code after} at which the schedule fires.
   *
   * @param after the instant to start from
   * @return the next fire time, or empty when the schedule never fires again
   */
  Optional<Instant> nextAfter(Instant after);

  /**
   * The text form of this schedule, which {@link #parse(String)} reads back.
   *
   * @return the text form
   */
  String format();

  /**
   * Every hour at a minute past the hour (UTC-independent: hours are the same in every zone with
   * whole-hour offsets, and the minute is taken in UTC).
   *
   * @param minute the minute of the hour, 0 to 59
   */
  record Hourly(int minute) implements Schedule {
    /** Checks the minute. */
    public Hourly {
      if (minute < 0 || minute > 59) {
        throw new IllegalArgumentException("hourly minute must be 0..59, was " + minute);
      }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      Instant candidate = after.truncatedTo(ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
      if (!candidate.isAfter(after)) {
        candidate = candidate.plus(1, ChronoUnit.HOURS);
      }
      return Optional.of(candidate);
    }

    @Override
    public String format() {
      return minute == 0 ? "hourly" : String.format(Locale.ROOT, "hourly :%02d", minute);
    }
  }

  /**
   * Every day at a local time in a zone. A time that does not exist on a day (a daylight-saving
   * gap) runs at the first valid time after it.
   *
   * @param time the local time of day
   * @param zone the time zone
   */
  record Daily(LocalTime time, ZoneId zone) implements Schedule {
    /** Checks the arguments. */
    public Daily {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      ZonedDateTime local = after.atZone(zone);
      ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
      if (!candidate.toInstant().isAfter(after)) {
        candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
      }
      return Optional.of(candidate.toInstant());
    }

    @Override
    public String format() {
      return "daily " + time + zoneSuffix(zone);
    }
  }

  /**
   * Every week on a day at a local time in a zone.
   *
   * @param day the day of the week
   * @param time the local time of day
   * @param zone the time zone
   */
  record Weekly(DayOfWeek day, LocalTime time, ZoneId zone) implements Schedule {
    /** Checks the arguments. */
    public Weekly {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      ZonedDateTime local = after.atZone(zone);
      ZonedDateTime candidate =
          local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
      if (!candidate.toInstant().isAfter(after)) {
        candidate = local.toLocalDate().with(TemporalAdjusters.next(day)).atTime(time).atZone(zone);
      }
      return Optional.of(candidate.toInstant());
    }

    @Override
    public String format() {
      return "weekly "
          + day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT)
          + " "
          + time
          + zoneSuffix(zone);
    }
  }

  /**
   * A fixed interval, counted from the previous fire time.
   *
   * @param interval the interval, at least one second
   */
  record FixedInterval(Duration interval) implements Schedule {
    /** Checks the interval. */
    public FixedInterval {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("interval must be at least 1s, was " + interval);
      }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return Optional.of(after.plus(interval));
    }

    @Override
    public String format() {
      return "every " + interval;
    }
  }

  /**
   * A Unix cron expression (five fields) in a zone.
   *
   * @param expression the cron expression, e.g. {@code 0 *&#47;6 * * *}
   * @param zone the time zone
   */
  record Cron(String expression, ZoneId zone) implements Schedule {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Checks that the expression parses. */
    public Cron {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(zone, "zone");
      try {
        PARSER.parse(expression).validate();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid cron expression '" + expression + "': " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return ExecutionTime.forCron(PARSER.parse(expression))
          .nextExecution(after.atZone(zone))
          .map(ZonedDateTime::toInstant);
    }

    @Override
    public String format() {
      return "cron(" + expression + ")" + zoneSuffix(zone);
    }
  }

  /**
   * Reads the text form of a schedule (see the class documentation).
   *
   * @param text the text form
   * @return the schedule
   * @throws IllegalArgumentException naming the text and the accepted forms when it does not parse
   */
  static Schedule parse(String text) {
    return ScheduleText.parse(text);
  }

  private static String zoneSuffix(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "" : " " + zone.getId();
  }
}
