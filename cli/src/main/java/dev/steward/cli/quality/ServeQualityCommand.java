package dev.steward.cli.quality;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.cli.governance.PurviewTarget;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.quality.QualityInputException;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code steward sync-quality serve}: receive quality webhooks and apply them. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Receive signed quality events (POST /quality/webhook) and apply each through the same"
          + " reconcile as sync-quality. Senders sign with HMAC-SHA256: header X-Steward-Signature:"
          + " sha256=HEX of TIMESTAMP.BODY, header X-Steward-Timestamp: epoch seconds.",
      "Runs until interrupted."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"2:bad input (mapping, missing secret variable, port in use)"})
public final class ServeQualityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StewardHome home = new StewardHome();

  @ArgGroup(exclusive = true, multiplicity = "1")
  PurviewTarget target;

  @Option(names = "--mapping", paramLabel = "FILE", required = true, description = "Mapping file.")
  Path mapping;

  @Option(names = "--port", paramLabel = "N", required = true, description = "Port to listen on.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--secret-env",
      paramLabel = "VAR",
      required = true,
      description = "Environment variable holding the shared HMAC secret (16 bytes or more).")
  String secretEnv;

  Map<String, String> env = System.getenv();
  CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String secret = env.get(secretEnv);
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 16) {
      throw new ParameterException(
          spec.commandLine(),
          "environment variable " + secretEnv + " must hold the webhook secret (16 bytes or more)");
    }
    QualityMapping map;
    try {
      map = QualityMapping.read(mapping);
    } catch (QualityInputException | UncheckedIOException e) {
      err.println("sync-quality serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (AuditTrail audit = AuditTrail.builder(home.audit()).build()) {
      QualitySync sync =
          QualitySync.builder(target.clientBuilder(spec, home).buildClient(), map)
              .audit(audit, "webhook")
              .build();
      QualityWebhookHandler handler =
          QualityWebhookHandler.builder(sync, secret.getBytes(StandardCharsets.UTF_8)).build();
      try (WebhookServer server = new WebhookServer(handler, bind, port)) {
        out.printf(
            "listening on http://%s:%d%s (%d datasets mapped)%n",
            bind, server.port(), WebhookServer.PATH, map.entries().size());
        out.flush();
        Thread hook = new Thread(stop::countDown, "steward-quality-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
      } catch (IOException e) {
        err.println("sync-quality serve: cannot listen on " + bind + ":" + port + ": " + e);
        return ExitCodes.USAGE;
      }
    }
    return ExitCodes.OK;
  }
}
