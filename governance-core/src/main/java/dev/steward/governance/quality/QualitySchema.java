package dev.steward.governance.quality;

import java.util.List;
import java.util.Objects;

/**
 * Where scores go in Purview: the business-metadata group and its attribute names, the SLA enum,
 * the at-risk classification, the entity types the group applies to, and the SLA thresholds used
 * when a score carries no explicit status. {@link #qalita()} is the preset of the QALITA
 * integration.
 *
 * @param group the business-metadata group, e.g. {@code QALITA}
 * @param overallScore attribute for the overall score (float, 0–100)
 * @param updatedAt attribute for the measurement time (date, epoch ms)
 * @param openIssues attribute for the number of open issues (int)
 * @param slaStatus attribute for the SLA status (the enum {@link #slaEnum})
 * @param link attribute for the link back to the quality tool (string)
 * @param dimensions dimension attribute names (float, 0–100); a score's dimension is written only
 *     when it is listed here
 * @param slaEnum the enum type of the SLA attribute, e.g. {@code QALITA_SlaStatus}
 * @param atRiskClassification the classification added when at risk or breached, or null for none
 * @param applicableEntityTypes entity types the group applies to, e.g. {@code DataSet}
 * @param goodAtLeast an overall score at or above this is {@link SlaStatus#GOOD}
 * @param atRiskAtLeast at or above this (and below good) is {@link SlaStatus#AT_RISK}; below is
 *     {@link SlaStatus#BREACHED}
 */
public record QualitySchema(
    String group,
    String overallScore,
    String updatedAt,
    String openIssues,
    String slaStatus,
    String link,
    List<String> dimensions,
    String slaEnum,
    String atRiskClassification,
    List<String> applicableEntityTypes,
    double goodAtLeast,
    double atRiskAtLeast) {

  /** The QALITA dimension names. */
  public static final List<String> QALITA_DIMENSIONS =
      List.of("completeness", "accuracy", "freshness", "consistency", "timeliness");

  /** Checks names and thresholds. */
  public QualitySchema {
    for (String[] named :
        new String[][] {
          {"group", group},
          {"overallScore", overallScore},
          {"updatedAt", updatedAt},
          {"openIssues", openIssues},
          {"slaStatus", slaStatus},
          {"link", link},
          {"slaEnum", slaEnum}
        }) {
      if (named[1] == null || named[1].isBlank()) {
        throw new IllegalArgumentException("quality schema: " + named[0] + " must not be blank");
      }
    }
    dimensions = List.copyOf(dimensions);
    applicableEntityTypes = List.copyOf(applicableEntityTypes);
    if (applicableEntityTypes.isEmpty()) {
      throw new IllegalArgumentException("quality schema: applicableEntityTypes must not be empty");
    }
    if (!(atRiskAtLeast <= goodAtLeast) || atRiskAtLeast < 0 || goodAtLeast > 100) {
      throw new IllegalArgumentException(
          "quality schema: thresholds need 0 <= atRiskAtLeast ("
              + atRiskAtLeast
              + ") <= goodAtLeast ("
              + goodAtLeast
              + ") <= 100");
    }
  }

  /**
   * The QALITA preset: group {@code QALITA}, attributes {@code overallScore}, {@code updatedAt},
   * {@code openIssues}, {@code slaStatus}, {@code link} and the five dimensions, enum {@code
   * QALITA_SlaStatus}, classification {@code QALITA_AtRisk}, applicable to {@code DataSet}, good at
   * 90 and at risk from 70.
   *
   * @return the preset
   */
  public static QualitySchema qalita() {
    return new QualitySchema(
        "QALITA",
        "overallScore",
        "updatedAt",
        "openIssues",
        "slaStatus",
        "link",
        QALITA_DIMENSIONS,
        "QALITA_SlaStatus",
        "QALITA_AtRisk",
        List.of("DataSet"),
        90,
        70);
  }

  /**
   * A copy with another group name; the enum becomes {@code GROUP_SlaStatus} and the classification
   * {@code GROUP_AtRisk}.
   *
   * @param name the group name
   * @return the copy
   */
  public QualitySchema withGroup(String name) {
    Objects.requireNonNull(name, "name");
    return new QualitySchema(
        name,
        overallScore,
        updatedAt,
        openIssues,
        slaStatus,
        link,
        dimensions,
        name + "_SlaStatus",
        atRiskClassification == null ? null : name + "_AtRisk",
        applicableEntityTypes,
        goodAtLeast,
        atRiskAtLeast);
  }

  /**
   * A copy with another at-risk classification.
   *
   * @param name the classification type name, or null for none
   * @return the copy
   */
  public QualitySchema withAtRiskClassification(String name) {
    return new QualitySchema(
        group,
        overallScore,
        updatedAt,
        openIssues,
        slaStatus,
        link,
        dimensions,
        slaEnum,
        name,
        applicableEntityTypes,
        goodAtLeast,
        atRiskAtLeast);
  }

  /**
   * A copy with other SLA thresholds.
   *
   * @param good good at or above this
   * @param atRisk at risk at or above this, breached below
   * @return the copy
   */
  public QualitySchema withThresholds(double good, double atRisk) {
    return new QualitySchema(
        group,
        overallScore,
        updatedAt,
        openIssues,
        slaStatus,
        link,
        dimensions,
        slaEnum,
        atRiskClassification,
        applicableEntityTypes,
        good,
        atRisk);
  }

  /**
   * A copy applicable to other entity types.
   *
   * @param types entity type names (supertypes such as {@code DataSet} include their subtypes)
   * @return the copy
   */
  public QualitySchema withApplicableEntityTypes(List<String> types) {
    return new QualitySchema(
        group,
        overallScore,
        updatedAt,
        openIssues,
        slaStatus,
        link,
        dimensions,
        slaEnum,
        atRiskClassification,
        types,
        goodAtLeast,
        atRiskAtLeast);
  }

  /**
   * A copy with other attribute names.
   *
   * @param overallScore overall score attribute
   * @param updatedAt measurement time attribute
   * @param openIssues open issues attribute
   * @param slaStatus SLA status attribute
   * @param link link attribute
   * @param dimensions dimension attributes
   * @return the copy
   */
  public QualitySchema withAttributes(
      String overallScore,
      String updatedAt,
      String openIssues,
      String slaStatus,
      String link,
      List<String> dimensions) {
    return new QualitySchema(
        group,
        overallScore,
        updatedAt,
        openIssues,
        slaStatus,
        link,
        dimensions,
        slaEnum,
        atRiskClassification,
        applicableEntityTypes,
        goodAtLeast,
        atRiskAtLeast);
  }

  /**
   * The status an overall score gets under these thresholds.
   *
   * @param overall the score
   * @return the status
   */
  public SlaStatus statusOf(double overall) {
    if (overall >= goodAtLeast) {
      return SlaStatus.GOOD;
    }
    return overall >= atRiskAtLeast ? SlaStatus.AT_RISK : SlaStatus.BREACHED;
  }

  /**
   * Every attribute this schema writes, in definition order.
   *
   * @return the names
   */
  public List<String> managedAttributes() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    out.add(overallScore);
    out.add(updatedAt);
    out.add(openIssues);
    out.add(slaStatus);
    out.add(link);
    out.addAll(dimensions);
    return List.copyOf(out);
  }
}
