-- migrate:up
CREATE TABLE invoice_share_links (
    id          bigserial PRIMARY KEY,
    invoice_id  bigint      NOT NULL,
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX invoice_share_links_invoice_idx ON invoice_share_links (invoice_id);

-- migrate:down
DROP INDEX invoice_share_links_invoice_idx;
DROP TABLE invoice_share_links;
