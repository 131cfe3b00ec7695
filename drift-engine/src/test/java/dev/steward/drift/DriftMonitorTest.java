package dev.steward.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftMonitorTest {

  private final DriftEngine engine = DriftEngine.create();
  private final ObjectNode base = Arm.storage();

  private DriftReport withTags(String costCenter) {
    ObjectNode cur = Arm.copy(base);
    ((ObjectNode) cur.get("tags")).put("costCenter", costCenter);
    return engine.compare(base, cur);
  }

  @Test
  void confirmsAfterTwoOfThreeAndForgetsCleanPaths(@TempDir Path dir) {
    Path state = dir.resolve("state.json");
    DriftMonitor monitor = DriftMonitor.builder().store(new FileObservationStore(state)).build();
    DriftReport first = monitor.observe(withTags("IT"));
    assertThat(first.drifts()).isEmpty();
    assertThat(first.summary().pending()).isEqualTo(1);
    DriftReport second = monitor.observe(withTags("IT"));
    assertThat(second.drifts()).extracting(Drift::path).containsExactly("tags.costCenter");
    assertThat(second.summary().drifts()).containsEntry(Severity.LOW, 1);
    // a one-off blip after a clean run is pending again, then disappears
    monitor.observe(withTags("Finance"));
    monitor.observe(withTags("Finance"));
    assertThat(monitor.observe(withTags("Finance")).summary().pending()).isZero();
    assertThat(new FileObservationStore(state).load()).isEmpty();
  }

  @Test
  void criticalIsNeverDebounced(@TempDir Path dir) {
    DriftMonitor monitor =
        DriftMonitor.builder()
            .store(new FileObservationStore(dir.resolve("s.json")))
            .confirmAfter(3, 3)
            .build();
    ObjectNode cur = Arm.copy(base);
    ((ObjectNode) cur.get("properties")).put("allowBlobPublicAccess", true);
    DriftReport r = monitor.observe(engine.compare(base, cur));
    assertThat(r.drifts()).extracting(Drift::severity).containsExactly(Severity.CRITICAL);
  }

  @Test
  void flappingPathsAreHeldBackWithHysteresis(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("s.json");
    DriftMonitor monitor =
        DriftMonitor.builder()
            .store(new FileObservationStore(state))
            .confirmAfter(1, 1)
            .flapDetection(6, 50, 20)
            .build();
    String[] values = {"A", "B", "A", "B"};
    DriftReport last = null;
    for (String v : values) {
      last = monitor.observe(withTags(v));
    }
    assertThat(last.drifts()).isEmpty();
    assertThat(last.summary().flapping()).isEqualTo(1);
    assertThat(Files.readString(state)).contains("\"flapping\" : true").doesNotContain("Finance");
    // Settles on B: still flapping while the change rate is above the low threshold ...
    assertThat(monitor.observe(withTags("B")).summary().flapping()).isEqualTo(1);
    assertThat(monitor.observe(withTags("B")).summary().flapping()).isEqualTo(1);
    assertThat(monitor.observe(withTags("B")).summary().flapping()).isEqualTo(1);
    assertThat(monitor.observe(withTags("B")).summary().flapping()).isEqualTo(1);
    // ... and released once it falls below it.
    DriftReport settled = monitor.observe(withTags("B"));
    assertThat(settled.summary().flapping()).isZero();
    assertThat(settled.drifts()).extracting(Drift::path).containsExactly("tags.costCenter");
  }

  @Test
  void badOptionsAndCorruptStateAreReported(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> DriftMonitor.builder().confirmAfter(4, 3))
        .hasMessageContaining("between 1 and the window");
    Path state = dir.resolve("s.json");
    Files.writeString(state, "{not json");
    DriftMonitor monitor = DriftMonitor.builder().store(new FileObservationStore(state)).build();
    assertThatThrownBy(() -> monitor.observe(withTags("X")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(state.toString());
  }
}
