package dev.steward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the version the CLI was built as, read from a resource the build filters. */
final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  /** Returns the Steward version, for example {@code 0.1.0-SNAPSHOT}. */
  static String stewardVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "dev/steward/cli/" + RESOURCE + " is missing from the classpath: rebuild the CLI");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/steward/cli/" + RESOURCE, e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "steward " + stewardVersion(),
      "Java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vendor")
          + "), "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch")
    };
  }
}
