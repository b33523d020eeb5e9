-- Mini-competitions: the published terms and everything decided since (JSON), the invited and excluded suppliers,
-- the tenders, whose contents are stored sealed (encrypted) only, and the receipts of every submission and
-- withdrawal, which enter the protocol when the tenders are opened.
alter table call_off add column competition varchar;
alter table call_off add column tender_deadline timestamp with time zone;
create index call_off_tender_deadline_idx on call_off (status, tender_deadline);

create table competition_party (
    call_off_id     varchar(36)  not null references call_off (id),
    supplier_org_no varchar(9)   not null,
    status          varchar(20)  not null,
    reason          varchar(60),
    primary key (call_off_id, supplier_org_no)
);
create index competition_party_supplier_idx on competition_party (supplier_org_no, status);

create table tender (
    call_off_id     varchar(36)  not null references call_off (id),
    supplier_org_no varchar(9)   not null,
    tender_ref      varchar(36)  not null,
    status          varchar(20)  not null,
    version         integer      not null,
    first_at        timestamp with time zone not null,
    submitted_at    timestamp with time zone not null,
    wrapped_key     varchar,
    iv              varchar(40),
    ciphertext      varchar,
    sealed_sha256   varchar(64),
    primary key (call_off_id, supplier_org_no)
);

create table tender_receipt (
    call_off_id     varchar(36)  not null references call_off (id),
    seq             integer      not null,
    supplier_org_no varchar(9)   not null,
    tender_ref      varchar(36)  not null,
    action          varchar(20)  not null,
    version         integer      not null,
    at              timestamp with time zone not null,
    sealed_sha256   varchar(64),
    primary key (call_off_id, seq)
);
