// Runs this test only where MariaDB listens on 127.0.0.1:3306; under CI=true it must.
try {
    new Socket('127.0.0.1', 3306).close()
    return true
} catch (IOException e) {
    String message = 'MariaDB is not reachable at 127.0.0.1:3306 (' + e.message + ')'
    if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
        throw new IllegalStateException('CI=true requires MariaDB: ' + message, e)
    }
    println 'skipped: ' + message + '; start it to run this test'
    return false
}
