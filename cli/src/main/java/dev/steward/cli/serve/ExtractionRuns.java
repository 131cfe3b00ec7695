package dev.steward.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.Connections;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.CheckpointStore;
import dev.steward.governance.extract.ExtractionProgress;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.extract.ExtractionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand extractions started by {@code POST /api/extractions}: each runs on the executor and
 * keeps its status, progress and result for {@code GET /api/extractions/{id}}. The newest 1000 are
 * kept.
 */
final class ExtractionRuns {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractionRuns.class);
  private static final int KEEP = 1000;

  enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** One run; fields are guarded by the run's monitor. */
  static final class Run {
    final String id;
    final String connection;
    final Path output;
    final Instant created;
    State state = State.QUEUED;
    ExtractionProgress progress;
    ExtractionResult result;
    String error;

    Run(String id, String connection, Path output, Instant created) {
      this.id = id;
      this.connection = connection;
      this.output = output;
      this.created = created;
    }

    synchronized ObjectNode toJson() {
      ObjectNode node = JsonBody.JSON.createObjectNode();
      node.put("id", id);
      node.put("connection", connection);
      node.put("status", state.name());
      node.put("created", created.toString());
      node.put("output", output.toString());
      if (progress != null) {
        ObjectNode p = node.putObject("progress");
        p.put("written", progress.written());
        p.put("pages", progress.pages());
        p.put("total", progress.total());
        p.put("elapsedMs", progress.elapsed().toMillis());
      }
      if (result != null) {
        ObjectNode r = node.putObject("result");
        r.put("written", result.written());
        r.put("total", result.total());
        r.put("pages", result.pages());
        r.put("durationMs", result.duration().toMillis());
        ObjectNode byType = r.putObject("byType");
        result.byType().forEach(byType::put);
      }
      if (error != null) {
        node.put("error", error);
      }
      return node;
    }
  }

  private final ExecutorService executor;
  private final Path directory;
  private final CheckpointStore checkpoints;
  private final AuditTrail audit;
  private final Map<String, String> env;
  private final Supplier<Instant> clock;
  private final MeterRegistry meters;
  private final Map<String, Run> runs =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
          return size() > KEEP;
        }
      };

  ExtractionRuns(
      ExecutorService executor,
      Path directory,
      CheckpointStore checkpoints,
      AuditTrail audit,
      Map<String, String> env,
      Supplier<Instant> clock,
      MeterRegistry meters) {
    this.meters = meters;
    this.executor = executor;
    this.directory = directory;
    this.checkpoints = checkpoints;
    this.audit = audit;
    this.env = env;
    this.clock = clock;
  }

  Run start(PurviewConnection connection, ExtractionRequest request) {
    String id = UUID.randomUUID().toString();
    Run run = new Run(id, connection.name(), directory.resolve(id + ".jsonl"), clock.get());
    synchronized (runs) {
      runs.put(id, run);
    }
    executor.execute(() -> execute(run, connection, request));
    return run;
  }

  Optional<Run> get(String id) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  private void execute(Run run, PurviewConnection connection, ExtractionRequest request) {
    synchronized (run) {
      run.state = State.RUNNING;
    }
    try {
      CatalogExtractor.Builder extractor =
          CatalogExtractor.builder(
                  Connections.clientBuilder(connection, env).meterRegistry(meters).buildClient())
              .meterRegistry(meters)
              .checkpoints(checkpoints)
              .listener(
                  progress -> {
                    synchronized (run) {
                      run.progress = progress;
                    }
                  });
      if (audit != null) {
        extractor.audit(audit, "serve:extraction:" + run.id);
      }
      java.nio.file.Files.createDirectories(directory);
      ExtractionResult result = extractor.build().extractToFile(request, run.output);
      synchronized (run) {
        run.result = result;
        run.state = State.SUCCEEDED;
      }
    } catch (Exception e) {
      LOG.warn("extraction {} for connection {} failed: {}", run.id, run.connection, e.toString());
      synchronized (run) {
        run.error = e.getClass().getSimpleName() + ": " + e.getMessage();
        run.state = State.FAILED;
      }
    }
  }
}
