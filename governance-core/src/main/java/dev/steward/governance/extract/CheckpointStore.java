package dev.steward.governance.extract;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps extraction checkpoints and, for delete reconciliation, the guids last seen, per key.
 * Implementations write atomically.
 */
public interface CheckpointStore {

  /**
   * Reads a checkpoint.
   *
   * @param key the key
   * @return the checkpoint, if one was saved
   */
  Optional<Checkpoint> load(String key);

  /**
   * Saves a checkpoint, replacing the previous one.
   *
   * @param checkpoint the checkpoint
   */
  void save(Checkpoint checkpoint);

  /**
   * Reads the guids the last reconciling run saw.
   *
   * @param key the key
   * @return the guids, or empty when no reconciling run completed yet
   */
  Optional<Set<String>> loadKnownGuids(String key);

  /**
   * Replaces the guids seen.
   *
   * @param key the key
   * @param guids every guid the reconciling run saw
   */
  void saveKnownGuids(String key, Collection<String> guids);
}
