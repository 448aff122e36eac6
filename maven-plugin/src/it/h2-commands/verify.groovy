// Asserts what the goals printed and what they left in the H2 database.
import java.util.regex.Pattern

String log = new File(basedir, 'build.log').getText('UTF-8')

void expect(String log, String text) {
    assert log.contains(text): "build.log lacks: " + text
}

void expectPattern(String log, String regex) {
    assert Pattern.compile(regex, Pattern.MULTILINE).matcher(log).find(): "build.log matches nothing like: " + regex
}

// Each migration is printed once, as it is recorded, followed by one summary: the runtime's own
// line for it ("Applied revision ...") is left to DEBUG.
void expectOnce(String log, String text) {
    assert log.count(text) == 1: "build.log holds " + log.count(text) + " times, not once: " + text
}
assert !log.contains('Applied revision') && !log.contains('Reverted revision'): 'a migration was printed twice'

// 1: upgrade +1, which creates the version table: said once, in the summary (the runtime's own line is left to DEBUG)
expect(log, 'Database: jdbc:h2:./target/db/shop as sa')
expectPattern(log, /(?m)^\[INFO\] Applied 20260110_090000: Create table customers\. \(\d+ statements?, \d+ ms\)\n/
        + /\[INFO\] Created the version table retort_version\.\n/
        + /\[INFO\] Upgraded from base to 20260110_090000: 1 migration in [\d.]+ m?s\.$/)
expectOnce(log, '[INFO] Applied 20260110_090000:')
expectOnce(log, 'Created the version table retort_version')
// 2: upgrade, current, history, heads, show, check
expectPattern(log, /Applied 20260111_090000: Add column customers\.phone\. \(1 statement, \d+ ms\)/)
expectOnce(log, '[INFO] Applied 20260111_090000:')
expect(log, 'Upgraded from 20260110_090000 to 20260111_090000 (head): 1 migration in ')
expect(log, 'Current revision: 20260111_090000 (head).')
expectPattern(log, /applied  <base> -> 20260110_090000, Create table customers\.  \[applied .+ in \d+ ms\]/)
expectPattern(log, /applied  20260110_090000 -> 20260111_090000 \(head\), Add column customers\.phone\./)
expect(log, 'Revision:    20260111_090000')
expect(log, 'Class:       com.example.shop.migration.V20260111_090000_AddCustomersPhone')
expect(log, '  - add column customers.phone')
expect(log, 'The database matches revision 20260111_090000 (head) (compared with'
        + ' com/example/shop/migration/V20260111_090000_AddCustomersPhone.schema).')
// 3: sql to a file
expectPattern(log, /Wrote the postgresql script from base to 20260111_090000 \(\d+ statements\) to .+full\.sql\./)
String script = new File(basedir, 'target/full.sql').getText('UTF-8')
assert script.startsWith('-- Retort migration script for PostgreSQL: base -> 20260111_090000')
assert script.contains('CREATE TABLE "customers"')
assert script.contains('ALTER TABLE "customers" ADD COLUMN "phone" varchar(20);')
// 15: sql -Dretort.stamp
String stamp = new File(basedir, 'target/stamp.sql').getText('UTF-8')
assert stamp.startsWith('-- Retort migration script for PostgreSQL: base -> 20260110_090000')
assert stamp.contains('-- Stamp 20260110_090000: record 20260110_090000 in the version table without running any migration')
assert stamp.contains('CREATE TABLE IF NOT EXISTS "retort_version"')
assert !stamp.contains('CREATE TABLE "customers"')
// 16: sql -Dretort.currentSchema
String tenant = new File(basedir, 'target/tenant.sql').getText('UTF-8')
assert tenant.contains('SET client_encoding = \'UTF8\';\n\n-- Work in tenant_acme\nSET search_path TO "tenant_acme";')
assert tenant.indexOf('SET search_path') < tenant.indexOf('CREATE TABLE "customers"')
assert tenant.contains('CREATE TABLE IF NOT EXISTS "tenant_acme"."retort_version"')
// 4: downgrade -1
expectPattern(log, /Reverted 20260111_090000: Add column customers\.phone\. \(1 statement, \d+ ms\)/)
expectOnce(log, '[INFO] Reverted 20260111_090000:')
expect(log, 'Downgraded from 20260111_090000 (head) to 20260110_090000: 1 migration in ')
// 5: stamp head
// The stamp once, from its result: the runtime's own line for it ("Stamped head: version table now at ...")
// is left to DEBUG.
expect(log, '[INFO] Stamped 20260111_090000 (head) (was 20260110_090000); no migration ran.\n'
        + '[INFO]   recorded as applied: 20260111_090000\n')
