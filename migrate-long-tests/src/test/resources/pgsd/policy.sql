-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/policy_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: no-op
--@ roles: role_1, role_2
--@ flags: no-change
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO role_1, role_2
    USING (true)
    WITH CHECK (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO role_1, role_2
    USING (true)
    WITH CHECK (true);


--@ case: Add permissive ALL policy target on non-public schema
--@ roles: role_1, role_2
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO role_1, role_2
    USING (true)
    WITH CHECK (true);


--@ case: Create SELECT policy
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);


--@ case: Create INSERT policy
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (true);


--@ case: Create UPDATE policy
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR UPDATE
    TO PUBLIC
    WITH CHECK (true);


--@ case: Create DELETE policy
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);


--@ case: Add policy on new table
--@ old
--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);


--@ case: Add policy then enable RLS
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
ALTER TABLE foobar ENABLE ROW LEVEL SECURITY;
ALTER TABLE foobar FORCE ROW LEVEL SECURITY;
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);


--@ case: Drop non-public schema policy
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();
CREATE POLICY foobar_policy ON schema_1.foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();


--@ case: Drop policy and table
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new

--@ case: Disable RLS then drop policy
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);
ALTER TABLE foobar ENABLE ROW LEVEL SECURITY;
ALTER TABLE foobar FORCE ROW LEVEL SECURITY;

--@ new
CREATE TABLE foobar();


--@ case: Drop policy and columns
--@ old
CREATE TABLE foobar(
        category TEXT,
        val TEXT
);
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (category = 'category' AND val = 'value');

--@ new
CREATE TABLE foobar();


--@ case: Restrictive to permissive policy
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS RESTRICTIVE
    FOR SELECT
    TO PUBLIC
    USING (true);


--@ case: Alter policy target
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR DELETE
    TO PUBLIC
    USING (true);


--@ case: Alter policy applies to
--@ roles: role_1, role_2
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO role_1, role_2
    USING (true);


--@ case: Alter policy using
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (false);


--@ case: Alter policy check
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (false);


--@ case: Remove using check for ALL policy
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (true)
    WITH CHECK (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    WITH CHECK (true);


--@ case: Remove check for ALL policy
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (true)
    WITH CHECK (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (true);


--@ case: Alter all alterable attributes on non-public schema
--@ roles: role_1, role_2
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO role_1, role_2
    USING (true)
    WITH CHECK (true);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar();
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (false)
    WITH CHECK (false);


--@ case: Alter policy that references deleted columns and new columns (non-public schema)
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    category TEXT,
    val TEXT
);
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (val = 'value' AND category = 'category')
    WITH CHECK (val = 'value');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    category TEXT NOT NULL,
    new_val TEXT
);
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (new_val = 'value' AND category = 'category')
    WITH CHECK (new_val = 'value');


--@ case: Re-create policy that references deleted columns and new columns (non-public schema)
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    category TEXT,
    val TEXT
);
CREATE POLICY foobar_policy ON schema_1.foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (val = 'value' AND category = 'category')
    WITH CHECK (val = 'value');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    category TEXT NOT NULL,
    new_val TEXT
);
CREATE POLICY foobar_policy ON schema_1.foobar
    AS RESTRICTIVE -- force-recreate the policy
    FOR ALL
    TO PUBLIC
    USING (new_val = 'value' AND category = 'category')
    WITH CHECK (new_val = 'value');


--@ case: Alter policy (table is re-created)
--@ old
CREATE TABLE foobar(
    category TEXT
) partition by list (category);
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (true);

--@ new
CREATE TABLE foobar(
    category TEXT,
    some_new_column TEXT
); -- Re-create by removing partitioning
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (category = 'category' AND some_new_column = 'value');


--@ case: Policy on new partition (not implemented)
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    category TEXT
) partition by list (category);

--@ new
CREATE TABLE foobar(
    category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');
CREATE POLICY foobar_1_policy ON foobar_1
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (true);


--@ case: Add policy on existing partition (not implemented)
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');

--@ new
CREATE TABLE foobar(
    category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');
CREATE POLICY foobar_1_policy ON foobar_1
    AS PERMISSIVE
    FOR INSERT
    TO PUBLIC
    WITH CHECK (true);


--@ case: Create policy with role containing double quote
--@ roles: "evil""role"
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO "evil""role"
    USING (true)
    WITH CHECK (true);


--@ case: Alter policy with role containing SQL injection payload
--@ roles: "x""; DROP TABLE foobar; --"
--@ old
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (true)
    WITH CHECK (true);

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO "x""; DROP TABLE foobar; --"
    USING (true)
    WITH CHECK (true);


--@ case: Create policy with PUBLIC keyword unquoted
--@ old
CREATE TABLE foobar();

--@ new
CREATE TABLE foobar();
CREATE POLICY foobar_policy ON foobar
    AS PERMISSIVE
    FOR ALL
    TO PUBLIC
    USING (true)
    WITH CHECK (true);

