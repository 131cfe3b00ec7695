package dev.steward.purview;

import com.azure.core.util.ServiceVersion;

/** The Purview Data Map API versions this client speaks. */
public enum PurviewServiceVersion implements ServiceVersion {
  /** The first generally available Data Map API. */
  V2023_09_01("2023-09-01");

  private final String version;

  PurviewServiceVersion(String version) {
    this.version = version;
  }

  @Override
  public String getVersion() {
    return version;
  }

  /**
   * The newest version.
   *
   * @return the latest version
   */
  public static PurviewServiceVersion getLatest() {
    return V2023_09_01;
  }
}
