package dev.steward.guard;

import dev.steward.guard.implementation.Deadline;
import dev.steward.guard.models.Confirmation;
import dev.steward.guard.models.ConfirmationRequest;
import dev.steward.guard.models.Reason;
import java.io.BufferedReader;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in {@link ConfirmationProvider}s and the confirmation phrase.
 *
 * <p>The phrase names the target: {@code CONFIRM_DANGEROUS_OPERATION <target>}. A confirmation for
 * one target never confirms another, is accepted once, and only within the guard's time limit (five
 * minutes by default).
 */
public final class Confirmations {

  /** The first word of every confirmation phrase. */
  public static final String PHRASE_PREFIX = ConfirmationRequest.PHRASE_PREFIX;

  /** The environment variable {@link #environment} reads. */
  public static final String STEWARD_CONFIRM = "STEWARD_CONFIRM";

  private static final AtomicLong IDS = new AtomicLong();

  private Confirmations() {}

  /**
   * The phrase that confirms an operation on a target.
   *
   * @param targetName the target's name
   * @return {@code CONFIRM_DANGEROUS_OPERATION <targetName>}
   */
  public static String phraseFor(String targetName) {
    return ConfirmationRequest.phraseFor(targetName);
  }

  /**
   * A provider your code feeds, for example from a web form or a chat-ops approval.
   *
   * @param clock the clock that stamps when a confirmation is given (use the guard's clock)
   * @return the provider
   */
  public static ProgrammaticConfirmations programmatic(Clock clock) {
    return new ProgrammaticConfirmations(clock);
  }

  /**
   * A provider that prompts on the process's console ({@link System#console()}); it gives nothing
   * when there is no console (a service, CI), so the decision stays {@code REQUIRE_CONFIRMATION}.
   *
   * @param clock the clock that stamps when a confirmation is given
   * @return the provider
   */
  public static ConfirmationProvider console(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return request -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return prompt(new BufferedReader(console.reader()), console.writer(), clock, request);
    };
  }

  /**
   * A provider that prompts on the given streams, for tests and terminal programs that manage their
   * own I/O.
   *
   * @param in where the typed line is read from
   * @param out where the prompt is written to
   * @param clock the clock that stamps when a confirmation is given
   * @return the provider
   */
  public static ConfirmationProvider console(BufferedReader in, PrintWriter out, Clock clock) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(clock, "clock");
    return request -> prompt(in, out, clock, request);
  }

  /**
   * A provider that reads {@value #STEWARD_CONFIRM} from the environment, for non-interactive runs:
   * {@code STEWARD_CONFIRM='CONFIRM_DANGEROUS_OPERATION orders-db'}. The confirmation counts as
   * given when this provider is created (when the guard is built), so it expires after the guard's
   * time limit, and it is accepted once per guard.
   *
   * @param environmentVariables the process environment
   * @param clock the clock
   * @return the provider
   */
  public static ConfirmationProvider environment(
      Map<String, String> environmentVariables, Clock clock) {
    String typed = environmentVariables.get(STEWARD_CONFIRM);
    if (typed == null || typed.isBlank()) {
      return request -> Optional.empty();
    }
    Confirmation confirmation =
        new Confirmation(
            "env-" + IDS.incrementAndGet(),
            typed,
            clock.instant(),
            "environment variable " + STEWARD_CONFIRM);
    return request -> Optional.of(confirmation);
  }

  private static Optional<Confirmation> prompt(
      BufferedReader in, PrintWriter out, Clock clock, ConfirmationRequest request)
      throws java.io.IOException {
    out.println(
        "The guard needs a confirmation for "
            + request.operation().describe()
            + " in "
            + request.environment().label()
            + ":");
    for (Reason reason : request.reasons()) {
      out.println("  - " + reason);
    }
    out.print(
        "Type '"
            + request.phrase()
            + "' to continue (valid "
            + Deadline.human(request.validFor())
            + "), anything else cancels: ");
    out.flush();
    String line = in.readLine();
    if (line == null) {
      return Optional.empty();
    }
    return Optional.of(new Confirmation(next("console"), line, clock.instant(), "console"));
  }

  static String next(String prefix) {
    return prefix + "-" + IDS.incrementAndGet();
  }
}
