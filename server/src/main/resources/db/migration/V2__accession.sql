-- Agencies' accessions (tilslutningserklæringer) to framework agreements: one per agency and framework.
create table accession (
    id              varchar(36)  primary key,
    framework_id    varchar(80)  not null references framework (id),
    agency_org_no   varchar(9)   not null,
    lots            varchar(2000) not null,
    signed_at       timestamp with time zone not null,
    signed_by       varchar(200) not null,
    valid_from      date         not null,
    valid_to        date,
    constraint accession_once unique (framework_id, agency_org_no)
);
create index accession_agency_idx on accession (agency_org_no);
