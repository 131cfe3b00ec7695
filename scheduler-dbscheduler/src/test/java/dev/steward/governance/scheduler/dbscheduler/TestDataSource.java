package dev.steward.governance.scheduler.dbscheduler;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC {@link DataSource} for tests with a minimal connection pool (a closed connection goes back
 * to the pool, as with any production pool), which a test can {@link #kill()}: every later {@code
 * getConnection} fails, as for an instance whose process died or lost the network.
 */
final class TestDataSource implements DataSource, AutoCloseable {
  private final String url;
  private final Properties properties = new Properties();
  private final AtomicBoolean killed = new AtomicBoolean();
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

  TestDataSource(int port, String user) {
    this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    properties.setProperty("user", user);
  }

  TestDataSource copy() {
    return new TestDataSource(url, properties);
  }

  private TestDataSource(String url, Properties properties) {
    this.url = url;
    this.properties.putAll(properties);
  }

  void kill() {
    killed.set(true);
    close();
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing a pooled connection of a finished test: nothing to do
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (killed.get()) {
      throw new SQLException("connection refused: this test instance was killed");
    }
    Connection real = idle.poll();
    while (real != null && real.isClosed()) {
      real = idle.poll();
    }
    if (real == null) {
      real = DriverManager.getConnection(url, properties);
    }
    Connection pooled = real;
    AtomicBoolean returned = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (returned.compareAndSet(false, true)) {
                  giveBack(pooled);
                }
                return null;
              }
              if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                return returned.get() || pooled.isClosed();
              }
              try {
                return method.invoke(pooled, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void giveBack(Connection c) throws SQLException {
    if (killed.get() || c.isClosed()) {
      c.close();
      return;
    }
    if (!c.getAutoCommit()) {
      c.rollback();
      c.setAutoCommit(true);
    }
    idle.push(c);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no JUL logging");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
