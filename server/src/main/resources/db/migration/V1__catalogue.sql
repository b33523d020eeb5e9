-- The catalogue: suppliers, services and framework agreements. Each row keeps the editor's JSON document
-- as accepted; the other columns are derived from it for search, filters and facets.
create table supplier (
    org_no      varchar(9)   primary key,
    name        varchar(200) not null,
    document    varchar      not null,
    version     integer      not null,
    updated_at  timestamp with time zone not null
);

create table framework (
    id          varchar(80)  primary key,
    title_nb    varchar(400) not null,
    status      varchar(20)  not null,
    document    varchar      not null,
    version     integer      not null,
    updated_at  timestamp with time zone not null
);

create table service (
    id               varchar(80)  primary key,
    supplier_org_no  varchar(9)   not null references supplier (org_no),
    category         varchar(20)  not null,
    status           varchar(20)  not null,
    name_nb          varchar(4000) not null,
    name_text        varchar      not null,
    search_text      varchar      not null,
    document         varchar      not null,
    version          integer      not null,
    updated_at       timestamp with time zone not null
);
create index service_category_idx on service (category, status);
create index service_supplier_idx on service (supplier_org_no, status);

create table service_storage_country (
    service_id  varchar(80) not null references service (id) on delete cascade,
    country     varchar(2)  not null,
    primary key (service_id, country)
);
create index service_storage_country_idx on service_storage_country (country);

create table service_certification (
    service_id     varchar(80) not null references service (id) on delete cascade,
    certification  varchar(40) not null,
    primary key (service_id, certification)
);
create index service_certification_idx on service_certification (certification);

create table service_framework (
    service_id    varchar(80) not null references service (id) on delete cascade,
    framework_id  varchar(80) not null references framework (id),
    lot_id        varchar(80) not null,
    primary key (service_id, framework_id, lot_id)
);
create index service_framework_idx on service_framework (framework_id);

create table catalogue_load (
    id          integer primary key,
    loaded_at   timestamp with time zone not null,
    files       integer not null
);
