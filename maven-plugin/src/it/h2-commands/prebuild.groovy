// A second H2 database whose version table says that 20260110_090000 was applied with another
// checksum than its operations give now: as if the migration had been edited after it ran.
// Goal 11 meets it and must say how to record the new checksum, as a Maven goal.
Properties credentials = new Properties()
credentials.setProperty('user', 'sa')
credentials.setProperty('password', '')
String url = 'jdbc:h2:' + new File(basedir, 'target/db/edited').absolutePath
def connection = new org.h2.Driver().connect(url, credentials)
try {
    def statement = connection.createStatement()
    statement.execute('CREATE TABLE "retort_version" ("revision" VARCHAR(100) NOT NULL PRIMARY KEY,'
            + ' "description" VARCHAR(500) NOT NULL, "checksum" VARCHAR(64) NOT NULL,'
            + ' "applied_at" TIMESTAMP NOT NULL, "execution_ms" BIGINT, "source_checksum" VARCHAR(64))')
    statement.execute('INSERT INTO "retort_version" VALUES (\'20260110_090000\', \'Create table customers.\','
            + ' \'0000000000000000000000000000000000000000000000000000000000000000\', CURRENT_TIMESTAMP, 5, NULL)')
} finally {
    connection.close()
}

// A third H2 database, made without Retort: the tables of head, Flyway's history table, no version
// table. Goal 12 adopts it with -Dretort.baseline=head.
url = 'jdbc:h2:' + new File(basedir, 'target/db/adopted').absolutePath
connection = new org.h2.Driver().connect(url, credentials)
try {
    def statement = connection.createStatement()
    statement.execute('CREATE TABLE "customers" ("id" BIGINT NOT NULL, "email" VARCHAR(255), "phone" VARCHAR(20),'
            + ' CONSTRAINT "pk_customers" PRIMARY KEY ("id"), CONSTRAINT "uq_customers_email" UNIQUE ("email"))')
    statement.execute('CREATE TABLE "flyway_schema_history" ("installed_rank" INT NOT NULL PRIMARY KEY)')
} finally {
    connection.close()
}
// A fourth H2 database with a schema per tenant (goals 17 to 19), and a schema that is no tenant's: tenant_initech
// holds a customers table of its own, on which the first migration fails.
url = 'jdbc:h2:' + new File(basedir, 'target/db/tenants').absolutePath
connection = new org.h2.Driver().connect(url, credentials)
try {
    def statement = connection.createStatement()
    ['tenant_globex', 'tenant_acme', 'tenant_initech', 'shared'].each { statement.execute('CREATE SCHEMA "' + it + '"') }
    statement.execute('CREATE TABLE "tenant_initech"."customers" ("id" BIGINT NOT NULL PRIMARY KEY)')
} finally {
    connection.close()
}
return true
