package dev.steward.cli.serve;

import dev.steward.cli.serve.Route.Request;
import dev.steward.cli.serve.Route.Response;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.ConnectionRegistry;
import dev.steward.governance.connection.Connections;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.quality.WebhookResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code POST /api/quality/webhook}: governance-core's {@link QualityWebhookHandler} (HMAC-signed
 * events, replay window) behind the API's bearer token. Without a {@code quality} section in the
 * config the route answers 503 saying what to configure.
 */
final class QualityRoute {

  private final QualityWebhookHandler handler;

  private QualityRoute(QualityWebhookHandler handler) {
    this.handler = handler;
  }

  static QualityRoute create(
      ServeConfig.Quality quality,
      ConnectionRegistry connections,
      AuditTrail audit,
      Map<String, String> env,
      MeterRegistry meters) {
    if (quality == null) {
      return new QualityRoute(null);
    }
    PurviewConnection connection =
        connections
            .get(quality.connection())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "quality.connection: no connection named '" + quality.connection() + "'"));
    String secret;
    try {
      secret = SecretReference.parse(quality.secret()).resolve(env);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("quality.secret: " + e.getMessage(), e);
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < 16) {
      throw new IllegalArgumentException("quality.secret: the secret must be 16 bytes or more");
    }
    QualityMapping mapping = QualityMapping.read(Path.of(quality.mapping()));
    QualitySync sync =
        QualitySync.builder(
                Connections.clientBuilder(connection, env).meterRegistry(meters).buildClient(),
                mapping)
            .audit(audit, "serve:webhook")
            .meterRegistry(meters)
            .build();
    return new QualityRoute(
        QualityWebhookHandler.builder(sync, secret.getBytes(StandardCharsets.UTF_8)).build());
  }

  Response handle(Request request) {
    if (handler == null) {
      throw new ApiException(
          503,
          "NotConfigured",
          "the quality webhook is not configured: add a 'quality' section (connection, mapping,"
              + " secret) to the --config file",
          "quality");
    }
    WebhookResponse response = handler.handle(request.headers(), request.body());
    return new Response(
        response.status(),
        "application/json",
        response.body().getBytes(StandardCharsets.UTF_8),
        Map.of());
  }
}
