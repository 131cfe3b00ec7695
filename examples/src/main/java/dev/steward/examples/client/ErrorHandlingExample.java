package dev.steward.examples.client;

import dev.steward.purview.EntityNotFoundException;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.PurviewException;
import dev.steward.purview.PurviewRetryOptions;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.ThrottledException;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.AtlasEntityWithExtInfo;
import dev.steward.purview.models.ExistingClassification;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed errors, retries and the rate limit: what a sync job needs to survive a real Purview
 * account.
 */
public final class ErrorHandlingExample {
  private ErrorHandlingExample() {}

  /**
   * A client that retries 408/429/5xx and dropped connections up to 6 times within 5 minutes
   * (honouring {@code Retry-After}) and never sends more than 25 requests a second.
   *
   * @param endpoint the endpoint
   * @param token a bearer token (for the emulator)
   * @return the client
   */
  public static PurviewDataMapClient resilientClient(String endpoint, String token) {
    // snippet:begin retry-options
    return new PurviewDataMapClientBuilder()
        .endpoint(endpoint)
        .allowInsecureLoopback(true)
        .credential(new StaticTokenCredential(token))
        .retry(
            PurviewRetryOptions.defaults()
                .withMaxAttempts(6)
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(20))
                .withMaxElapsed(Duration.ofMinutes(5)))
        .rateLimit(25)
        .buildClient();
    // snippet:end retry-options
  }

  /**
   * Reads an entity that may not exist.
   *
   * @param client the client
   * @param guid the guid
   * @return the entity, or empty when Purview has no entity with that guid
   */
  public static Optional<AtlasEntityWithExtInfo> findEntity(
      PurviewDataMapClient client, String guid) {
    // snippet:begin typed-errors
    try {
      return Optional.of(client.entities().get(guid));
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    } catch (ThrottledException e) {
      throw new IllegalStateException(
          "Purview is throttling us after " + e.attempts() + " attempts; try later", e);
    } catch (PurviewException e) {
      // Status, Atlas error code and request id: what Microsoft support asks for.
      throw new IllegalStateException(
          "HTTP " + e.statusCode() + " " + e.errorCode() + " (request id " + e.requestId() + ")",
          e);
    }
    // snippet:end typed-errors
  }

  /**
   * Classifies an entity, idempotently: running it twice is not an error.
   *
   * @param client the client
   * @param guid the entity
   * @param classification e.g. {@code MICROSOFT.PERSONAL.EMAIL}
   */
  public static void classify(PurviewDataMapClient client, String guid, String classification) {
    // snippet:begin classify-idempotently
    client
        .entities()
        .addClassificationsWithResponse(
            guid,
            List.of(AtlasClassification.of(classification)),
            ExistingClassification.SKIP,
            null);
    // snippet:end classify-idempotently
  }

  /**
   * Runs against an emulator that fails the next two requests with 503.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (PurviewEmulator purview = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client = resilientClient(purview.endpoint(), purview.token());
      purview.faults().failNext(2);
      System.out.println("missing entity: " + findEntity(client, "no-such-guid"));
    }
  }
}
