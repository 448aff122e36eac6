// Runs this test only where PostgreSQL listens on 127.0.0.1:5432; under CI=true it must.
try {
    new Socket('127.0.0.1', 5432).close()
    return true
} catch (IOException e) {
    String message = 'PostgreSQL is not reachable at 127.0.0.1:5432 (' + e.message + ')'
    if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
        throw new IllegalStateException('CI=true requires PostgreSQL: ' + message, e)
    }
    println 'skipped: ' + message + '; start it to run this test'
    return false
}
