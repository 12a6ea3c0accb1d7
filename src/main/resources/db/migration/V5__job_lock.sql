-- Scheduled jobs that must run on one node only take a lease here (system/jobs/JobLock).
CREATE TABLE job_lock (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  locked_by   VARCHAR(128) NOT NULL,
  locked_at   ${timestamp} NOT NULL,
  lease_until ${timestamp} NOT NULL
) ${table_options};
