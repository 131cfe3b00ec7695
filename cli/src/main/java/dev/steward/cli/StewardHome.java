package dev.steward.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option shared by commands that keep state: connections, schedules, checkpoints
 * and the audit trail live under it.
 */
public final class StewardHome {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Where Steward keeps connections, schedules, checkpoints and the audit trail"
              + " (default: $STEWARD_HOME, else ~/.steward).")
  Path home;

  /** Creates the option holder. */
  public StewardHome() {}

  /**
   * The home directory.
   *
   * @return the directory
   */
  public Path dir() {
    if (home != null) {
      return home;
    }
    return of(System.getenv());
  }

  /**
   * The home directory for an environment.
   *
   * @param env the environment variables
   * @return {@code $STEWARD_HOME}, else {@code ~/.steward}
   */
  public static Path of(Map<String, String> env) {
    String value = env.get("STEWARD_HOME");
    return value != null && !value.isBlank()
        ? Path.of(value)
        : Path.of(System.getProperty("user.home"), ".steward");
  }

  /**
   * The connection registry file.
   *
   * @return {@code HOME/connections.json}
   */
  public Path connections() {
    return dir().resolve("connections.json");
  }

  /**
   * The schedule store file.
   *
   * @return {@code HOME/schedules.json}
   */
  public Path schedules() {
    return dir().resolve("schedules.json");
  }

  /**
   * The checkpoint directory.
   *
   * @return {@code HOME/checkpoints}
   */
  public Path checkpoints() {
    return dir().resolve("checkpoints");
  }

  /**
   * The audit trail directory.
   *
   * @return {@code HOME/audit}
   */
  public Path audit() {
    return dir().resolve("audit");
  }
}
