-- Key custody for sealed tenders: each mini-competition gets its own key pair at publication. The public half seals
-- the tenders; the private half is kept only wrapped by the key-encryption key (KEK), which is not in the database or
-- the data directory, so any server holding the KEK opens the tenders after the deadline and a backup alone opens
-- nothing. kek_id names the KEK that wrapped it (not secret). Tenders sealed before this table existed are opened
-- with the old RSA tender key file (skymarked.tenders.key.dir), when that file is present.
create table tender_key (
    call_off_id          varchar(36)  not null primary key references call_off (id),
    algorithm            varchar(40)  not null,
    public_key           varchar      not null,
    wrapped_private_key  varchar      not null,
    kek_id               varchar(100) not null,
    created_at           timestamp with time zone not null
);
