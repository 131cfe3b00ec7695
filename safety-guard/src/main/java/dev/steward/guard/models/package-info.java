/**
 * Value types of the production safety guard: operations and targets, environments and their
 * evidence, decisions with reasons, data profiles, backups, confirmations and audit events. All are
 * immutable.
 */
package dev.steward.guard.models;
