-- +goose Up
CREATE TABLE order_exports (
    id          bigserial PRIMARY KEY,
    merchant_id bigint NOT NULL,
    state       text   NOT NULL DEFAULT 'queued',
    created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE orders ADD COLUMN exported_at timestamptz;

-- +goose Down
ALTER TABLE orders DROP COLUMN exported_at;
DROP TABLE order_exports;
