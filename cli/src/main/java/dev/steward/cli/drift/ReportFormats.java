package dev.steward.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.DriftRules;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.DriftSummary;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.RuleDescription;
import dev.steward.drift.models.Severity;
import dev.steward.drift.models.SourceLocation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a drift report as JSON, text, Markdown or SARIF 2.1.0. */
final class ReportFormats {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private ReportFormats() {}

  static String json(DriftReport report) {
    return write(report.toJson());
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ text

  private static final String RESET = "\u001b[0m";

  private static String colourOf(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;31m";
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[2m";
    };
  }

  static String text(DriftReport report, boolean colour) {
    StringBuilder sb = new StringBuilder();
    sb.append(headline(report.summary())).append(System.lineSeparator());
    for (Map.Entry<String, List<Drift>> group : byResource(report.drifts()).entrySet()) {
      Drift first = group.getValue().get(0);
      sb.append(System.lineSeparator())
          .append(first.resourceId())
          .append("  (")
          .append(first.resourceType())
          .append(')')
          .append(System.lineSeparator());
      for (Drift d : group.getValue()) {
        String sev = String.format(Locale.ROOT, "%-8s", d.severity());
        sb.append("  ").append(colour ? colourOf(d.severity()) + sev + RESET : sev).append("  ");
        sb.append(d.change()).append(' ').append(d.path().isEmpty() ? "(resource)" : d.path());
        if (d.change() == dev.steward.drift.models.ChangeType.MODIFIED) {
          sb.append(": ").append(brief(d.before())).append(" -> ").append(brief(d.after()));
        } else if (!d.path().isEmpty()) {
          sb.append(": ")
              .append(
                  brief(
                      d.change() == dev.steward.drift.models.ChangeType.ADDED
                          ? d.after()
                          : d.before()));
        }
        sb.append("  [").append(d.rule());
        if (d.certainty() != dev.steward.drift.models.Certainty.CERTAIN) {
          sb.append(", ").append(d.certainty().name().toLowerCase(Locale.ROOT));
        }
        sb.append(']').append(System.lineSeparator());
      }
    }
    return sb.toString();
  }

  private static String headline(DriftSummary s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.totalDrifts()).append(s.totalDrifts() == 1 ? " drift" : " drifts");
    sb.append(" (");
    List<String> parts = new ArrayList<>();
    for (Severity sev : Severity.values()) {
      parts.add(s.drifts().get(sev) + " " + sev.name().toLowerCase(Locale.ROOT));
    }
    sb.append(String.join(", ", parts)).append(')');
    sb.append("; resources: ")
        .append(s.baselineResources())
        .append(" baseline, ")
        .append(s.currentResources())
        .append(" current, ")
        .append(s.addedResources())
        .append(" added, ")
        .append(s.removedResources())
        .append(" removed, ")
        .append(s.changedResources())
        .append(" changed");
    sb.append("; noise suppressed: ").append(s.totalSuppressed());
    List<String> noise = new ArrayList<>();
    for (Map.Entry<NoiseClass, Long> e : s.suppressed().entrySet()) {
      if (e.getValue() > 0) {
        noise.add(e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue());
      }
    }
    if (!noise.isEmpty()) {
      sb.append(" (").append(String.join(", ", noise)).append(')');
    }
    if (s.pending() > 0 || s.flapping() > 0) {
      sb.append("; held back: ")
          .append(s.pending())
          .append(" pending, ")
          .append(s.flapping())
          .append(" flapping");
    }
    return sb.toString();
  }

