package dev.steward.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Realistic ARM GET bodies (shapes from the azure-rest-api-specs GET examples) for tests. */
final class Arm {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String RG =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-prod";

  private Arm() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode copy(JsonNode n) {
    return (ObjectNode) n.deepCopy();
  }

  static ObjectNode nsg() {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.Network/networkSecurityGroups/nsg-web",
          "name": "nsg-web",
          "type": "Microsoft.Network/networkSecurityGroups",
          "location": "westus",
          "etag": "W/\\"00000000-0000-0000-0000-00000000000a\\"",
          "tags": {"env": "prod"},
          "properties": {
            "provisioningState": "Succeeded",
            "resourceGuid": "3f2a1b7c-0000-0000-0000-000000000000",
            "securityRules": [
              {
                "name": "AllowHttpsInbound",
                "id": "%1$s/providers/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/AllowHttpsInbound",
                "etag": "W/\\"00000000-0000-0000-0000-00000000000a\\"",
                "properties": {
                  "provisioningState": "Succeeded",
                  "protocol": "Tcp",
                  "sourcePortRange": "*",
                  "destinationPortRange": "443",
                  "sourceAddressPrefix": "*",
                  "destinationAddressPrefix": "*",
                  "access": "Allow",
                  "priority": 100,
                  "direction": "Inbound"
                }
              },
              {
                "name": "AllowSSH",
                "id": "%1$s/providers/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/AllowSSH",
                "etag": "W/\\"00000000-0000-0000-0000-00000000000a\\"",
                "properties": {
                  "provisioningState": "Succeeded",
                  "protocol": "Tcp",
                  "sourcePortRange": "*",
                  "destinationPortRange": "22",
                  "sourceAddressPrefix": "10.0.0.0/24",
                  "destinationAddressPrefix": "*",
                  "access": "Allow",
                  "priority": 200,
                  "direction": "Inbound"
                }
              }
            ],
            "defaultSecurityRules": [
              {
                "name": "AllowVnetInBound",
                "id": "%1$s/providers/Microsoft.Network/networkSecurityGroups/nsg-web/defaultSecurityRules/AllowVnetInBound",
                "properties": {
                  "provisioningState": "Succeeded",
                  "description": "Allow inbound traffic from all VMs in VNET",
                  "protocol": "*",
                  "sourcePortRange": "*",
                  "destinationPortRange": "*",
                  "sourceAddressPrefix": "VirtualNetwork",
                  "destinationAddressPrefix": "VirtualNetwork",
                  "access": "Allow",
                  "priority": 65000,
                  "direction": "Inbound"
                }
              }
            ]
          }
        }
        """
            .formatted(RG));
  }

  static ObjectNode storage() {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.Storage/storageAccounts/stprod001",
          "name": "stprod001",
          "type": "Microsoft.Storage/storageAccounts",
          "apiVersion": "2023-01-01",
          "location": "eastus2",
          "kind": "StorageV2",
          "sku": {"name": "Standard_GRS", "tier": "Standard"},
          "tags": {"costCenter": "Finance"},
          "properties": {
            "provisioningState": "Succeeded",
            "creationTime": "2017-05-24T13:25:33.4863236Z",
            "primaryEndpoints": {"blob": "https://stprod001.blob.core.windows.net/"},
            "statusOfPrimary": "available",
            "keyCreationTime": {"key1": "2021-03-18T04:42:22.4322836Z", "key2": "2021-03-18T04:42:22.4322836Z"},
            "geoReplicationStats": {"status": "Live", "lastSyncTime": "2023-04-01T10:00:00Z", "canFailover": true},
            "encryption": {
              "keySource": "Microsoft.Storage",
              "services": {
                "blob": {"keyType": "Account", "enabled": true, "lastEnabledTime": "2019-12-11T20:49:31.7036140Z"},
                "file": {"keyType": "Account", "enabled": true, "lastEnabledTime": "2019-12-11T20:49:31.7036140Z"}
              }
            },
            "networkAcls": {
              "bypass": "AzureServices",
              "defaultAction": "Deny",
              "ipRules": [
                {"value": "203.0.113.10", "action": "Allow"},
                {"value": "198.51.100.0/24", "action": "Allow"}
              ],
              "virtualNetworkRules": []
            },
            "supportsHttpsTrafficOnly": true,
            "allowBlobPublicAccess": false,
            "minimumTlsVersion": "TLS1_2",
            "publicNetworkAccess": "Disabled",
            "accessTier": "Hot"
          }
        }
        """
            .formatted(RG));
  }

  static ObjectNode keyVault() {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.KeyVault/vaults/kv-prod",
          "name": "kv-prod",
          "type": "Microsoft.KeyVault/vaults",
          "location": "westus",
          "systemData": {"createdBy": "ops@contoso.com", "lastModifiedAt": "2023-01-01T00:00:00Z"},
          "properties": {
            "sku": {"family": "A", "name": "standard"},
            "tenantId": "00000000-0000-0000-0000-0000000000aa",
            "accessPolicies": [
              {
                "tenantId": "00000000-0000-0000-0000-0000000000aa",
                "objectId": "00000000-0000-0000-0000-0000000000b1",
                "permissions": {"keys": ["get", "list"], "secrets": ["get", "list", "set"], "certificates": ["get"]}
              },
              {
                "tenantId": "00000000-0000-0000-0000-0000000000aa",
                "objectId": "00000000-0000-0000-0000-0000000000b2",
                "permissions": {"keys": ["encrypt", "decrypt"], "secrets": [], "certificates": []}
              }
            ],
            "enabledForDeployment": false,
            "enableSoftDelete": true,
            "enablePurgeProtection": true,
            "vaultUri": "https://kv-prod.vault.azure.net",
            "provisioningState": "Succeeded",
            "publicNetworkAccess": "Disabled",
            "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": []}
          }
        }
        """
            .formatted(RG));
  }

  static ObjectNode vm() {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.Compute/virtualMachines/vm-app",
          "name": "vm-app",
          "type": "Microsoft.Compute/virtualMachines",
          "location": "West US",
          "etag": "\\"1\\"",
          "properties": {
            "vmId": "0f47b100-583c-48e3-a4c0-aefc2c9bbcc1",
            "timeCreated": "2024-01-01T00:00:00.0000000+00:00",
            "hardwareProfile": {"vmSize": "Standard_DS3_v2"},
            "storageProfile": {
              "imageReference": {"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts", "version": "latest"},
              "osDisk": {"osType": "Linux", "name": "vm-app-os", "createOption": "FromImage", "caching": "ReadWrite", "diskSizeGB": 30},
              "dataDisks": [
                {"lun": 0, "name": "vm-app-data0", "createOption": "Empty", "caching": "ReadOnly", "diskSizeGB": 1023},
                {"lun": 1, "name": "vm-app-data1", "createOption": "Empty", "caching": "ReadOnly", "diskSizeGB": 1023}
              ]
            },
            "osProfile": {
              "computerName": "vm-app",
              "adminUsername": "azureuser",
              "linuxConfiguration": {"disablePasswordAuthentication": true},
              "secrets": []
            },
            "networkProfile": {
              "networkInterfaces": [
                {"id": "%1$s/providers/Microsoft.Network/networkInterfaces/vm-app-nic0", "properties": {"primary": true}},
                {"id": "%1$s/providers/Microsoft.Network/networkInterfaces/vm-app-nic1", "properties": {"primary": false}}
              ]
            },
            "diagnosticsProfile": {"bootDiagnostics": {"enabled": true, "storageUri": "https://stdiag.blob.core.windows.net/"}},
            "provisioningState": "Succeeded"
          },
          "resources": [
            {
              "id": "%1$s/providers/Microsoft.Compute/virtualMachines/vm-app/extensions/backup",
              "name": "backup",
              "location": "west us",
              "properties": {
                "publisher": "Contoso.Backup",
                "type": "BackupAgent",
                "typeHandlerVersion": "1.0",
                "settings": {"schedule": "Day", "retentionDays": 30},
                "protectedSettings": {"storageKey": "c2VjcmV0LWtleQ=="}
              }
            }
          ]
        }
        """
            .formatted(RG));
  }

  static ObjectNode webApp() {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.Web/sites/app-portal",
          "name": "app-portal",
          "type": "Microsoft.Web/sites",
          "kind": "app",
          "location": "East US",
          "properties": {
            "state": "Running",
            "hostNames": ["app-portal.azurewebsites.net", "portal.contoso.com"],
            "enabledHostNames": ["app-portal.azurewebsites.net", "app-portal.scm.azurewebsites.net", "portal.contoso.com"],
            "serverFarmId": "%1$s/providers/Microsoft.Web/serverfarms/asp-prod",
            "httpsOnly": true,
            "lastModifiedTimeUtc": "2023-05-01T10:00:00.000Z",
            "outboundIpAddresses": "40.1.1.1,40.1.1.2",
            "siteConfig": {
              "minTlsVersion": "1.2",
              "ftpsState": "FtpsOnly",
              "http20Enabled": true,
              "healthCheckTimeout": "PT1H",
              "policy": "{\\"rules\\":[{\\"name\\":\\"a\\",\\"enabled\\":true}],\\"version\\":1}"
            }
          }
        }
        """
            .formatted(RG));
  }

  static ObjectNode sqlFirewallRule(String name, String start, String end) {
    return json(
        """
        {
          "id": "%1$s/providers/Microsoft.Sql/servers/sql-prod/firewallRules/%2$s",
          "name": "%2$s",
          "type": "Microsoft.Sql/servers/firewallRules",
          "properties": {"startIpAddress": "%3$s", "endIpAddress": "%4$s"}
        }
        """
            .formatted(RG, name, start, end));
  }
}
