-- Bound protocol chains and the transparency log.
-- A call-off records its chain's format and head (last seq and hash), written in the same transaction as each
-- append, so rows removed from the end are missed. Call-offs made before this keep their unbound chains (format 1:
-- the first row links to 64 zeros); new ones start from a genesis hash of their id and each row commits to the id and
-- the call-off's decisive state (format 2, protocol_event.state).
alter table call_off add column chain_format integer default 2 not null;
update call_off set chain_format = 1;
alter table call_off add column chain_head_seq bigint;
alter table call_off add column chain_head_hash varchar(64);
update call_off set chain_head_seq = (select max(p.seq) from protocol_event p where p.call_off_id = call_off.id);
update call_off set chain_head_hash = (select p.hash from protocol_event p where p.call_off_id = call_off.id and p.seq = call_off.chain_head_seq);
alter table protocol_event add column state varchar;

-- Every protocol row's hash is a leaf of one append-only Merkle tree (RFC 9162 hashing). log_index is the leaf's
-- position, assigned after commit by the sequencer in commit order under the lock of transparency_log's one row;
-- earlier rows are sequenced at the first start.
alter table protocol_event add column log_index bigint;
create unique index protocol_event_log_index on protocol_event (log_index);
create table transparency_log (
    id         integer primary key,
    tree_size  bigint not null
);
insert into transparency_log (id, tree_size) values (1, 0);

-- Signed checkpoints: the tree's size and root hash at a time, signed with the log key (Ed25519).
create table transparency_checkpoint (
    tree_size   bigint       primary key,
    root_hash   varchar(64)  not null,
    issued_at   timestamp with time zone not null,
    key_id      varchar(64)  not null,
    signature   varchar      not null
);

-- The log's signing key: its public half as is, its private half only wrapped by the key-encryption key (as the
-- tender keys), so every server signs with the same key and a backup alone signs nothing.
create table transparency_key (
    key_id               varchar(64)  primary key,
    algorithm            varchar(20)  not null,
    public_key           varchar      not null,
    wrapped_private_key  varchar      not null,
    kek_id               varchar(100) not null,
    created_at           timestamp with time zone not null
);
