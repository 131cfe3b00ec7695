package dev.steward.purview;

import dev.steward.purview.implementation.PurviewHttp;

/**
 * A synchronous client for the Microsoft Purview Data Map API (Atlas v2 and discovery), built by
 * {@link PurviewDataMapClientBuilder}. Thread-safe; share one per account.
 *
 * <p>Operations are grouped as in the service: {@link #entities()}, {@link #typeDefinitions()},
 * {@link #discovery()}, {@link #lineage()}, {@link #relationships()} and {@link #glossary()}. Each
 * operation has a plain form and a {@code ...WithResponse(..., Context)} form that returns the
 * status and headers too. Failures are {@link PurviewException}s.
 */
public final class PurviewDataMapClient {
  private final EntityOperations entities;
  private final TypeDefinitionOperations typeDefinitions;
  private final DiscoveryOperations discovery;
  private final LineageOperations lineage;
  private final RelationshipOperations relationships;
  private final GlossaryOperations glossary;

  PurviewDataMapClient(PurviewHttp http) {
    this.entities = new EntityOperations(http);
    this.typeDefinitions = new TypeDefinitionOperations(http);
    this.discovery = new DiscoveryOperations(http);
    this.lineage = new LineageOperations(http);
    this.relationships = new RelationshipOperations(http);
    this.glossary = new GlossaryOperations(http);
  }

  /**
   * Entities, their classifications, labels and business metadata.
   *
   * @return the entity operations
   */
  public EntityOperations entities() {
    return entities;
  }

  /**
   * Type definitions (entity, classification, enum, struct, relationship, business metadata).
   *
   * @return the type operations
   */
  public TypeDefinitionOperations typeDefinitions() {
    return typeDefinitions;
  }

  /**
   * Search, suggest and autocomplete.
   *
   * @return the discovery operations
   */
  public DiscoveryOperations discovery() {
    return discovery;
  }

  /**
   * Lineage graphs.
   *
   * @return the lineage operations
   */
  public LineageOperations lineage() {
    return lineage;
  }

  /**
   * Relationships between entities.
   *
   * @return the relationship operations
   */
  public RelationshipOperations relationships() {
    return relationships;
  }

  /**
   * Glossaries, terms and categories.
   *
   * @return the glossary operations
   */
  public GlossaryOperations glossary() {
    return glossary;
  }
}
