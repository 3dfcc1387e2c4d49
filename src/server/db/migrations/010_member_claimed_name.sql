-- The name the brand's token gave a member, apart from the pseudonym shown (which may carry a
-- suffix when someone else already had that name): a member keeps their pseudonym for as long as
-- the token's name stays the same. Null for members made before this column (and seeded ones).
alter table members add column claimed_name text;