expectOnce(log, 'Stamped ')
assert !log.contains('version table now at'): 'the stamp was printed twice'
// 6: check fails on the missing column, and names it in the failure that -q shows
expect(log, 'The database differs from revision 20260111_090000 (head)')
expectPattern(log, /(?m)^\[ERROR\]   - column customers\.phone is missing$/)
assert !log.contains('see the differences above'): 'the failure points at differences that -q hides'
expect(log, 'BUILD FAILURE')
// 7: sql to standard output on a JVM whose default charset is US-ASCII
expect(log, 'CREATE TABLE IF NOT EXISTS `retort_versi\u00f6n_\u2713` (')
expect(log, 'SET NAMES utf8mb4;')
// 8, 9: downgrade and stamp without a target
expect(log, 'retort:downgrade needs a target, and has no default so that nothing is undone by accident:'
        + ' -Dretort.target=-1 (one revision back), a revision id, or base (every revision)')
expect(log, 'retort:stamp needs a target: -Dretort.target=head (record the newest revision as applied without'
        + ' running it, like Flyway\'s baseline), or a revision id')
// 10: upgrade to base is refused, naming the goal that undoes every revision
expect(log, "retort:upgrade failed: Cannot upgrade to base: base is before every revision. Use"
        + " 'mvn retort:downgrade -Dretort.target=base' to undo them all.")
// 11: a migration changed after it was applied: the new checksum is recorded with retort:stamp
expect(log, "retort:current failed: A migration was changed after it was applied to this database: revision"
        + " 20260110_090000 (com.example.shop.migration.V20260110_090000_CreateCustomers) was applied with checksum"
        + " 0000000000000000000000000000000000000000000000000000000000000000")
expect(log, "record the new checksum with 'mvn retort:stamp -Dretort.target=20260110_090000', the database's"
        + " current revision.")
assert !log.contains('stamp("'): 'a Maven user was told a Java call'
// 12: upgrade with a baseline adopts the database that exists, printing the stamp once, from the result
expect(log, '[INFO] Created the version table adopted_version.\n'
        + '[INFO] Found 1 table and no version table; they match revision 20260111_090000 (head): stamped'
        + ' 20260111_090000 (head) and its ancestors; no migration ran for them.\n'
        + '[INFO]   recorded as applied: 20260110_090000, 20260111_090000\n'
        + '[INFO]   left out: flyway_schema_history (another tool\'s history; drop it once it is no longer needed)\n'
        + '[INFO] Nothing to upgrade: the database is already at 20260111_090000 (head).\n')
assert !log.contains('they match revision 20260111_090000;'): 'the baseline was printed twice'

// 13, 14: check on the adopted database reports Flyway's history table, unless it is unmanaged
expect(log, '- table flyway_schema_history is in the database but not in the model')
assert log.count('- table flyway_schema_history is in the database but not in the model') == 1:
        'check reported the unmanaged table'
assert log.count('The database matches revision 20260111_090000 (head) (compared with') == 2:
        'check of the adopted database with -Dretort.unmanaged did not match'

// 17: upgrade in each tenant's schema, sorted by name: tenant_initech fails, the others are upgraded, the summary names
// it and the build fails
expectPattern(log, /(?m)^\[INFO\] \[tenant_acme\] Applied 20260110_090000: Create table customers\. \(1 statement, \d+ ms\)$/)
expectPattern(log, /(?m)^\[INFO\] \[tenant_acme\] Upgraded from base to 20260111_090000 \(head\): 2 migrations in /)
expectPattern(log, /(?m)^\[ERROR\] \[tenant_initech\] Upgrade of revision 20260110_090000 .* in schema tenant_initech:$/)
expectPattern(log, /(?m)^\[INFO\] \[tenant_globex\] Upgraded from base to 20260111_090000 \(head\): 2 migrations in /)
assert log.indexOf('[tenant_acme] Upgraded') < log.indexOf('[tenant_globex] Upgraded'): 'the schemas were not sorted'
expect(log, '[INFO] 3 schemas: 2 upgraded; 1 failed: tenant_initech.')
expect(log, 'retort:upgrade failed in 1 of 3 schemas (their errors are above): 3 schemas: 2 upgraded; 1 failed:'
        + ' tenant_initech.')
