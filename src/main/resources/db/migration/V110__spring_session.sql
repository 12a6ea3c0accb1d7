-- Staff and organisation sessions, shared by every node (Spring Session JDBC, ADR 0055). The shape is Spring
-- Session's own schema scripts (schema-postgresql/-mysql/-h2.sql in spring-session-jdbc), primary keys unnamed
-- (MariaDB ignores their names). The table names are upper-case, unlike every other table here: Spring Session
-- appends "_ATTRIBUTES" to the configured name, and MariaDB on Linux tells SPRING_SESSION_ATTRIBUTES from
-- spring_session_ATTRIBUTES (PostgreSQL folds both to lower case, H2 to upper case).
CREATE TABLE SPRING_SESSION (
  primary_id            CHAR(36)     NOT NULL,
  session_id            CHAR(36)     NOT NULL,
  creation_time         BIGINT       NOT NULL,
  last_access_time      BIGINT       NOT NULL,
  max_inactive_interval INT          NOT NULL,
  expiry_time           BIGINT       NOT NULL,
  principal_name        VARCHAR(100),
  PRIMARY KEY (primary_id)
) ${table_options};

CREATE UNIQUE INDEX spring_session_ix1 ON SPRING_SESSION (session_id);
CREATE INDEX spring_session_ix2 ON SPRING_SESSION (expiry_time);
CREATE INDEX spring_session_ix3 ON SPRING_SESSION (principal_name);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  session_primary_id CHAR(36)     NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    ${bytes}     NOT NULL,
  PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES SPRING_SESSION (primary_id) ON DELETE CASCADE
) ${table_options};
