package dev.steward.governance.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an ensure would change, printable, applied only by {@link #apply()}. An empty plan means the
 * resource already matches. A plan applies once; plan again to see what remains.
 */
public final class BackupPlan {
  private final String resourceId;
  private final List<PlannedChange> changes;
  private final Runnable action;
  private final AtomicBoolean applied = new AtomicBoolean();

  BackupPlan(String resourceId, List<PlannedChange> changes, Runnable action) {
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.changes = List.copyOf(changes);
    this.action = Objects.requireNonNull(action, "action");
  }

  /**
   * The resource the plan is for.
   *
   * @return the resource id
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The changes, in the order they are applied.
   *
   * @return the changes; empty when nothing needs to change
   */
  public List<PlannedChange> changes() {
    return changes;
  }

  /**
   * Whether nothing needs to change.
   *
   * @return true when already as desired
   */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * Whether {@link #apply()} ran.
   *
   * @return true after applying
   */
  public boolean isApplied() {
    return applied.get();
  }

  /**
   * Applies the changes through ARM (nothing happens for an empty plan).
   *
   * @return the changes made
   * @throws IllegalStateException when the plan was applied already
   * @throws dev.steward.governance.arm.ArmException when ARM refuses a change
   */
  public List<PlannedChange> apply() {
    if (!applied.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "This plan for " + resourceId + " was applied already; plan again to see what remains");
    }
    if (!changes.isEmpty()) {
      action.run();
    }
    return changes;
  }

  /**
   * The plan as text, one change a line.
   *
   * @return the text
   */
  public String describe() {
    if (changes.isEmpty()) {
      return resourceId + ": up to date, nothing to change\n";
    }
    StringBuilder b = new StringBuilder(resourceId).append(": ").append(changes.size());
    b.append(changes.size() == 1 ? " change" : " changes").append('\n');
    for (PlannedChange c : changes) {
      b.append("  ~ ");
      if (!c.resource().equals(resourceId)) {
        b.append(c.resource()).append(' ');
      }
      b.append(c).append('\n');
    }
    return b.toString();
  }

  /**
   * The plan as JSON.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("resourceId", resourceId);
    o.put("applied", applied.get());
    ArrayNode a = o.putArray("changes");
    for (PlannedChange c : changes) {
      ObjectNode n = a.addObject();
      n.put("resource", c.resource());
      n.put("what", c.what());
      n.put("from", c.from());
      n.put("to", c.to());
    }
    return o;
  }

  @Override
  public String toString() {
    return describe();
  }
}
