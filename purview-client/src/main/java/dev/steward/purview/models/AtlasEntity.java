package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Atlas entity: a typed asset (table, file, column, process, ...) with its attributes.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param typeName the typeName field
 * @param attributes the attributes field
 * @param guid the guid field
 * @param status the status field
 * @param createdBy the createdBy field
 * @param updatedBy the updatedBy field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param version the version field
 * @param lastModifiedTS the lastModifiedTS field
 * @param businessAttributes the businessAttributes field
 * @param customAttributes the customAttributes field
 * @param classifications the classifications field
 * @param labels the labels field
 * @param meanings the meanings field
 * @param relationshipAttributes the relationshipAttributes field
 * @param contacts the contacts field
 * @param collectionId the collectionId field
 * @param homeId the homeId field
 * @param isIncomplete the isIncomplete field
 * @param provenanceType the provenanceType field
 * @param proxy the proxy field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasEntity(
    String typeName,
    Map<String, Object> attributes,
    String guid,
    EntityStatus status,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    Long version,
    String lastModifiedTS,
    Map<String, Map<String, Object>> businessAttributes,
    Map<String, String> customAttributes,
    List<AtlasClassification> classifications,
    List<String> labels,
    List<AtlasTermAssignmentHeader> meanings,
    Map<String, Object> relationshipAttributes,
    Map<String, List<ContactInfo>> contacts,
    String collectionId,
    String homeId,
    Boolean isIncomplete,
    Integer provenanceType,
    Boolean proxy,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasEntity {
    attributes = Immutables.map(attributes);
    businessAttributes = Immutables.map(businessAttributes);
    customAttributes = Immutables.map(customAttributes);
    classifications = Immutables.list(classifications);
    labels = Immutables.list(labels);
    meanings = Immutables.list(meanings);
    relationshipAttributes = Immutables.map(relationshipAttributes);
    contacts = Immutables.map(contacts);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A new entity of a type with attributes (typically including {@code qualifiedName} and {@code
   * name}).
   *
   * @param typeName the entity type
   * @param attributes its attributes
   * @return the entity
   */
  public static AtlasEntity of(String typeName, Map<String, Object> attributes) {
    return builder(typeName).attributes(attributes).build();
  }

  /** A builder for a new entity. @param typeName the entity type @return the builder */
  public static Builder builder(String typeName) {
    return new Builder(typeName);
  }

  /** A builder that starts from this entity, to change a few fields. @return the builder */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The {@code qualifiedName} attribute, or null. @return the qualified name */
  public String qualifiedName() {
    return attributes == null ? null : (String) attributes.get("qualifiedName");
  }

  /** The {@code createTime} as an instant, or null. @return the creation time */
  public Instant createdAt() {
    return createTime == null ? null : Instant.ofEpochMilli(createTime);
  }

  /** The {@code updateTime} as an instant, or null. @return the update time */
  public Instant updatedAt() {
    return updateTime == null ? null : Instant.ofEpochMilli(updateTime);
  }

  /** Builds an {@link AtlasEntity}; unset fields are omitted from the JSON. */
  public static final class Builder {
    private String typeName;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private String guid;
    private EntityStatus status;
    private String lastModifiedTS;
    private Map<String, Map<String, Object>> businessAttributes;
    private Map<String, String> customAttributes;
    private List<AtlasClassification> classifications;
    private List<String> labels;
    private Map<String, Object> relationshipAttributes;
    private Map<String, List<ContactInfo>> contacts;
    private String collectionId;
    private final AtlasEntity base;

    private Builder(String typeName) {
      this.typeName = typeName;
      this.base = null;
    }

    private Builder(AtlasEntity base) {
      this.base = base;
      this.typeName = base.typeName;
      if (base.attributes != null) {
        this.attributes.putAll(base.attributes);
      }
      this.guid = base.guid;
      this.status = base.status;
      this.lastModifiedTS = base.lastModifiedTS;
      this.businessAttributes = base.businessAttributes;
      this.customAttributes = base.customAttributes;
      this.classifications = base.classifications;
      this.labels = base.labels;
      this.relationshipAttributes = base.relationshipAttributes;
      this.contacts = base.contacts;
      this.collectionId = base.collectionId;
    }

    /** Sets the type name. @param value the type @return this builder */
    public Builder typeName(String value) {
      this.typeName = value;
      return this;
    }

    /**
     * Sets one attribute. @param name attribute name @param value its value @return this builder
     */
    public Builder attribute(String name, Object value) {
      attributes.put(name, value);
      return this;
    }

    /** Adds attributes. @param values attribute values @return this builder */
    public Builder attributes(Map<String, Object> values) {
      if (values != null) {
        attributes.putAll(values);
      }
      return this;
    }

    /**
     * Sets the {@code qualifiedName} attribute. @param value the qualified name @return this
     * builder
     */
    public Builder qualifiedName(String value) {
      return attribute("qualifiedName", value);
    }

    /** Sets the {@code name} attribute. @param value the name @return this builder */
    public Builder name(String value) {
      return attribute("name", value);
    }

    /**
     * Sets the guid (a negative number string is a temporary id). @param value guid @return this
     * builder
     */
    public Builder guid(String value) {
      this.guid = value;
      return this;
    }

    /** Sets the status. @param value status @return this builder */
    public Builder status(EntityStatus value) {
      this.status = value;
      return this;
    }

    /**
     * Sets {@code lastModifiedTS}, the optimistic-concurrency token; a stale value makes the write
     * fail with {@code ConcurrentModificationException}.
     *
     * @param value the token last read
     * @return this builder
     */
    public Builder lastModifiedTS(String value) {
      this.lastModifiedTS = value;
      return this;
    }

    /**
     * Sets business metadata. @param value by business-metadata name, then attribute @return this
     * builder
     */
    public Builder businessAttributes(Map<String, Map<String, Object>> value) {
      this.businessAttributes = value;
      return this;
    }

    /** Sets custom attributes. @param value custom attributes @return this builder */
    public Builder customAttributes(Map<String, String> value) {
      this.customAttributes = value;
      return this;
    }

    /** Sets classifications. @param value classifications @return this builder */
    public Builder classifications(List<AtlasClassification> value) {
      this.classifications = value;
      return this;
    }

    /** Sets labels. @param value labels @return this builder */
    public Builder labels(List<String> value) {
      this.labels = value;
      return this;
    }

    /** Sets relationship attributes. @param value relationship attributes @return this builder */
    public Builder relationshipAttributes(Map<String, Object> value) {
      this.relationshipAttributes = value;
      return this;
    }

    /** Sets contacts. @param value contacts by kind (Expert, Owner) @return this builder */
    public Builder contacts(Map<String, List<ContactInfo>> value) {
      this.contacts = value;
      return this;
    }

    /** Sets the collection id. @param value the collection @return this builder */
    public Builder collectionId(String value) {
      this.collectionId = value;
      return this;
    }

    /** Builds the entity. @return the entity */
    public AtlasEntity build() {
      Objects.requireNonNull(typeName, "typeName");
      AtlasEntity b = base;
      return new AtlasEntity(
          typeName,
          attributes.isEmpty() && (b == null || b.attributes == null) ? null : attributes,
          guid,
          status,
          b == null ? null : b.createdBy,
          b == null ? null : b.updatedBy,
          b == null ? null : b.createTime,
          b == null ? null : b.updateTime,
          b == null ? null : b.version,
          lastModifiedTS,
          businessAttributes,
          customAttributes,
          classifications,
          labels,
          b == null ? null : b.meanings,
          relationshipAttributes,
          contacts,
          collectionId,
          b == null ? null : b.homeId,
          b == null ? null : b.isIncomplete,
          b == null ? null : b.provenanceType,
          b == null ? null : b.proxy,
          b == null ? null : b.additionalProperties);
    }
  }
}
