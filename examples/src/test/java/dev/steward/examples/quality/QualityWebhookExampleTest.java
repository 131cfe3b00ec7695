package dev.steward.examples.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.examples.client.AuthenticationExample;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The webhook example against the emulator: the event lands once, its replay is refused. */
class QualityWebhookExampleTest {

  @Test
  void aSignedEventIsAppliedAndItsReplayRefused() throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client =
          AuthenticationExample.withEmulator(emulator.endpoint(), emulator.token());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var statuses =
          QualityWebhookExample.run(
              client,
              "test-secret-at-least-16-bytes".getBytes(StandardCharsets.UTF_8),
              new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(statuses).containsExactly(200, 409);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("HTTP 200", "HTTP 409");
      assertThat(
              client
                  .entities()
                  .getByUniqueAttributes(
                      "azure_sql_table",
                      "mssql://contoso-sql.database.windows.net/sales/dbo/orders")
                  .entity()
                  .businessAttributes())
          .containsKey("QALITA");
    }
  }
}
