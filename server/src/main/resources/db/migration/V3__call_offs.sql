-- Call-offs (avrop) under framework agreements, the offers of the ranked cascade, the hash-chained protocol
-- and the idempotency keys of creating requests.
create table call_off (
    id                varchar(36)  primary key,
    buyer_org_no      varchar(9)   not null,
    framework_id      varchar(80)  not null references framework (id),
    lot_id            varchar(80)  not null,
    title             varchar(300) not null,
    document          varchar      not null,
    total_hours       numeric(12, 2) not null,
    estimated_value   numeric(16, 2) not null,
    route             varchar(30)  not null,
    status            varchar(30)  not null,
    awarded_org_no    varchar(9),
    agreed_value      numeric(16, 2),
    created_at        timestamp with time zone not null,
    version           integer      not null
);
create index call_off_buyer_idx on call_off (buyer_org_no, framework_id, lot_id, created_at);
create index call_off_framework_idx on call_off (framework_id, status);

create table offer (
    id              varchar(80)  primary key,
    call_off_id     varchar(36)  not null references call_off (id),
    supplier_org_no varchar(9)   not null,
    rank_no         integer      not null,
    sent_at         timestamp with time zone not null,
    deadline        timestamp with time zone not null,
    outcome         varchar(20)  not null,
    responded_at    timestamp with time zone,
    reason          varchar(60),
    constraint offer_once unique (call_off_id, supplier_org_no)
);
create index offer_open_idx on offer (outcome, deadline);

create table protocol_event (
    call_off_id    varchar(36)  not null references call_off (id),
    seq            bigint       not null,
    at             timestamp with time zone not null,
    actor          varchar(200) not null,
    type           varchar(60)  not null,
    payload        varchar      not null,
    previous_hash  varchar(64)  not null,
    hash           varchar(64)  not null,
    primary key (call_off_id, seq)
);

create table idempotency_key (
    org_no         varchar(9)   not null,
    idem_key       varchar(200) not null,
    request_hash   varchar(64)  not null,
    status         integer      not null,
    body           varchar      not null,
    created_at     timestamp with time zone not null,
    primary key (org_no, idem_key)
);
