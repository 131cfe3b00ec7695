package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A stored relationship instance. Mutable, guarded by the {@link DataMap} lock. */
final class Relationship {
  final String guid;
  final String typeName;
  final String end1;
  final String end2;
  final long createTime;
  final String createdBy;
  String status = "ACTIVE";
  ObjectNode attributes;
  String label;
  long updateTime;
  long version;
  String updatedBy;

  Relationship(String guid, String typeName, String end1, String end2, long now, String user) {
    this.guid = guid;
    this.typeName = typeName;
    this.end1 = end1;
    this.end2 = end2;
    this.createTime = now;
    this.updateTime = now;
    this.createdBy = user;
    this.updatedBy = user;
    this.attributes = Json.object();
  }

  boolean active() {
    return "ACTIVE".equals(status);
  }

  String other(String guid) {
    return end1.equals(guid) ? end2 : end1;
  }
}
