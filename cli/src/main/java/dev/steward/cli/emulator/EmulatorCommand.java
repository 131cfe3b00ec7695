package dev.steward.cli.emulator;

import dev.steward.cli.ExitCodes;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code steward emulator}: runs the local Purview Data Map emulator until interrupted, printing
 * its endpoint and token on one line.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs an in-memory Microsoft Purview Data Map (Atlas v2 + discovery,",
      "api-version 2023-09-01) on loopback until interrupted (Ctrl-C).",
      "Prints one line: endpoint=URL token=TOKEN",
      "Clients call URL/datamap/api/... with 'Authorization: Bearer TOKEN'.",
      "Admin: URL/emulator/stats, /emulator/faults, /emulator/reset (same token)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally",
      "2:bad option (for example an unknown seed)",
      "3:could not start (port in use, unreadable state file)"
    })
public final class EmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--seed",
      paramLabel = "NAME",
      defaultValue = "none",
      description = "Seed data: demo or none (default: ${DEFAULT-VALUE}).")
  String seed;

  @Option(
      names = "--generate",
      paramLabel = "N",
      defaultValue = "0",
      description = "Also create N entities, the same on every run (default: ${DEFAULT-VALUE}).")
  int generate;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "Load the store from FILE when it exists (instead of --seed/--generate) and save it there on exit.")
  Path state;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = PurviewEmulator.DEFAULT_TOKEN,
      description = "Bearer token to accept (default: ${DEFAULT-VALUE}).")
  String token;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Answer 429 + Retry-After above N operations per second; 0 = no limit (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  /** Released on shutdown (Ctrl-C); tests release it to stop the command. */
  final CountDownLatch stop = new CountDownLatch(1);

  /** Validates the options and builds the emulator configuration. */
  PurviewEmulator.Builder builder() {
    if (generate < 0) {
      throw new IllegalArgumentException("--generate must be >= 0, was " + generate);
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("--rate-limit must be >= 0, was " + rateLimit);
    }
    return PurviewEmulator.builder()
        .host(host)
        .port(port)
        .seed(seed)
        .generate(generate)
        .stateFile(state)
        .token(token)
        .rateLimit(rateLimit);
  }

  /** Released once the emulator is closed (and its state saved). */
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PurviewEmulator.Builder builder = builder();
    PrintWriter out = spec.commandLine().getOut();
    // On Ctrl-C the hook releases the main thread and waits until the emulator is closed, so a
    // --state file is saved before the JVM halts.
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                closed.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "steward-emulator-shutdown");
    try (PurviewEmulator emulator = builder.start()) {
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("endpoint=" + emulator.endpoint() + " token=" + emulator.token());
      out.flush();
      stop.await();
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the hook is running.
      }
    }
    return ExitCodes.OK;
  }
}
