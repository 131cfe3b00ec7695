package dev.steward.governance.quality;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One quality measurement of a dataset (or of one of its fields), as a quality tool reports it.
 *
 * @param datasetId the quality tool's dataset id (QALITA's {@code sourceId} / {@code
 *     qalitaDatasetId})
 * @param field the field name for a field-level score, or null for the dataset
 * @param overall the overall score, 0–100, or null when not reported
 * @param dimensions dimension scores by name ({@code completeness}, {@code accuracy}, ...), 0–100
 * @param openIssues the number of open issues, or null when not reported
 * @param slaStatus an explicit SLA status, or null to derive it from {@code overall}
 * @param link a link back to the quality tool, or null
 * @param measuredAt when the measurement was taken; written as {@code updatedAt} in epoch ms
 */
public record QualityScore(
    String datasetId,
    String field,
    Double overall,
    Map<String, Double> dimensions,
    Integer openIssues,
    SlaStatus slaStatus,
    String link,
    Instant measuredAt) {

  /** Checks the values: a dataset id, a measurement time, scores within 0–100. */
  public QualityScore {
    if (datasetId == null || datasetId.isBlank()) {
      throw new IllegalArgumentException("a quality score needs a datasetId");
    }
    Objects.requireNonNull(measuredAt, "measuredAt of " + datasetId);
    checkRange("overall", overall, datasetId);
    Map<String, Double> dims = new LinkedHashMap<>();
    if (dimensions != null) {
      dimensions.forEach(
          (k, v) -> {
            checkRange(k, v, datasetId);
            if (v != null) {
              dims.put(k, v);
            }
          });
    }
    dimensions = Collections.unmodifiableMap(dims);
    if (openIssues != null && openIssues < 0) {
      throw new IllegalArgumentException(
          "openIssues of " + datasetId + " must not be negative, was " + openIssues);
    }
  }

  /**
   * A dataset-level score with an overall value.
   *
   * @param datasetId the dataset
   * @param overall the overall score, 0–100
   * @param measuredAt when it was measured
   * @return the score
   */
  public static QualityScore of(String datasetId, double overall, Instant measuredAt) {
    return new QualityScore(datasetId, null, overall, Map.of(), null, null, null, measuredAt);
  }

  /**
   * A copy with further values.
   *
   * @param dimensions dimension scores
   * @param openIssues open issues, or null
   * @param slaStatus explicit status, or null
   * @param link link, or null
   * @return the copy
   */
  public QualityScore with(
      Map<String, Double> dimensions, Integer openIssues, SlaStatus slaStatus, String link) {
    return new QualityScore(
        datasetId, field, overall, dimensions, openIssues, slaStatus, link, measuredAt);
  }

  /**
   * A copy for one field of the dataset.
   *
   * @param field the field name
   * @return the copy
   */
  public QualityScore forField(String field) {
    return new QualityScore(
        datasetId, field, overall, dimensions, openIssues, slaStatus, link, measuredAt);
  }

  /**
   * The key scores are reconciled under: the dataset id, plus {@code #field} for a field.
   *
   * @return the key
   */
  public String key() {
    return field == null ? datasetId : datasetId + "#" + field;
  }

  private static void checkRange(String what, Double value, String datasetId) {
    if (value != null && (value.isNaN() || value < 0 || value > 100)) {
      throw new IllegalArgumentException(
          what + " of " + datasetId + " must be between 0 and 100, was " + value);
    }
  }
}
