package dev.steward.governance.connection;

import java.util.List;
import java.util.Optional;

/** Stores named {@link PurviewConnection}s. The default is {@link FileConnectionRegistry}. */
public interface ConnectionRegistry {

  /**
   * Adds a connection, or replaces the one with the same name.
   *
   * @param connection the connection
   * @return true when it replaced an existing one
   */
  boolean add(PurviewConnection connection);

  /**
   * Finds a connection.
   *
   * @param name its name
   * @return the connection, if present
   */
  Optional<PurviewConnection> get(String name);

  /**
   * Every connection, by name.
   *
   * @return the connections
   */
  List<PurviewConnection> list();

  /**
   * Removes a connection.
   *
   * @param name its name
   * @return true when it existed
   */
  boolean remove(String name);
}
