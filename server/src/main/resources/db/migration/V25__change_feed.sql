-- The change feed (GET /v1/events, webhooks): every visible change in commit order. A writer takes its positions from
-- the one row of feed_head, updated under its row lock in the same transaction as the change and held until commit, so
-- feed transactions commit one after another in position order: once a reader sees position p, every position below p
-- is committed or was rolled back (and then never appears). A sequence or identity column would not do: its numbers are
-- handed out before commit, and a reader could pass a number whose transaction commits later.
create table feed_head (
    id        int    not null primary key,
    pos  bigint not null
);
insert into feed_head (id, pos) values (1, 0);

-- audience PUBLIC: anyone (catalogue changes); PARTIES: the buyer agency (buyer_org_no), the suppliers listed in
-- feed_event_reader, and auditors.
create table feed_event (
    pos      bigint       not null primary key,
    type          varchar(100) not null,
    source        varchar(200) not null,
    subject       varchar(200) not null,
    occurred_at   timestamp with time zone not null,
    data          varchar      not null,
    audience      varchar(16)  not null,
    buyer_org_no  varchar(20)
);

create table feed_event_reader (
    pos  bigint      not null references feed_event (pos),
    org_no    varchar(20) not null,
    primary key (pos, org_no)
);
create index feed_event_reader_by_org on feed_event_reader (org_no, pos);
