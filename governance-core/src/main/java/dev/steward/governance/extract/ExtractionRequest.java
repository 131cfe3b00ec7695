package dev.steward.governance.extract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to extract. Build with {@link #builder()}.
 *
 * @param assetTypes friendly asset-type names ({@link AssetTypes}) or Purview type names; empty for
 *     every type
 * @param collection the collection id to restrict to, or null
 * @param keywords search keywords, or null for everything
 * @param updatedSince only assets updated at or after this time, or null
 * @param checkpointKey the key of the checkpoint to read and advance (usually the connection name),
 *     or null for none
 * @param incremental start from the checkpoint's high-water mark (minus {@code overlap}) instead of
 *     {@code updatedSince}; needs a checkpoint key
 * @param overlap how far before the high-water mark an incremental run starts, so that late index
 *     updates are not missed
 * @param reconcileDeletes also enumerate every matching guid and report those that disappeared
 *     since the previous reconciling run; needs a checkpoint key
 * @param pageSize search page size, 1 to 1000
 */
public record ExtractionRequest(
    List<String> assetTypes,
    String collection,
    String keywords,
    Instant updatedSince,
    String checkpointKey,
    boolean incremental,
    Duration overlap,
    boolean reconcileDeletes,
    int pageSize) {

  /** Checks the combination of options. */
  public ExtractionRequest {
    assetTypes = List.copyOf(assetTypes);
    Objects.requireNonNull(overlap, "overlap");
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("pageSize must be 1..1000, was " + pageSize);
    }
    if ((incremental || reconcileDeletes) && (checkpointKey == null || checkpointKey.isBlank())) {
      throw new IllegalArgumentException(
          "incremental and reconcileDeletes need a checkpointKey (e.g. the connection name)");
    }
    if (incremental && updatedSince != null) {
      throw new IllegalArgumentException(
          "give either updatedSince or incremental, not both (incremental reads the checkpoint)");
    }
  }

  /**
   * Starts a request for everything.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ExtractionRequest}. */
  public static final class Builder {
    private final List<String> assetTypes = new ArrayList<>();
    private String collection;
    private String keywords;
    private Instant updatedSince;
    private String checkpointKey;
    private boolean incremental;
    private Duration overlap = Duration.ofMinutes(5);
    private boolean reconcileDeletes;
    private int pageSize = 1000;

    private Builder() {}

    /**
     * Restricts to asset types (friendly names or Purview type names); repeatable.
     *
     * @param types the types
     * @return this builder
     */
    public Builder assetTypes(String... types) {
      for (String type : types) {
        assetTypes.add(Objects.requireNonNull(type, "type").strip());
      }
      return this;
    }

    /**
     * Restricts to asset types.
     *
     * @param types the types
     * @return this builder
     */
    public Builder assetTypes(List<String> types) {
      return assetTypes(types.toArray(String[]::new));
    }

    /**
     * Restricts to a collection.
     *
     * @param collectionId the collection id
     * @return this builder
     */
    public Builder collection(String collectionId) {
      this.collection = collectionId;
      return this;
    }

    /**
     * Restricts to search keywords.
     *
     * @param keywords the keywords
     * @return this builder
     */
    public Builder keywords(String keywords) {
      this.keywords = keywords;
      return this;
    }

    /**
     * Restricts to assets updated at or after a time.
     *
     * @param since the time
     * @return this builder
     */
    public Builder updatedSince(Instant since) {
      this.updatedSince = since;
      return this;
    }

    /**
     * Sets the checkpoint key (usually the connection name).
     *
     * @param key the key
     * @return this builder
     */
    public Builder checkpointKey(String key) {
      this.checkpointKey = key;
      return this;
    }

    /**
     * Makes the run incremental from the checkpoint.
     *
     * @param incremental whether to start from the checkpoint
     * @return this builder
     */
    public Builder incremental(boolean incremental) {
      this.incremental = incremental;
      return this;
    }

    /**
     * Sets the safety overlap of incremental runs (default 5 minutes).
     *
     * @param overlap the overlap
     * @return this builder
     */
    public Builder overlap(Duration overlap) {
      this.overlap = overlap;
      return this;
    }

    /**
     * Asks for deleted assets to be reported.
     *
     * @param reconcile whether to reconcile deletes
     * @return this builder
     */
    public Builder reconcileDeletes(boolean reconcile) {
      this.reconcileDeletes = reconcile;
      return this;
    }

    /**
     * Sets the search page size (default and maximum 1000).
     *
     * @param pageSize the page size
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ExtractionRequest build() {
      return new ExtractionRequest(
          assetTypes,
          collection,
          keywords,
          updatedSince,
          checkpointKey,
          incremental,
          overlap,
          reconcileDeletes,
          pageSize);
    }
  }
}
