package dev.steward.guard;

import dev.steward.guard.models.EnvironmentSignal;
import java.util.List;
import java.util.Map;

/**
 * One step of the environment detection chain. Built-in steps are in {@link EnvironmentDetectors};
 * add your own (for example an Azure Instance Metadata Service lookup) with {@link
 * ProductionGuard.Builder#addDetector}.
 *
 * <p>A step reports what it saw as {@link EnvironmentSignal}s, each with its evidence. A decisive
 * signal (an explicit declaration) ends the chain; otherwise every step runs, and signals pointing
 * to different environments make the result {@link dev.steward.guard.models.Environment#MIXED}. A
 * step that throws, or does not answer within the guard's check timeout, fails the detection and
 * the guard prohibits every operation until it works (fail closed).
 */
@FunctionalInterface
public interface EnvironmentDetector {

  /**
   * Looks for signals.
   *
   * @param environmentVariables the process environment as injected into the guard (never read
   *     {@link System#getenv()} directly, so tests stay hermetic)
   * @return the signals seen; empty when the step saw nothing
   * @throws Exception when the step cannot tell; the guard then fails closed
   */
  List<EnvironmentSignal> detect(Map<String, String> environmentVariables) throws Exception;
}
