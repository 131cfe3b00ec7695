package dev.steward.cli.governance;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.governance.connection.ConnectionTestResult;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.PurviewConnection.Authentication;
import dev.steward.governance.connection.SecretReference;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steward connections}: named Purview connections (secret references only). */
@Command(
    name = "connections",
    mixinStandardHelpOptions = true,
    description =
        "Manage named Purview connections. Secrets are never stored: only env:, file: or keyvault:// references.",
    subcommands = {
      ConnectionsCommand.Add.class,
      ConnectionsCommand.ListConnections.class,
      ConnectionsCommand.Test.class,
      ConnectionsCommand.Remove.class
    },
    synopsisSubcommandLabel = "(add | list | test | remove)")
public final class ConnectionsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required: add, list, test or remove");
  }

  /** Where the account is. */
  static final class Where {
    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        required = true,
        description = "Account endpoint, e.g. https://contoso.purview.azure.com.")
    String endpoint;

    @Option(
        names = "--account",
        paramLabel = "NAME",
        required = true,
        description = "Account name (endpoint https://NAME.purview.azure.com).")
    String account;

    String endpoint() {
      return endpoint != null ? endpoint : PurviewConnection.endpointForAccount(account);
    }
  }

  /** {@code steward connections add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add (or replace) a connection.",
      footer = {
        "",
        "Examples:",
        "  steward connections add contoso --account contoso --auth client-secret \\",
        "      --tenant-id TENANT --client-id APP --secret env:CONTOSO_PURVIEW_SECRET",
        "  steward connections add prod --account contoso-prod --auth managed-identity",
        "  steward connections add local --endpoint http://127.0.0.1:8080 --auth token --secret env:STEWARD_TOKEN"
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Parameters(index = "0", paramLabel = "NAME", description = "The connection's name.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(
        names = "--auth",
        paramLabel = "KIND",
        defaultValue = "default",
        description =
            "client-secret, managed-identity, default (DefaultAzureCredential) or token (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--tenant-id", paramLabel = "ID", description = "Entra tenant id.")
    String tenantId;

    @Option(
        names = "--client-id",
        paramLabel = "ID",
        description = "App registration or user-assigned identity client id.")
    String clientId;

    @Option(
        names = "--secret",
        paramLabel = "REF",
        description =
            "Where the client secret (or token) lives: env:VARIABLE, file:/path or keyvault://VAULT/SECRET[/VERSION] (read with managed identity, then DefaultAzureCredential).")
    String secret;

    @Override
    public Integer call() {
      Authentication authentication;
      try {
        authentication = Authentication.valueOf(auth.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--auth must be client-secret, managed-identity, default or token, was '" + auth + "'");
      }
      PurviewConnection connection;
      try {
        String endpoint = where.endpoint();
        connection =
            new PurviewConnection(
                name,
                endpoint,
                authentication,
                tenantId,
                clientId,
                secret == null ? null : SecretReference.parse(secret),
                Loopback.isLoopback(endpoint));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      FileConnectionRegistry registry = new FileConnectionRegistry(home.connections());
      boolean replaced = registry.add(connection);
      spec.commandLine()
          .getOut()
          .printf(
              "%s connection '%s' (%s) in %s%n",
              replaced ? "replaced" : "added", name, connection.endpoint(), registry.file());
      return ExitCodes.OK;
    }
  }

  /** {@code steward connections list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List connections.")
  static final class ListConnections implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Override
    public Integer call() {
      List<PurviewConnection> all = new FileConnectionRegistry(home.connections()).list();
      PrintWriter out = spec.commandLine().getOut();
      if (all.isEmpty()) {
        out.println("no connections (add one with 'steward connections add')");
      }
      for (PurviewConnection c : all) {
        out.printf(
            "%-16s %-45s %-16s %s%n",
            c.name(),
            c.endpoint(),
            c.authentication().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            c.secret() == null ? "" : "secret " + c.secret());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code steward connections test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = "Test a connection step by step: DNS, TLS, token, authorization, Data Map.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:every step passed",
        "1:a step failed (its diagnosis is printed)",
        "2:no such connection"
      })
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Parameters(index = "0", paramLabel = "NAME", description = "The connection's name.")
    String name;

    @Override
    public Integer call() {
      PurviewConnection connection = lookup(spec, home, name);
      ConnectionTestResult result = ConnectionTester.builder().build().test(connection);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("testing connection '%s' (%s)%n", name, connection.endpoint());
      for (ConnectionTestResult.Step step : result.steps()) {
        out.printf(
            "  %-14s %-7s %6d ms  %s%n",
            step.name(), step.status(), step.duration().toMillis(), step.detail());
        if (!step.diagnosis().isEmpty()) {
          out.printf("  %-14s         -> %s%n", "", step.diagnosis());
        }
      }
      out.println(result.ok() ? "connection OK" : "connection FAILED");
      return result.ok() ? ExitCodes.OK : ExitCodes.FOUND;
    }
  }

  /** {@code steward connections remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a connection.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StewardHome home = new StewardHome();

    @Parameters(index = "0", paramLabel = "NAME", description = "The connection's name.")
    String name;

    @Override
    public Integer call() {
      if (!new FileConnectionRegistry(home.connections()).remove(name)) {
        throw new ParameterException(spec.commandLine(), "no connection named '" + name + "'");
      }
      spec.commandLine().getOut().printf("removed connection '%s'%n", name);
      return ExitCodes.OK;
    }
  }

  /**
   * Finds a connection by name or fails with a usage error naming the registry file.
   *
   * @param spec the command, for the error
   * @param home the Steward home
   * @param name the connection name
   * @return the connection
   */
  public static PurviewConnection lookup(CommandSpec spec, StewardHome home, String name) {
    FileConnectionRegistry registry = new FileConnectionRegistry(home.connections());
    return registry
        .get(name)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "no connection named '"
                        + name
                        + "' in "
                        + registry.file()
                        + " (see 'steward connections list')"));
  }
}
