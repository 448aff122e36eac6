module com.example.notes {
  requires dev.retort.dsl;
  requires dev.retort.runtime;
  // What the runtime needs, which it cannot declare as an automatic module: JDBC and SLF4J.
  requires java.sql;
  requires org.slf4j;
  // The runtime creates the migrations by reflection and reads their snapshots beside them.
  opens com.example.notes.migration;
}
