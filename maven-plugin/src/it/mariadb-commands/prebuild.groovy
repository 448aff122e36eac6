// Creates the empty database the POM names; verify.groovy drops it.
Properties credentials = new Properties()
credentials.setProperty('user', 'root')
def connection = new org.mariadb.jdbc.Driver().connect('jdbc:mariadb://127.0.0.1:3306/', credentials)
try {
    connection.createStatement().execute('CREATE DATABASE `' + mariadbDatabase + '`')
} finally {
    connection.close()
}
return true
