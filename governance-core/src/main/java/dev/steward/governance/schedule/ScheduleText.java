package dev.steward.governance.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text form of a {@link Schedule}. */
final class ScheduleText {
  private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)(?:\\s+(\\S+))?");
  private static final Pattern HOURLY = Pattern.compile("hourly(?:\\s+:(\\d{1,2}))?");
  private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}:\\d{2})(?:\\s+(\\S+))?");
  private static final Pattern WEEKLY =
      Pattern.compile("weekly\\s+([A-Za-z]+)\\s+(\\d{1,2}:\\d{2})(?:\\s+(\\S+))?");
  private static final Pattern EVERY = Pattern.compile("every\\s+(\\S+)");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");
  static final String ACCEPTED =
      "accepted: 'hourly [:MM]', 'daily HH:MM [ZONE]', 'weekly DAY HH:MM [ZONE]',"
          + " 'every 15m|PT15M', 'cron(EXPR) [ZONE]'";

  private ScheduleText() {}

  static Schedule parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    try {
      Matcher m = CRON.matcher(t);
      if (m.matches()) {
        return new Schedule.Cron(m.group(1).strip(), zone(m.group(2)));
      }
      m = HOURLY.matcher(t);
      if (m.matches()) {
        return new Schedule.Hourly(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
      }
      m = DAILY.matcher(t);
      if (m.matches()) {
        return new Schedule.Daily(time(m.group(1)), zone(m.group(2)));
      }
      m = WEEKLY.matcher(t);
      if (m.matches()) {
        return new Schedule.Weekly(day(m.group(1)), time(m.group(2)), zone(m.group(3)));
      }
      m = EVERY.matcher(t);
      if (m.matches()) {
        return new Schedule.FixedInterval(duration(m.group(1)));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid schedule '" + text + "': " + e.getMessage() + "; " + ACCEPTED, e);
    }
    throw new IllegalArgumentException("invalid schedule '" + text + "'; " + ACCEPTED);
  }

  private static LocalTime time(String text) {
    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
  }

  private static ZoneId zone(String id) {
    return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id.strip());
  }

  private static DayOfWeek day(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.length() >= 3) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day.name().startsWith(upper)) {
          return day;
        }
      }
    }
    throw new IllegalArgumentException("unknown day '" + text + "' (use MON..SUN)");
  }

  private static Duration duration(String text) {
    if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    }
    Matcher m = SHORT_DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "unknown interval '" + text + "' (use e.g. 30s, 15m, 2h, 1d or ISO-8601 PT15M)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
