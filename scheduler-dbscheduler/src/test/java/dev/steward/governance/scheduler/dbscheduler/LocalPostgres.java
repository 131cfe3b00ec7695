package dev.steward.governance.scheduler.dbscheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests, started from the machine's PostgreSQL binaries (no
 * Docker, no download): a temporary data directory, a free loopback port, the Unix socket in the
 * temporary directory, stopped and deleted by {@link #close()}. PostgreSQL refuses to run as root,
 * so when the tests run as root the server runs as the {@code postgres} system user (through {@code
 * runuser}), which owns the temporary directory.
 *
 * <p>Binaries are looked up in {@code $STEWARD_PG_BIN}, then the newest {@code
 * /usr/lib/postgresql/<version>/bin}. Without them the tests fail and say how to install them.
 */
final class LocalPostgres implements AutoCloseable {

  static final String USER = "steward";

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final boolean asRoot;
  private final int port;

  private LocalPostgres(Path bin, Path dir, boolean asRoot, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.asRoot = asRoot;
    this.port = port;
  }

  static LocalPostgres start() {
    Path bin = findBinaries();
    boolean asRoot = isRoot();
    try {
      // As root, under /tmp: the postgres user must reach the directory, and java.io.tmpdir may
      // point somewhere only root can enter.
      Path dir =
          asRoot
              ? Files.createTempDirectory(Path.of("/tmp"), "steward-pg-")
              : Files.createTempDirectory("steward-pg-");
      if (asRoot) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      LocalPostgres pg = new LocalPostgres(bin, dir, asRoot, freePort());
      // Also stop the server when the JVM ends without JUnit closing it (Ctrl-C, fork timeout).
      Runtime.getRuntime().addShutdownHook(new Thread(pg::closeQuietly, "stop-test-postgres"));
      pg.initAndStart();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a PostgreSQL data directory", e);
    }
  }

  private void initAndStart() {
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                + " -c full_page_writes=off -c max_connections=200",
            "start"));
  }

  TestDataSource dataSource() {
    return new TestDataSource(port, USER);
  }

  int port() {
    return port;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      // the JVM is ending; nothing left to report to
    }
  }

  @Override
  public synchronized void close() {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-m",
              "immediate",
              "-w",
              "stop"));
    } finally {
      deleteTree(dir);
    }
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process =
          new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", full));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", full)
                + " exited with "
                + process.exitValue()
                + ":\n"
                + new String(output, StandardCharsets.UTF_8)
                + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
    }
  }

  private String serverLog() {
    Path log = dir.resolve("server.log");
    try {
      return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  static Path findBinaries() {
    return findBinaries(System.getenv("STEWARD_PG_BIN"), Path.of("/usr/lib/postgresql"));
  }

  static Path findBinaries(String fromEnv, Path root) {
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path bin = Path.of(fromEnv);
      if (Files.isExecutable(bin.resolve("postgres"))
          && Files.isExecutable(bin.resolve("initdb"))) {
        return bin;
      }
      throw new IllegalStateException(
          "STEWARD_PG_BIN=" + fromEnv + " holds no executable postgres and initdb");
    }
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
        for (Path version : versions) {
          Path bin = version.resolve("bin");
          if (Files.isExecutable(bin.resolve("postgres"))
              && Files.isExecutable(bin.resolve("initdb"))) {
            found.add(bin);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return found.stream()
        .max(Comparator.comparingInt(LocalPostgres::majorVersion))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PostgreSQL server binaries not found (looked for "
                        + root
                        + "/*/bin/postgres and $STEWARD_PG_BIN). The scheduler-dbscheduler tests start a"
                        + " real PostgreSQL: install it with `apt-get install -y postgresql`"
                        + " (Debian/Ubuntu), or set STEWARD_PG_BIN to a directory holding initdb,"
                        + " pg_ctl and postgres."));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
