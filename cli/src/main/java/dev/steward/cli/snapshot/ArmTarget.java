package dev.steward.cli.snapshot;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.steward.cli.governance.Loopback;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code [--endpoint URL] [--token T]}: which Azure Resource Manager a command talks to. Use it as
 * a {@code @Mixin}.
 */
public final class ArmTarget {

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = ArmClientBuilder.DEFAULT_ENDPOINT,
      description =
          "Azure Resource Manager endpoint (default: ${DEFAULT-VALUE}; http:// only on loopback,"
              + " for tests).")
  String endpoint;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "A bearer token for ARM; without it DefaultAzureCredential is used.")
  String token;

  /** Creates the option holder (picocli fills it). */
  public ArmTarget() {}

  /**
   * The ARM client for the chosen endpoint.
   *
   * @param spec the command, for errors
   * @return the client
   */
  public ArmClient client(CommandSpec spec) {
    try {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--endpoint '" + endpoint + "' is not a URL");
    }
    try {
      return new ArmClientBuilder()
          .endpoint(endpoint)
          .allowInsecureLoopback(Loopback.isLoopback(endpoint))
          .credential(
              token != null
                  ? new StaticTokenCredential(token)
                  : new DefaultAzureCredentialBuilder().build())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--endpoint: " + e.getMessage());
    }
  }
}
