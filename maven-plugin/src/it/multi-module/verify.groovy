// Asserts which modules the goals ran on and where the application's database is.
String log = new File(basedir, 'build.log').getText('UTF-8')

void expect(String log, String text) {
    assert log.contains(text): "build.log lacks: " + text
}

// 1: the parent has packaging pom and no migrations; the library has skip set.
expect(log, 'Skipping retort:upgrade in shop-parent: a project of packaging pom, with no migrations on its class path.')
expect(log, 'Skipping retort:upgrade in shop-lib: skip is set.')
expect(log, 'Upgraded from base to 20260111_090000 (head): 2 migrations in ')
expect(log, 'Current revision: 20260111_090000 (head).')
assert new File(basedir, 'app/target/db/shop.mv.db').isFile(): 'the database is not in the application module'
assert !new File(basedir, 'target/db').exists(): 'a database was created in the parent'
// 2: the library without skip
expect(log, 'No migrations in shop-lib: neither its classes nor its runtime dependencies hold a revision index'
        + ' (META-INF/retort/revisions).')
expect(log, 'put retort-processor on the compiler\'s annotation processor path (annotationProcessorPaths: javac 23 and'
        + ' newer run no processor that is only a dependency)')
expect(log, 'BUILD FAILURE')
// 3: two heads, one from each module's revision index, name the Maven goal that merges them
expect(log, 'retort:heads failed: The history has 2 heads: 20260111_090000'
        + ' (com.example.shop.migration.V20260111_090000_AddCustomersPhone), 20260112_090000'
        + ' (com.example.shop.text.AddCustomersNickname).')
expect(log, 'such as parent = {"20260111_090000", "20260112_090000"}; \'mvn retort:merge\' writes it with the'
        + ' merged snapshot.')
assert !log.contains("or 'retort merge'"): 'a Maven user was told the command line'
return true
