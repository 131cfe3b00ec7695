package dev.steward.drift;

import dev.steward.drift.implementation.CompiledRules;
import dev.steward.drift.implementation.RuleData;
import dev.steward.drift.implementation.RuleParser;
import dev.steward.drift.implementation.SeverityRule;
import dev.steward.drift.models.RuleDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule data the engine runs on: volatile paths, secrets, comparisons, array keys, defaults by
 * apiVersion, child resources and direction-aware severity rules. Immutable; {@link #overlay(Path)}
 * returns a new instance.
 *
 * <p>The defaults ship as a versioned resource, {@value #DEFAULT_RESOURCE}. A user's file uses the
 * same format and is merged over them: list entries are added ({@code "!path"} removes one),
 * severity rules replace rules with the same id, and {@code "disable": ["id"]} removes a rule.
 */
public final class DriftRules {

  /** The classpath resource holding the default rules. */
  public static final String DEFAULT_RESOURCE = "/dev/steward/drift/rules/azure-default.json";

  private static final DriftRules DEFAULTS = loadDefaults();

  private final RuleData data;
  private final CompiledRules compiled;

  private DriftRules(RuleData data) {
    this.data = data;
    this.compiled = new CompiledRules(data);
  }

  private static DriftRules loadDefaults() {
    try (InputStream in = DriftRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return new DriftRules(RuleParser.merge(new RuleData(), DEFAULT_RESOURCE, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled Azure rules.
   *
   * @return the default rules
   */
  public static DriftRules defaults() {
    return DEFAULTS;
  }

  /**
   * No rules at all: every difference is a LOW drift. Useful as a baseline and in tests.
   *
   * @return empty rules
   */
  public static DriftRules none() {
    return new DriftRules(new RuleData());
  }

  /**
   * These rules with a user's rules file merged over them.
   *
   * @param file a rules file (JSON; comments allowed)
   * @return the merged rules
   * @throws DriftRulesException when the file is malformed (file, line and rule named)
   * @throws UncheckedIOException when the file cannot be read
   */
  public DriftRules overlay(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return overlay(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("rules file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules file " + file, e);
    }
  }

  /**
   * These rules with a rules document merged over them.
   *
   * @param name the name used in messages
   * @param in the document
   * @return the merged rules
   * @throws DriftRulesException when the document is malformed
   */
  public DriftRules overlay(String name, InputStream in) {
    return new DriftRules(RuleParser.merge(data, name, in));
  }

  /**
   * The severity rules, in order.
   *
   * @return one description per rule
   */
  public List<RuleDescription> severityRules() {
    return data.severityRules().stream().map(SeverityRule::describe).toList();
  }

  /**
   * The files these rules came from, each as {@code name@revision}.
   *
   * @return the sources, defaults first
   */
  public List<String> sources() {
    return data.sources();
  }

  CompiledRules compiled() {
    return compiled;
  }
}