assert !log.contains('[shared]'): 'a schema the pattern does not match was upgraded'
// 18: current in a list of schemas, in the order given
expect(log, '[INFO] [tenant_initech] Current revision: base (no revision applied); 2 revisions pending, up to head'
        + ' 20260111_090000.\n')
expect(log, '[INFO] [tenant_acme] Current revision: 20260111_090000 (head).\n'
        + '[INFO] 2 schemas: 1 at base, 2 pending: tenant_initech; 1 at 20260111_090000 (head).\n')
// 19: a pattern matching no schema
expect(log, 'retort:upgrade failed: No schema matches nobody_* (compared without regard to case; the database\'s own,'
        + ' such as information_schema, are never matched). The database has PUBLIC, shared, tenant_acme, tenant_globex,'
        + ' tenant_initech. Create the tenants\' schemas first, or correct the pattern.')

// 20: the offline script with singleTransaction: one BEGIN before the first migration, one COMMIT after the last
def single = new File(basedir, 'target/single.sql').getText('UTF-8')
assert single.count('\nBEGIN;\n') == 1 && single.count('\nCOMMIT;\n') == 1: single
assert single.contains('All its migrations run in one transaction'): single
// 21: H2 refuses singleTransaction, naming the setting to turn off
expect(log, 'Cannot run the migrations in a single transaction on H2: it commits every DDL statement')

// 22: tenant_globex taken back
expectOnce(log, '[INFO] [tenant_globex] Reverted 20260111_090000:')
// 23: a script per tenant, each from its own revision, entering its schema; a guard where it starts past base
expect(log, '[INFO] [tenant_acme] Already at 20260111_090000 (head): wrote ')
expectPattern(log, /(?m)^\[INFO\] \[tenant_globex\] Wrote the h2 script from 20260110_090000 to 20260111_090000 \(\d+ statements\) to .*tenant_globex\.sql\.$/)
expectPattern(log, /(?m)^\[INFO\] \[tenant_initech\] Wrote the h2 script from base to 20260111_090000 \(\d+ statements\) to .*tenant_initech\.sql\.$/)
expect(log, '[INFO] 3 schemas: 1 already at 20260111_090000 (head); 2 with a script to run: tenant_globex,'
        + ' tenant_initech.')
def scripts = new File(basedir, 'target/tenant-scripts')
assert scripts.list().sort() == ['tenant_acme.sql', 'tenant_globex.sql', 'tenant_initech.sql']
def globex = new File(scripts, 'tenant_globex.sql').getText('UTF-8')
assert globex.startsWith('-- Retort migration script for H2: 20260110_090000 -> 20260111_090000\n'): globex
assert globex.contains('SET SCHEMA "tenant_globex";') && globex.contains('-- Stop here, before any change'): globex
assert globex.indexOf('SET SCHEMA') < globex.indexOf('ALTER TABLE'): globex
assert new File(scripts, 'tenant_initech.sql').getText('UTF-8').contains('CREATE TABLE "customers"')
def acme = new File(scripts, 'tenant_acme.sql').getText('UTF-8')
assert acme.contains('-- Nothing to do: tenant_acme is at 20260111_090000 (head) already') && !acme.contains(';'): acme
// 24: retort.output with several schemas
expect(log, 'retort.currentSchema tenant_acme,tenant_globex names several schemas, but an offline script is for one'
        + ' schema: write one per schema into a directory with -Dretort.outputDirectory=DIRECTORY')

// The database: recorded at head by the stamp, without the column the downgrade dropped.
Properties credentials = new Properties()
credentials.setProperty('user', 'sa')
credentials.setProperty('password', '')
String url = 'jdbc:h2:' + new File(basedir, 'target/db/shop').absolutePath
def connection = new org.h2.Driver().connect(url, credentials)
try {
    def revisions = []
    def rows = connection.createStatement().executeQuery('SELECT "revision", "execution_ms" FROM "retort_version" ORDER BY 1')
    while (rows.next()) {
        revisions << rows.getString(1) + (rows.getObject(2) == null ? ' stamped' : ' ran')
    }
    assert revisions == ['20260110_090000 ran', '20260111_090000 stamped']
    def columns = []
    rows = connection.metaData.getColumns(null, null, 'customers', null)
    while (rows.next()) {
        columns << rows.getString('COLUMN_NAME')
    }
    assert columns == ['id', 'email']
} finally {
    connection.close()
}
return true
