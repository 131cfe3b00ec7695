package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the PostgreSQL binaries the tests need, and failing loudly without them. */
class LocalPostgresTest {

  @Test
  void withoutBinariesTheTestsFailAndSayHowToInstallThem(@TempDir Path empty) {
    assertThatThrownBy(() -> LocalPostgres.findBinaries(null, empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(empty + "/*/bin/postgres")
        .hasMessageContaining("apt-get install -y postgresql")
        .hasMessageContaining("STEWARD_PG_BIN");
    assertThatThrownBy(() -> LocalPostgres.findBinaries(empty.toString(), empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STEWARD_PG_BIN=" + empty);
  }

  @Test
  void theNewestInstalledVersionWins(@TempDir Path root) throws IOException {
    for (String version : new String[] {"13", "15", "9"}) {
      Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
      for (String tool : new String[] {"postgres", "initdb"}) {
        Files.createFile(
            bin.resolve(tool),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      }
    }
    assertThat(LocalPostgres.findBinaries(null, root)).isEqualTo(root.resolve("15").resolve("bin"));
  }
}
