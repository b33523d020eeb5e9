-- Every version of every framework document, kept: a call-off keeps the terms (rates, ranks, member statuses,
-- criteria) of the version it was made under (FOA § 26-1(5)), and a change to an active framework's terms is an
-- amendment recorded with who, when and why.
create table framework_version (
    framework_id     varchar(80)  not null references framework (id),
    version          integer      not null,
    document         varchar      not null,
    recorded_at      timestamp with time zone not null,
    recorded_by      varchar(200) not null,
    amendment_reason varchar(4000),
    amended_terms    varchar,
    primary key (framework_id, version)
);

insert into framework_version (framework_id, version, document, recorded_at, recorded_by)
select id, version, document, updated_at, 'catalogue' from framework;

-- The framework version a call-off was made under.
alter table call_off add column framework_version integer;
update call_off set framework_version = (select f.version from framework f where f.id = call_off.framework_id);
alter table call_off alter column framework_version set not null;
