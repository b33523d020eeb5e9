-- The value committed under each framework, in shares, so that call-offs of one framework need not wait for each
-- other's commit to respect its maximum value: a call-off books its value on one share with one conditional
-- statement (committed + value <= allowance); the allowances of a framework's shares add up to its maximum value
-- and change only with every share locked. Shares are made at a framework's first booking from the call-offs.
create table framework_value_share (
    framework_id varchar(80)    not null references framework (id),
    shard        integer        not null,
    committed    numeric(20, 2) not null,
    allowance    numeric(20, 2) not null,
    max_value    numeric(20, 2) not null,
    primary key (framework_id, shard)
);

-- What each call-off holds under its framework's maximum, and on which share.
alter table call_off add column booked_value numeric(20, 2);
alter table call_off add column value_shard integer;
update call_off set booked_value = case
    when status in ('CASCADE_EXHAUSTED', 'UNSUCCESSFUL', 'CANCELLED') then 0
    when status in ('AWARDED', 'CONTRACTED') then coalesce(agreed_value, estimated_value)
    else estimated_value end;
update call_off set booked_value = 0 where booked_value is null;
alter table call_off alter column booked_value set not null;
update call_off set value_shard = 0;

-- The shares of the frameworks there are: share 0 holds what their call-offs hold; max_value -1 makes the first
-- booking spread the maximum over the shares (with every share locked).
insert into framework_value_share (framework_id, shard, committed, allowance, max_value)
select f.id, s.n, case when s.n = 0 then coalesce((select sum(c.booked_value) from call_off c where c.framework_id = f.id), 0) else 0 end,
       case when s.n = 0 then coalesce((select sum(c.booked_value) from call_off c where c.framework_id = f.id), 0) else 0 end, -1
from framework f cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) as s (n);
