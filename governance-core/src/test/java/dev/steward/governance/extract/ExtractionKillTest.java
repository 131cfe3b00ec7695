package dev.steward.governance.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM in the middle of an extraction and checks that a rerun completes exactly. */
class ExtractionKillTest {

  @TempDir Path dir;

  private static String childClasspath() {
    List<String> entries = new ArrayList<>();
    entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        entries.add(value);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static long lines(Path file) throws Exception {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var stream = Files.lines(file)) {
      return stream.count();
    }
  }

  @Test
  void aKilledRunIsFinishedByTheNextOneWithEveryAssetOnce() throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().generate(2000).start()) {
      // Slow the bulk reads down so the child is surely mid-run when it is killed.
      emulator.faults().onRoute("/atlas/v2/entity/bulk").delay(Duration.ofMillis(40));
      Path out = dir.resolve("catalogue.jsonl");
      Path partial = dir.resolve("catalogue.jsonl.partial");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  childClasspath(),
                  ExtractionChild.class.getName(),
                  emulator.endpoint(),
                  emulator.token(),
                  out.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines(partial) < 150) {
        assertThat(child.isAlive())
            .as(
                "child still running (log: %s)",
                Files.exists(dir.resolve("child.log"))
                    ? Files.readString(dir.resolve("child.log"))
                    : "")
            .isTrue();
        assertThat(System.nanoTime()).as("child wrote 150 assets within 60 s").isLessThan(deadline);
        Thread.onSpinWait();
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.exists(out)).as("no output file appears for a killed run").isFalse();
      long before = lines(partial);
      assertThat(before).isBetween(150L, 1999L);

      emulator.faults().clear();
      var client =
          new PurviewDataMapClientBuilder()
              .endpoint(emulator.endpoint())
              .credential(new StaticTokenCredential(emulator.token()))
              .allowInsecureLoopback(true)
              .buildClient();
      ExtractionResult rerun =
          CatalogExtractor.builder(client)
              .build()
              .extractToFile(ExtractionRequest.builder().pageSize(50).build(), out);

      assertThat(rerun.resumed()).isGreaterThanOrEqualTo(before - 1).isLessThanOrEqualTo(before);
      assertThat(rerun.total()).isEqualTo(2000);
      Set<String> guids = new HashSet<>();
      for (String line : Files.readAllLines(out)) {
        int start = line.indexOf("\"guid\":\"") + 8;
        assertThat(guids.add(line.substring(start, line.indexOf('"', start)))).isTrue();
      }
      assertThat(guids).hasSize(2000);
      assertThat(Files.exists(partial)).isFalse();
    }
  }
}