  private static Map<String, List<Drift>> byResource(List<Drift> drifts) {
    Map<String, List<Drift>> groups = new LinkedHashMap<>();
    for (Drift d : drifts) {
      groups
          .computeIfAbsent(d.resourceId().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(d);
    }
    return groups;
  }

  private static String brief(JsonNode v) {
    if (v == null || v.isNull()) {
      return "(absent)";
    }
    String s = v.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  // -------------------------------------------------------------- markdown

  static String markdown(DriftReport report) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder("## Configuration drift").append(nl).append(nl);
    sb.append(headline(report.summary())).append(nl).append(nl);
    if (report.drifts().isEmpty()) {
      return sb.append("No drift.").append(nl).toString();
    }
    sb.append("| severity | resource | path | change | before | after | rule |").append(nl);
    sb.append("|---|---|---|---|---|---|---|").append(nl);
    for (Drift d : report.drifts()) {
      sb.append("| ")
          .append(d.severity())
          .append(" | `")
          .append(cell(shortId(d.resourceId())))
          .append("` | `")
          .append(cell(d.path().isEmpty() ? "(resource)" : d.path()))
          .append("` | ")
          .append(d.change())
          .append(" | ")
          .append(cell(d.before() == null ? "" : brief(d.before())))
          .append(" | ")
          .append(cell(d.after() == null ? "" : brief(d.after())))
          .append(" | ")
          .append(cell(d.rule()))
          .append(" |")
          .append(nl);
    }
    return sb.toString();
  }

  private static String shortId(String id) {
    int p = id.toLowerCase(Locale.ROOT).indexOf("/providers/");
    return p < 0 ? id : id.substring(p + 11);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  // ----------------------------------------------------------------- sarif

  static String sarif(DriftReport report, DriftRules rules, Path baseline, Path current) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SARIF_SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "steward-drift");
    driver.put("informationUri", "https://github.com/steward-dev/steward");
    driver.put("semanticVersion", "0.1.0");
    ArrayNode sarifRules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    List<RuleDescription> all = new ArrayList<>(rules.severityRules());
    all.add(
        new RuleDescription(
            Drift.DEFAULT_RULE,
            "Configuration changed (no security rule matched)",
            Severity.LOW,
            null,
            null));
    for (RuleDescription r : all) {
      index.put(r.id(), index.size());
      ObjectNode o = sarifRules.addObject();
      o.put("id", r.id());
      o.put("name", camel(r.id()));
      o.putObject("shortDescription").put("text", r.title());
      o.putObject("fullDescription")
          .put(
              "text",
              r.title()
                  + ". A weakening change is "
                  + r.severity()
                  + ", the reverse change LOW."
                  + (r.policyName() == null ? "" : " Mirrors: " + r.policyName() + "."));
      if (r.policyUri() != null) {
        o.put("helpUri", r.policyUri());
      }
      // GitHub code scanning shows help.text next to each alert (and requires it for rules).
      String help =
          r.title()
              + ". Steward reports this when a resource's configuration changes at the rule's"
              + " path between the baseline and the current snapshot; a weakening change is "
              + r.severity()
              + ", the reverse change LOW."
              + (r.policyName() == null
                  ? ""
                  : " The rule mirrors the Azure Policy definition '" + r.policyName() + "'.");
      ObjectNode helpNode = o.putObject("help");
      helpNode.put("text", help);
      helpNode.put(
          "markdown",
          "**"
              + r.title()
              + "**\n\nA weakening change is **"
              + r.severity()
              + "**, the reverse change LOW."
              + (r.policyName() == null
                  ? ""
                  : "\n\nMirrors the Azure Policy definition ["
                      + r.policyName()
                      + "]("
                      + (r.policyUri() == null ? "" : r.policyUri())
                      + ")."));
      o.putObject("defaultConfiguration").put("level", level(r.severity()));
      ObjectNode props = o.putObject("properties");
      props.put("security-severity", securitySeverity(r.severity()));
      props.putArray("tags").add("security").add("azure").add("configuration-drift");
      props.put("precision", "high");
    }
    String baseUri = uri(baseline);
    String curUri = uri(current);
    ArrayNode artifacts = run.putArray("artifacts");
    artifacts.addObject().putObject("location").put("uri", baseUri);
    artifacts.addObject().putObject("location").put("uri", curUri);
    ArrayNode results = run.putArray("results");
    for (Drift d : report.drifts()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", d.rule());
      Integer ri = index.get(d.rule());
      if (ri != null) {
        res.put("ruleIndex", ri);
      }
      res.put("level", level(d.severity()));
      res.putObject("message").put("text", message(d));
      SourceLocation where = report.locationOf(d.resourceId());
      boolean removed =
          d.change() == dev.steward.drift.models.ChangeType.REMOVED && d.path().isEmpty();
      ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
      physical
          .putObject("artifactLocation")
          .put("uri", removed ? baseUri : curUri)
          .put("index", removed ? 0 : 1);
      ObjectNode region = physical.putObject("region");
      region.put("startLine", where == null || where.line() < 1 ? 1 : where.line());
      if (where != null && where.column() > 0) {
        region.put("startColumn", where.column());
      }
      ObjectNode logical =
          ((ObjectNode) res.get("locations").get(0)).putArray("logicalLocations").addObject();
      logical.put("name", d.path().isEmpty() ? shortId(d.resourceId()) : d.path());
      logical.put(
          "fullyQualifiedName", d.resourceId() + (d.path().isEmpty() ? "" : "#" + d.path()));
      logical.put("kind", "resource");
      res.putObject("partialFingerprints")
          .put(
              "stewardDrift/v1",
              fingerprint(
                  d.resourceId().toLowerCase(Locale.ROOT) + "|" + d.path() + "|" + d.change()));
      ObjectNode props = res.putObject("properties");
      props.put("severity", d.severity().name());
      props.put("certainty", d.certainty().name());
      props.put("resourceType", d.resourceType());
      props.put("change", d.change().name());
    }
    return write(root);
  }

  private static String message(Drift d) {
    String what = d.path().isEmpty() ? "resource" : d.path();
    String msg =
        d.severity()
            + ": "
            + d.change().name().toLowerCase(Locale.ROOT)
            + " "
            + what
            + " on "
            + d.resourceId();
    if (d.change() == dev.steward.drift.models.ChangeType.MODIFIED) {
      msg += " (" + brief(d.before()) + " -> " + brief(d.after()) + ")";
    }
    return msg;
  }

  /**
   * A snapshot file as a SARIF {@code artifactLocation.uri}: a relative path stays a relative URI
   * reference (GitHub code scanning resolves it against the repository root, which is what it
   * recommends), an absolute path becomes a {@code file:} URI; either way percent-encoded, so
   * spaces or {@code #} in a file name still give a valid {@code uri-reference}.
   */
  static String uri(Path p) {
    if (p.isAbsolute()) {
      return p.toUri().toASCIIString();
    }
    StringBuilder sb = new StringBuilder();
    for (Path part : p) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      try {
        sb.append(new java.net.URI(null, null, part.toString(), null).getRawPath());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("snapshot path is not a valid URI path: " + p, e);
      }
    }
    return sb.toString();
  }

  private static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /** GitHub code scanning reads {@code security-severity} (0-10) to rank security results. */
  private static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "2.0";
    };
  }

  private static String camel(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("[-_.]")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static String fingerprint(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
