// Creates the empty database the POM names; verify.groovy drops it.
Properties credentials = new Properties()
credentials.setProperty('user', 'postgres')
def connection = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/postgres', credentials)
try {
    connection.createStatement().execute('CREATE DATABASE "' + postgresDatabase + '"')
} finally {
    connection.close()
}
return true
