package dev.retort.processor.scan;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.model.SchemaModel;
import dev.retort.snapshot.SnapshotCodec;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Golden tests of the entity → schema mapping: the schema a set of entities declares, as its snapshot text. */
class EntityScannerMappingTest {

  @Test
  void recordWithDefaults() {
    assertThat(snapshot(source("com.example.User", """
        package com.example;
        import dev.retort.*;
        @Table(name = "users")
        public record User(@Id long id, String email, int loginCount) {}
        """))).isEqualTo("""
        table users
          column id bigint not null
          column email varchar(255) null
          column login_count integer not null
          primary key pk_users (id)
        """);
  }

  private static JavaFileObject source(String name, String code) {
    return JavaFileObjects.forSourceString(name, code);
  }

  /** Compiles the sources, requires a clean compilation, and returns the schema's snapshot without its header. */
  private static String snapshot(JavaFileObject... sources) {
    ScanningProcessor processor = new ScanningProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    SchemaModel schema = processor.result().schema();
    String text = SnapshotCodec.write(schema);
    return text.substring(text.indexOf('\n', text.indexOf("retort-snapshot")) + 1);
  }
}
