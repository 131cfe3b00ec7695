-- Steward clustered scheduler: db-scheduler's task table for PostgreSQL.
-- The table db-scheduler 16.x expects (from db-scheduler's postgresql_tables.sql), under Steward's
-- default name. Run it once per database with your migration tool (Flyway, Liquibase, psql -f);
-- the scheduler never creates tables itself. To use another name, replace steward_scheduled_tasks
-- everywhere below and pass the name to DbSchedulerGovernanceScheduler.Builder.tableName(..).
create table if not exists steward_scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);

create index if not exists steward_scheduled_tasks_execution_time_idx
  on steward_scheduled_tasks (execution_time);
create index if not exists steward_scheduled_tasks_last_heartbeat_idx
  on steward_scheduled_tasks (last_heartbeat);
create index if not exists steward_scheduled_tasks_priority_execution_time_idx
  on steward_scheduled_tasks (priority desc, execution_time asc);
