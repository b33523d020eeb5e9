-- Webhook subscriptions and their delivery state: the position of the last event the receiver acknowledged, the failed
-- attempts at the next one and when to try again; a delivery worker holds a subscription by a lease (lease_token until
-- lease_until), so several servers sharing the database never deliver one subscription at the same time.
create table webhook_subscription (
    id                    varchar(40)   not null primary key,
    org_no                varchar(20)   not null,
    roles                 varchar(200)  not null,
    url                   varchar(2000) not null,
    secret                varchar(100)  not null,
    description           varchar(200),
    status                varchar(16)   not null,
    disabled_reason       varchar(500),
    pos              bigint        not null,
    attempts              int           not null,
    next_attempt_at       timestamp with time zone,
    last_attempt_at       timestamp with time zone,
    last_response_status  int,
    last_error            varchar(500),
    delivered_count       bigint        not null,
    lease_token           varchar(40),
    lease_until           timestamp with time zone,
    created_at            timestamp with time zone not null
);
create index webhook_subscription_by_org on webhook_subscription (org_no);
