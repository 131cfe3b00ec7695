package dev.steward.cli.serve;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steward serve}: the HTTP API, {@code /health} and {@code /metrics}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve Steward over HTTP: connections, on-demand and scheduled extractions, the scheduler,"
          + " the quality webhook and drift under /api (bearer token required), /health/live,"
          + " /health/ready and /metrics (Prometheus) without authentication.",
      "The API token comes from the config file's 'token' reference (env:VARIABLE or"
          + " file:/path); without one every /api route answers 401. GET /api/openapi returns the"
          + " OpenAPI document. Runs until interrupted."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"2:bad input (config file, token reference, port in use)"})
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StewardHome home = new StewardHome();

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on (default: the config file's, else 8080; 0 picks one).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on (default: the config file's, else 127.0.0.1).")
  String host;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "JSON or YAML: host, port, token (a reference), connections, audit, maxBodyBytes,"
              + " threads, readiness, quality.")
  Path config;

  java.util.Map<String, String> env = System.getenv();
  CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServeConfig settings;
    try {
      settings = config == null ? ServeConfig.empty() : ServeConfig.read(config);
    } catch (IllegalArgumentException e) {
      err.println("serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    StewardServer server;
    try {
      server =
          StewardServer.builder(home.dir()).config(settings).env(env).host(host).port(port).start();
    } catch (IllegalArgumentException e) {
      err.println("serve: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("serve: cannot listen: " + e);
      return ExitCodes.USAGE;
    }
    try (server) {
      out.printf(
          "listening on http://%s:%d (API under /api, /health/live, /health/ready, /metrics)%n",
          server.host(), server.port());
      if (!server.authenticationConfigured()) {
        err.println("serve: " + StewardServer.NO_TOKEN);
      }
      out.flush();
      err.flush();
      Thread hook = new Thread(stop::countDown, "steward-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is exiting and running the hook: nothing to remove
        }
      }
    }
    return ExitCodes.OK;
  }
}
