-- The create forms already sent, by the one-time token each new-widget form carries, so that sending
-- one again (Reload of the page of keys, Back and Save) leads to the widget it made instead of a second
-- one. In the database rather than in memory, so that replicas agree. Rows are forgotten after a day.
CREATE TABLE sent_create_form (
    token      VARCHAR(43)              PRIMARY KEY,
    account_id VARCHAR(32)              NOT NULL,
    sitekey    VARCHAR(64),
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sent_create_form_sent_at ON sent_create_form (sent_at);
