-- Signed-in sessions (Spring Session JDBC), kept beside the audit trail so that every replica of the app
-- knows every session and a restart signs nobody out. Spring Session's own schema (schema-postgresql.sql
-- and schema-h2.sql in spring-session-jdbc 4.1, which differ only in the attribute column's type): BYTEA,
-- which H2 takes as BINARY VARYING, serves both. Made by Flyway like the audit tables, not by Spring
-- Session's own scripts (spring.session.jdbc.initialize-schema: never), so that a store is migrated in
-- one place and in order.
-- A session holds who is signed in (with single sign-on, the provider's claims and ID token), the CSRF
-- token, the page to return to after sign-in, a sign-in under way at the provider and the next page's
-- message; never a widget's secret, a password or the provider's access token (SessionsHoldNoSecretTest).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BYTEA        NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
