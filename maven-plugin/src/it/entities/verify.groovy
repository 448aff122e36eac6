// Asserts what retort:entities wrote and printed, and what the first migration built from it gives.
String log = new File(basedir, 'build.log').getText('UTF-8')

void expect(String log, String text) {
    assert log.contains(text): "build.log lacks: " + text
}

File model = new File(basedir, 'src/main/java/com/example/shop/model')
assert new File(model, 'Customers.java').isFile()
assert new File(model, 'Orders.java').isFile()
assert !new File(model, 'FlywaySchemaHistory.java').exists()
String orders = new File(model, 'Orders.java').getText('UTF-8')
assert orders.contains('@References(value = Customers.class, onDelete = ReferentialAction.CASCADE) long customerId,'): orders
assert orders.contains('@Column(precision = 10, scale = 2, nullable = NOT_NULL, defaultValue = "0") BigDecimal total,'): orders

// 1: written
expect(log, 'Wrote 2 entities of schema public to ')
expect(log, '  Customers.java (customers)')
expect(log, 'Left out: flyway_schema_history')
// 2: refused, naming the files
expect(log, 'retort:entities: these files exist, and entities never overwrites a file; nothing was written:')
// 3: the first migration
expect(log, 'wrote migration')
// 4: stamped; check differs only by Flyway's table
expect(log, 'CreateCustomersAndOrders.schema): 1 difference')
expect(log, 'table flyway_schema_history is in the database but not in the model')
assert !log.contains('customers is in the database'): 'a table of the entities differs'
return true
