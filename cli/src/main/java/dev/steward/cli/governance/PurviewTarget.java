package dev.steward.cli.governance;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.steward.cli.StewardHome;
import dev.steward.governance.connection.Connections;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.net.URI;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --connection NAME | --endpoint URL [--token T]}: which Purview account a command talks to.
 * Use it as an exclusive {@code @ArgGroup}.
 */
public final class PurviewTarget {

  @Option(
      names = "--connection",
      paramLabel = "NAME",
      description = "A connection from 'steward connections'.")
  String connection;

  @ArgGroup(exclusive = false, multiplicity = "0..1")
  Direct direct;

  /** Creates the option holder (picocli fills it). */
  public PurviewTarget() {}

  /** An endpoint given directly. */
  public static final class Direct {
    /** Creates the option holder (picocli fills it). */
    public Direct() {}

    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        required = true,
        description = "Account endpoint (http:// only on loopback, for the emulator).")
    String endpoint;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description = "A bearer token (the emulator's); without it DefaultAzureCredential is used.")
    String token;
  }

  /**
   * The client builder for the chosen account.
   *
   * @param spec the command, for errors
   * @param home the Steward home (connections)
   * @return the builder
   */
  public PurviewDataMapClientBuilder clientBuilder(CommandSpec spec, StewardHome home) {
    if (connection != null) {
      return Connections.clientBuilder(
          ConnectionsCommand.lookup(spec, home, connection), System.getenv());
    }
    String endpoint = direct.endpoint;
    try {
      URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--endpoint '" + endpoint + "' is not a URL");
    }
    return new PurviewDataMapClientBuilder()
        .endpoint(endpoint)
        .allowInsecureLoopback(Loopback.isLoopback(endpoint))
        .credential(
            direct.token != null
                ? new StaticTokenCredential(direct.token)
                : new DefaultAzureCredentialBuilder().build());
  }

  /**
   * The checkpoint key for this account: the connection name, or the endpoint's host and port.
   *
   * @return the key
   */
  public String checkpointKey() {
    if (connection != null) {
      return connection;
    }
    URI uri = URI.create(direct.endpoint);
    return uri.getHost() == null
        ? "endpoint"
        : uri.getHost().replaceAll("[^A-Za-z0-9._-]", "_")
            + (uri.getPort() > 0 ? "_" + uri.getPort() : "");
  }
}
