// Asserts what the goals printed and what they left in the MariaDB database, then drops it.
import java.util.regex.Pattern

try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def expect = { String text -> assert log.contains(text): 'build.log lacks: ' + text }
    def expectPattern = { String regex ->
        assert Pattern.compile(regex, Pattern.MULTILINE).matcher(log).find(): 'build.log matches nothing like: ' + regex
    }

    expect('Database: jdbc:mariadb://127.0.0.1:3306/' + mariadbDatabase + ' as root')
    expectPattern(/Applied 20260110_090000: Create table customers\. \(\d+ statements?, \d+ ms\)/)
    expectPattern(/Applied 20260111_090000: Add column customers\.phone\. \(1 statement, \d+ ms\)/)
    expect('Upgraded from base to 20260111_090000 (head): 2 migrations in ')
    expect('Current revision: 20260111_090000 (head).')
    expect('The database matches revision 20260111_090000 (head)')
    expectPattern(/applied  20260110_090000 -> 20260111_090000 \(head\), Add column customers\.phone\./)
    expectPattern(/Reverted 20260111_090000: .+\n.*Reverted 20260110_090000: /)
    expect('Downgraded from 20260111_090000 (head) to base: 2 migrations in ')
    expect('Current revision: base (no revision applied); 2 revisions pending, up to head 20260111_090000.')

    Properties credentials = new Properties()
    credentials.setProperty('user', 'root')
    def connection = new org.mariadb.jdbc.Driver().connect('jdbc:mariadb://127.0.0.1:3306/' + mariadbDatabase, credentials)
    try {
        def rows = connection.createStatement().executeQuery('SELECT count(*) FROM `retort_version`')
        rows.next()
        assert rows.getInt(1) == 0
        rows = connection.metaData.getTables(mariadbDatabase, null, 'customers', null)
        assert !rows.next(): 'downgrade to base left the customers table'
    } finally {
        connection.close()
    }
} finally {
    Properties credentials = new Properties()
    credentials.setProperty('user', 'root')
    def admin = new org.mariadb.jdbc.Driver().connect('jdbc:mariadb://127.0.0.1:3306/', credentials)
    try {
        admin.createStatement().execute('DROP DATABASE IF EXISTS `' + mariadbDatabase + '`')
    } finally {
        admin.close()
    }
}
return true
