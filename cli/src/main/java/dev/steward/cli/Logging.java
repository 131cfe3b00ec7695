package dev.steward.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures logback for one {@code steward} run: the format (human text, or JSON lines) and the
 * level, from {@code --log-format} / {@code --log-level} or, when those are absent, the environment
 * variables {@value #FORMAT_VARIABLE} / {@value #LEVEL_VARIABLE}. The appenders themselves are in
 * {@code logback.xml}; this class only chooses between them.
 */
final class Logging {

  /** The environment variable for the format when {@code --log-format} is not given. */
  static final String FORMAT_VARIABLE = "STEWARD_LOG_FORMAT";

  /** The environment variable for the level when {@code --log-level} is not given. */
  static final String LEVEL_VARIABLE = "STEWARD_LOG_LEVEL";

  static final List<String> FORMATS = List.of("text", "json");
  static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

  /**
   * What to configure.
   *
   * @param format {@code text} or {@code json}
   * @param level a logback level name, lower case
   */
  record Settings(String format, String level) {}

  private Logging() {}

  /**
   * Chooses the settings: options first, then the environment, then text at warn.
   *
   * @param formatOption {@code --log-format}, or null
   * @param levelOption {@code --log-level}, or null
   * @param env the environment variables
   * @return the settings
   * @throws IllegalArgumentException naming the option or variable and the accepted values
   */
  static Settings settings(String formatOption, String levelOption, Map<String, String> env) {
    return settings(formatOption, levelOption, env, null);
  }

  private static Settings settings(
      String formatOption, String levelOption, Map<String, String> env, Settings inherited) {
    String format =
        formatOption == null && inherited != null
            ? inherited.format()
            : pick(formatOption, "--log-format", env, FORMAT_VARIABLE, "text", FORMATS);
    String level =
        levelOption == null && inherited != null
            ? inherited.level()
            : pick(levelOption, "--log-level", env, LEVEL_VARIABLE, "warn", LEVELS);
    return new Settings(format, level);
  }

  /** The settings in force, or null before the first run configured logging. */
  private static Settings applied;

  /**
   * Configures logging for a run. A run started from inside another one (the demo replays commands)
   * keeps the outer run's settings for what its own options leave out.
   *
   * @param formatOption {@code --log-format}, or null
   * @param levelOption {@code --log-level}, or null
   * @param env the environment variables
   * @throws IllegalArgumentException naming the option or variable and the accepted values
   */
  static synchronized void apply(String formatOption, String levelOption, Map<String, String> env) {
    Settings settings = settings(formatOption, levelOption, env, applied);
    if (!settings.equals(applied)) {
      configure(settings);
      applied = settings;
    }
  }

  /** Forgets the settings in force and goes back to the defaults (tests). */
  static synchronized void reset() {
    applied = null;
    configure(settings(null, null, Map.of()));
  }

  private static String pick(
      String option,
      String optionName,
      Map<String, String> env,
      String variable,
      String fallback,
      List<String> accepted) {
    String source = optionName;
    String value = option;
    if (value == null) {
      value = env.get(variable);
      source = variable;
      if (value == null || value.isBlank()) {
        return fallback;
      }
    }
    String normalised = value.strip().toLowerCase(Locale.ROOT);
    if (!accepted.contains(normalised)) {
      throw new IllegalArgumentException(
          source + " must be one of " + String.join(", ", accepted) + ", was '" + value + "'");
    }
    return normalised;
  }

  /**
   * Reloads {@code logback.xml} with the settings. Does nothing when slf4j is bound to another
   * backend, or when the user chose a configuration file ({@code -Dlogback.configurationFile}).
   *
   * @param settings the settings
   */
  static void configure(Settings settings) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)
        || System.getProperty("logback.configurationFile") != null) {
      return;
    }
    URL config = Logging.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    context.putProperty("steward.log.format", settings.format());
    context.putProperty("steward.log.level", settings.level().toUpperCase(Locale.ROOT));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    long since = System.currentTimeMillis();
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + config + ": " + e, e);
    }
    List<String> errors = new ArrayList<>();
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      if (status.getLevel() == Status.ERROR && status.getTimestamp() >= since) {
        errors.add(status.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "cannot configure logging from " + config + ": " + String.join("; ", errors));
    }
  }
}
