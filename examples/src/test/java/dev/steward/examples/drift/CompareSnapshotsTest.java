package dev.steward.examples.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompareSnapshotsTest {

  @Test
  void reportsOnlyTheRealDriftsAmongTheNoise() {
    DriftReport report = CompareSnapshots.run();
    assertThat(report.drifts())
        .extracting(
            d -> d.resourceId().replaceAll(".*/providers/", ""),
            Drift::path,
            Drift::change,
            Drift::severity,
            Drift::rule)
        .containsExactly(
            tuple(
                "Microsoft.Network/networkSecurityGroups/nsg-web",
                "properties.securityRules[name=AllowRDPTemp]",
                ChangeType.ADDED,
                Severity.CRITICAL,
                "nsg-open-management-port"),
            tuple(
                "Microsoft.Network/networkSecurityGroups/nsg-web",
                "properties.securityRules[name=AllowSSHFromBastion].properties.sourceAddressPrefix",
                ChangeType.MODIFIED,
                Severity.CRITICAL,
                "nsg-open-management-port"),
            tuple(
                "Microsoft.Sql/servers/sql-prod/firewallRules/TempDebugAllowAll",
                "",
                ChangeType.ADDED,
                Severity.CRITICAL,
                "sql-firewall-internet"),
            tuple(
                "microsoft.storage/storageaccounts/stprodfinance01",
                "properties.minimumTlsVersion",
                ChangeType.MODIFIED,
                Severity.HIGH,
                "storage-min-tls"),
            tuple(
                "Microsoft.Web/sites/app-portal",
                "properties.siteConfig.ftpsState",
                ChangeType.MODIFIED,
                Severity.HIGH,
                "webapp-ftps"),
            tuple(
                "Microsoft.Compute/virtualMachines/vm-app-01",
                "properties.hardwareProfile.vmSize",
                ChangeType.MODIFIED,
                Severity.MEDIUM,
                "vm-size-changed"),
            tuple(
                "microsoft.storage/storageaccounts/stprodfinance01",
                "tags.costCenter",
                ChangeType.MODIFIED,
                Severity.LOW,
                "default"));
    var noise = report.summary().suppressed();
    assertThat(noise.get(NoiseClass.VOLATILE)).isGreaterThan(10);
    assertThat(noise)
        .containsEntry(NoiseClass.CHILD_RESOURCE, 1L)
        .containsEntry(NoiseClass.RESOURCE_ID, 1L)
        .containsEntry(NoiseClass.CIDR, 1L)
        .containsEntry(NoiseClass.NUMBER, 1L);
    assertThat(noise.get(NoiseClass.ORDER)).isGreaterThanOrEqualTo(3);
    assertThat(noise.get(NoiseClass.CASE)).isGreaterThanOrEqualTo(3);
    assertThat(report.summary().baselineResources()).isEqualTo(7);
    assertThat(report.summary().currentResources()).isEqualTo(8);
  }

  @Test
  void mainPrintsTheDrifts() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      CompareSnapshots.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("7 drifts")
        .contains(
            "CRITICAL ADDED    Microsoft.Network/networkSecurityGroups/nsg-web properties.securityRules[name=AllowRDPTemp]")
        .contains("3 CRITICAL drift(s): act now");
  }
}
