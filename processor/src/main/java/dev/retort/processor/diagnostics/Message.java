package dev.retort.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every message the processor shows a user, with its kind. Each message says what is wrong
 * and how to fix it, and carries a greppable tag such as {@code [retort:duplicate-table]}.
 * Formats use {@link String#format} placeholders.
 */
public enum Message {
  /** A processor option has a value the processor cannot use. */
  INVALID_OPTION(Diagnostic.Kind.ERROR, "invalid-option", "option -A%s=%s is not valid: %s"),
  /** A {@code @Revision} class has a blank id. */
  REVISION_BLANK_ID(
      Diagnostic.Kind.ERROR, "blank-revision-id", "%s has a blank revision id; give it a unique id such as \"%s\""),
  /** A {@code @Revision} id that commands could not address, such as {@code head} or {@code a,b}. */
  REVISION_UNUSABLE_ID(
      Diagnostic.Kind.ERROR,
      "unusable-revision-id",
      "%s has revision id \"%s\", which %s; give it another id such as \"%s\", and change the parent of every"
          + " revision that follows it"),
  /** Two {@code @Revision} classes share an id. */
  REVISION_DUPLICATE_ID(
      Diagnostic.Kind.ERROR,
      "duplicate-revision",
      "revision id \"%s\" is used by %s; give each revision its own id and point the children at the right one"),
  /** A {@code @Revision} class names a parent that no revision has. */
  REVISION_MISSING_PARENT(
      Diagnostic.Kind.ERROR,
      "missing-parent",
      "%s follows revision \"%s\", but no @Revision class in this compilation has that id; correct the parent id"
          + " or restore the missing migration"),
  /** A {@code @Revision} class lists one parent twice. */
  REVISION_REPEATED_PARENT(
      Diagnostic.Kind.ERROR, "repeated-parent", "%s lists parent revision \"%s\" more than once; list it once"),
  /** Revisions follow each other in a circle. */
  REVISION_CYCLE(
      Diagnostic.Kind.ERROR,
      "revision-cycle",
      "revisions form a cycle: %s; a revision cannot follow its own descendant, so correct the parent ids"),
  /** The revision graph has more than one head. */
  REVISION_MULTIPLE_HEADS(
      Diagnostic.Kind.ERROR,
      "multiple-heads",
      "the revision graph has %d heads: %s; merge them with a revision that follows all of them, such as"
          + " @Revision(id = \"%s\", parent = {%s}) on a class implementing Migration, which mvn retort:merge or"
          + " retort merge writes with the merged snapshot"),
  /** A {@code @Revision} class does not implement {@code Migration}. */
  REVISION_NOT_MIGRATION(
      Diagnostic.Kind.ERROR,
      "revision-not-migration",
      "%s is annotated @Revision but does not implement dev.retort.Migration; implement it or remove the annotation"),
  /** The runtime could not instantiate a {@code @Revision} class. */
  REVISION_NOT_INSTANTIABLE(
      Diagnostic.Kind.ERROR,
      "revision-not-instantiable",
      "%s is annotated @Revision but the runtime cannot create it: a revision must be a public, non-abstract,"
          + " top-level or static nested class with a public no-argument constructor"),
  /** The source directory for new migrations is unknown. */
  SOURCE_DIR_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "source-dir",
      "cannot tell which source directory holds %s (its file is %s); pass -Aretort.sourceDir=<the directory"
          + " that holds your migrations package, such as src/main/java>"),
  /** The resource directory for snapshots is unknown. */
  RESOURCE_DIR_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "resource-dir",
      "cannot tell where the snapshots of source directory %s live, since it is not named java; pass"
          + " -Aretort.resourceDir=<the resources directory, such as src/main/resources>"),
  /** The source directory would be found from a Kotlin class, whose file is kapt's stub. */
  KOTLIN_SOURCE_DIR(
      Diagnostic.Kind.ERROR,
      "kotlin-source-dir",
      "%s is a Kotlin class, which kapt shows to the processor as a Java stub outside your source tree;"
          + " Retort writes its migrations as Java sources: pass -Aretort.sourceDir=<the Java source directory,"
          + " such as ${project.basedir}/src/main/java>"),
  /** A committed snapshot cannot be read. */
  SNAPSHOT_CORRUPT(
      Diagnostic.Kind.ERROR,
      "corrupt-snapshot",
      "the snapshot of %s is corrupt: %s; fix the file or restore it from version control"),
  /** A revision that changes the schema has no snapshot, so the schema after it is unknown. */
  SNAPSHOT_MISSING(
      Diagnostic.Kind.ERROR,
      "snapshot-missing",
      "%s changes the schema (schema.%s) but its snapshot %s is missing, so the build cannot know the schema"
          + " after it and would generate its changes again; restore the snapshot from version control (the"
          + " processor writes it with the migration, and both are committed). Only a revision that changes no"
          + " schema (execute, run) may go without one: make a schema change through the entities instead"),
  /**
   * A snapshot in the resource tree that no revision of the compilation reads: its migration was moved,
   * renamed or deleted. The second argument says what to do, as {@code OrphanedSnapshots} finds it.
   */
  SNAPSHOT_ORPHANED(
      Diagnostic.Kind.WARNING,
      "snapshot-orphaned",
      "snapshot %s belongs to no @Revision class of this compilation, so no build reads it; %s"),
  /** The two sides of a merge revision change the schema in ways that do not combine. */
  MERGE_CONFLICT(
      Diagnostic.Kind.ERROR,
      "merge-conflict",
      "merge revision %s cannot combine its parents' schemas: applying the changes of %s since %s to %s"
          + " fails: %s; change one branch so that they no longer conflict, or write the merged snapshot %s"
          + " by hand"),
  /** In check mode, a merge revision has no committed snapshot. */
  MERGE_SNAPSHOT_MISSING(
      Diagnostic.Kind.ERROR,
      "merge-snapshot-missing",
      "merge revision %s has no snapshot %s; build once in generate mode (-Aretort.mode=generate, the default)"
          + " to compute it, then review and commit it"),
  /** A merge revision's snapshot was computed and written. */
  MERGE_SNAPSHOT_WRITTEN(
      Diagnostic.Kind.NOTE, "merge-snapshot-written", "wrote snapshot %s of merge revision %s; review and commit it"),
  /** In check mode, the entities differ from the committed head. */
  SCHEMA_DRIFT(
      Diagnostic.Kind.ERROR,
      "schema-drift",
      "the %s differ from the schema of %s:%n%s%nBuild in generate mode"
          + " (-Aretort.mode=generate, the default) to write the migration, then review and commit it"),
  /** A generated operation can destroy stored data. */
  DESTROYS_DATA(Diagnostic.Kind.WARNING, "destroys-data", "the new migration %s %s"),
  /** A generated operation fails on a table that holds rows. */
  FAILS_ON_DATA(Diagnostic.Kind.WARNING, "fails-on-data", "the new migration %s %s"),
  /**
   * A generated operation locks a table that has rows while it reads or rewrites it; a warning unless
   * {@code -Aretort.lockFindings} makes it a note.
   */
  LOCKS_TABLE(Diagnostic.Kind.WARNING, "locks-table", "the new migration %s %s"),
  /** A bug in the processor; reported instead of a stack trace from javac. */
  INTERNAL_ERROR(
      Diagnostic.Kind.ERROR,
      "internal-error",
      "Retort failed unexpectedly; this is a bug, please report it with this message: %s"),
  /** A generated or checked file could not be read or written. */
  IO_FAILURE(Diagnostic.Kind.ERROR, "io", "cannot %s %s: %s"),
  /** A new migration was written. */
  MIGRATION_WRITTEN(Diagnostic.Kind.NOTE, "migration-written", "wrote migration %s and snapshot %s"),

  // Scanning entities: the declaration itself.

  /** {@code @Table} on something other than a class or record. */
  TABLE_NOT_A_CLASS(
      Diagnostic.Kind.ERROR,
      "table-target",
      "@Table is on %s %s, which is not a class or record; put @Table on the class or record"
          + " whose instances the table stores"),
  /** Two entities map to one table name. */
  DUPLICATE_TABLE(
      Diagnostic.Kind.ERROR,
      "duplicate-table",
      "table %s is declared by both %s%s and %s; %sgive one of them another name with"
          + " @Table(name = \"...\")"),
  /** Two members of an entity map to one column name. */
  DUPLICATE_COLUMN(
      Diagnostic.Kind.ERROR,
      "duplicate-column",
      "%s%s and %s both map to column %s of table %s; %sgive one of them another name with"
          + " @Column(name = \"...\"), or exclude it with @Transient"),
  /** An entity without a single column. */
  NO_COLUMNS(
      Diagnostic.Kind.ERROR,
      "no-columns",
      "%s maps to table %s, which would have no columns: every field is static, transient or"
          + " @Transient; add a field, or remove @Table"),
  /** A name that no database accepts (blank, or with white space around it). */
  INVALID_NAME(Diagnostic.Kind.ERROR, "invalid-name", "%s on %s is not a usable name: %s"),
  /** A table or column comment that a database refuses or changes. */
  INVALID_COMMENT(Diagnostic.Kind.ERROR, "invalid-comment", "%s on %s %s"),
  /** An identifier longer than PostgreSQL keeps. */
  IDENTIFIER_TOO_LONG(
      Diagnostic.Kind.ERROR,
      "identifier-too-long",
      "%s %s is %d bytes long; PostgreSQL truncates identifiers to 63 bytes, after which the"
          + " database would not match the model: %s"),
  /** A Java type without a mapping and without {@code @Column(type)}. */
  UNSUPPORTED_TYPE(
      Diagnostic.Kind.ERROR,
      "unsupported-type",
      "%s has Java type %s, which Retort does not map to a column type; %s, or exclude the"
          + " member with @Transient. Retort maps %s"),
  /** An inherited member whose type, given by the entity's type arguments, has no mapping. */
  UNSUPPORTED_TYPE_ARGUMENT(
      Diagnostic.Kind.ERROR,
      "unsupported-type-argument",
      "%s, declared with type %s, has Java type %s in %s, which Retort does not map to a column type; give %s"
          + " type arguments that Retort maps in the extends clause of %s. Retort maps %s"),
  /** {@code @Column(type)} that does not parse. */
  INVALID_TYPE(Diagnostic.Kind.ERROR, "invalid-type", "@Column(type) on %s: %s"),
  /** A {@code length}, {@code precision} or {@code scale} out of range. */
  INVALID_SIZE(Diagnostic.Kind.ERROR, "invalid-size", "@Column(%s = %d) on %s is out of range: %s"),
  /** A {@code length}, {@code precision} or {@code scale} on a type it does not apply to. */
  SIZE_NOT_APPLICABLE(
      Diagnostic.Kind.ERROR,
      "size-not-applicable",
      "@Column(%s = %d) on %s does not apply to Java type %s: length applies to String and"
          + " byte[], precision and scale to BigDecimal, precision (digits of the second) to LocalTime,"
          + " LocalDateTime, Instant and OffsetDateTime; remove it, or give the whole type with"
          + " @Column(type = \"...\")"),
  /** A size next to an explicit type. */
  SIZE_WITH_TYPE(
      Diagnostic.Kind.ERROR,
      "size-with-type",
      "@Column on %s sets both type and %s; the size belongs in the type, such as"
          + " type = \"varchar(40)\" or type = \"decimal(12,2)\": remove %s"),
  /** An enum without constants. */
  ENUM_EMPTY(
      Diagnostic.Kind.ERROR,
      "enum-empty",
      "%s has Java type %s, an enum without constants, so its enum column type would have no"
          + " values; add constants, or give the type with @Column(type = \"...\")"),
  /** An enum value that a database refuses or changes. */
  ENUM_VALUE_INVALID(Diagnostic.Kind.ERROR, "enum-value", "%s of %s (enum type %s) %s"),
  /** Two Java enums mapping to one enum type name with different values. */
  ENUM_CONFLICT(
      Diagnostic.Kind.ERROR,
      "enum-conflict",
      "%s maps to enum type %s with values %s, but %s maps to the same enum type with values"
          + " %s; one enum type has one list of values: rename one of the Java enums, or give"
          + " one column another type with @Column(type = \"enum other_name('A','B')\")"),
  /** A member that maps to no column but carries a mapping annotation. */
  EXCLUDED_MEMBER_ANNOTATED(
      Diagnostic.Kind.ERROR,
      "excluded-member-annotated",
      "%s is %s, so it maps to no column, but it is annotated @%s; remove @%s if the member is"
          + " not stored, or %s if it is"),
  /** A column annotation on a method. */
  ANNOTATION_ON_METHOD(
      Diagnostic.Kind.ERROR,
      "annotation-on-method",
      "@%s on method %s has no effect: Retort maps fields and record components, not methods;"
          + " annotate the field or record component instead%s"),
  /** {@code nullable = NULLABLE} on an {@code @Id}. */
  ID_NULLABLE(
      Diagnostic.Kind.ERROR,
      "id-nullable",
      "@Column(nullable = NULLABLE) on %s contradicts @Id: primary key columns are NOT NULL;"
          + " remove nullable = NULLABLE, or @Id"),
  /** {@code @Id(generated = true)} on a non-integral column. */
  GENERATED_ID_TYPE(
      Diagnostic.Kind.ERROR,
      "generated-id-type",
      "@Id(generated = true) on %s, whose column type is %s; only smallint, integer and bigint"
          + " keys can be generated: use an int or long member, or remove generated = true"),
  /** {@code @Id(generated = true)} in a composite key. */
  GENERATED_ID_COMPOSITE(
      Diagnostic.Kind.ERROR,
      "generated-id-composite",
      "@Id(generated = true) on %s, but the primary key of table %s has several columns %s;"
          + " only a single-column key can be generated: remove generated = true, or keep one"
          + " @Id"),
  /** {@code @Table(primaryKey = ...)} on an entity without {@code @Id}. */
  PRIMARY_KEY_NAME_WITHOUT_ID(
      Diagnostic.Kind.ERROR,
      "primary-key-name-without-id",
      "@Table(primaryKey = \"%s\") on %s, but table %s has no primary key to name: no member is"
          + " @Id; mark the key's members @Id, or remove primaryKey"),
  /** {@code @Id(generated = true)} with a default. */
  GENERATED_ID_DEFAULT(
      Diagnostic.Kind.ERROR,
      "generated-id-default",
      "@Id(generated = true) on %s, which also has a default; the database generates its"
          + " values: remove the default"),
  /** Both {@code defaultValue} and {@code defaultExpression}. */
  DEFAULT_CONFLICT(
      Diagnostic.Kind.ERROR,
      "default-conflict",
      "@Column on %s sets both defaultValue and defaultExpression, but a column has one"
          + " default: keep one of them"),
  /** A {@code defaultValue} that is no value of the column type. */
  DEFAULT_VALUE_INVALID(
      Diagnostic.Kind.ERROR,
      "default-value-invalid",
      "@Column(defaultValue = \"%s\") on %s is not a value of column type %s: %s; write a"
          + " valid literal, or use defaultExpression for a SQL expression"),
  /** An {@code @Index}, {@code @Unique} or {@code @ForeignKey} naming a column that does not exist. */
  INDEX_UNKNOWN_COLUMN(
      Diagnostic.Kind.ERROR,
      "index-unknown-column",
      "%s on %s names column %s, which table %s does not have%s; @%s takes column names,"
          + " not member names: the columns are %s"),
  /** An {@code @Index}, {@code @Unique} or {@code @ForeignKey} listing no column, or one twice. */
  INDEX_COLUMNS_INVALID(
      Diagnostic.Kind.ERROR, "index-columns", "%s on %s %s; list each indexed column once"),
  /** A {@code @Unique} over the columns of the primary key or of another unique constraint. */
  DUPLICATE_UNIQUE(
      Diagnostic.Kind.ERROR,
      "duplicate-unique",
      "%s on %s repeats %s: it is over the same columns %s, which are unique already; %s"),
  /** A {@code @Check} with a blank expression. */
  CHECK_EXPRESSION_BLANK(
      Diagnostic.Kind.ERROR,
      "check-expression-blank",
      "@Check(name = \"%s\") on %s has a blank expression; write the SQL condition, such as"
          + " expression = \"price >= 0\""),
  /** A {@code @Check} naming a column that its table does not have. */
  CHECK_UNKNOWN_COLUMN(
      Diagnostic.Kind.ERROR,
      "check-unknown-column",
      "@Check(name = \"%s\") on %s names %s, which is no column of table %s (its columns: %s); write a"
          + " column's name as the table has it (a bare word in any case, a quoted name exactly), or quote a"
          + " name with capitals or spaces"),
  /** A {@code @Check} naming a column of the committed table that the entity dropped or renamed. */
  CHECK_REMOVED_COLUMN(
      Diagnostic.Kind.ERROR,
      "check-removed-column",
      "@Check(name = \"%s\") on %s names column %s, which table %s no longer has (%s); write the expression"
          + " with the columns the table has now, or remove the check"),
  /** A primary key, unique constraint or index longer than MariaDB's and MySQL's keys hold. */
  KEY_TOO_LONG(
      Diagnostic.Kind.ERROR,
      "key-too-long",
      "%s %s of table %s over %s takes %d bytes in a MariaDB or MySQL key (4 per character of char"
          + " and varchar with utf8mb4), over the %d they hold: MariaDB refuses a primary key or an"
          + " index on several columns that long, indexes only a prefix of a single column and"
          + " enforces a unique key with a hash instead; shorten the columns with @Column(length), key"
          + " fewer columns, or %s"),
  /** A table whose row could be longer than MariaDB and MySQL take. */
  ROW_TOO_LARGE(
      Diagnostic.Kind.ERROR,
      "row-too-large",
      "a row of table %s could take %d bytes on MariaDB and MySQL (4 per character of char and"
          + " varchar with utf8mb4, text and blob counting 12), over the %d they take, so they refuse"
          + " to create the table; its largest columns are %s: make the long ones"
          + " @Column(type = \"text\") (\"blob\" for byte[]), or shorten them with @Column(length)"),
  /** Two constraints or indexes with one name. */
  DUPLICATE_CONSTRAINT_NAME(
      Diagnostic.Kind.ERROR,
      "duplicate-constraint-name",
      "the name %s of %s on table %s is already taken by %s on table %s%s; index and constraint"
          + " names are unique across the schema%s: choose another name"),

  /** An index, primary key or unique constraint named like a table. */
  NAME_TAKEN_BY_TABLE(
      Diagnostic.Kind.ERROR,
      "name-taken-by-table",
      "the name %s of %s on table %s %s table %s of %s; PostgreSQL and SQLite name tables and indexes (and"
          + " the indexes behind primary keys and unique constraints) from one set of names%s: give one of"
          + " them another name"),
  /** A {@code @Sequence} whose start or increment no database takes alike. */
  INVALID_SEQUENCE(
      Diagnostic.Kind.ERROR,
      "invalid-sequence",
      "%s on %s: the %s is %d; %s"),
  /** A {@code @Sequence} on a type that is not a {@code @Table} entity. */
  SEQUENCE_NOT_ON_ENTITY(
      Diagnostic.Kind.ERROR,
      "sequence-not-on-entity",
      "@Sequence on %s, which is not an entity (%s), declares nothing; put it on the entity that takes its values"),
  /** Two {@code @Sequence} annotations with one name. */
  DUPLICATE_SEQUENCE(
      Diagnostic.Kind.ERROR,
      "duplicate-sequence",
      "sequence %s is declared on both %s%s and %s%s; declare it once, or give one of them another name"),
  /** A {@code @View} whose query is blank. */
  VIEW_BLANK_QUERY(
      Diagnostic.Kind.ERROR,
      "view-blank-query",
      "@View on %s has no query; write the SELECT the view stands for: @View(\"SELECT ... FROM ...\")"),
  /** A {@code @View} whose query ends with a semicolon. */
  VIEW_SEMICOLON(
      Diagnostic.Kind.ERROR,
      "view-semicolon",
      "the query of @View on %s ends with ';'; leave the semicolon out, as CREATE VIEW takes one statement"),
  /** A view named like a table, another view, a sequence, a constraint or an index. */
  VIEW_NAME_TAKEN(
      Diagnostic.Kind.ERROR,
      "view-name-taken",
      "view %s of %s %s %s; databases name tables and views from one set of names: give the view another name"
          + " with @View(name = \"...\")"),
  /** A type annotated both {@code @View} and {@code @Table}. */
  VIEW_ON_TABLE(
      Diagnostic.Kind.ERROR,
      "view-on-table",
      "%s is annotated both @View and @Table; a type declares a table or a view: remove one of them"),

  /**
   * A {@code @View} on a JPA {@code @Entity} whose name differs from the table the entity maps to:
   * Hibernate would read another object than the view Retort creates.
   */
  VIEW_NAME_NOT_TABLE(
      Diagnostic.Kind.ERROR,
      "view-name-not-table",
      "@View(name = \"%s\") on %s names the view other than the table its @Entity maps to, %s, by which Hibernate"
          + " reads it: leave the name out of @View, or give the same name to both"),
  /**
   * A {@code @View(schema)} on a JPA {@code @Entity} other than the schema of the table the entity maps to: Hibernate
   * would read the view in the table's schema, not where Retort creates it.
   */
  VIEW_SCHEMA_NOT_TABLE(
      Diagnostic.Kind.ERROR,
      "view-schema-not-table",
      "@View(schema = \"%s\") on %s puts the view in another schema than the table its @Entity maps to, %s, where"
          + " Hibernate reads it: remove schema from @View, or give @Table(schema) the same schema"),
  /** A sequence named like a table, constraint or index. */
  SEQUENCE_NAME_TAKEN(
      Diagnostic.Kind.ERROR,
      "sequence-name-taken",
      "sequence %s on %s %s %s; PostgreSQL names tables, indexes and sequences from one set of names, and"
          + " MariaDB tables and sequences: give the sequence another name"),
  /** An enum type named like a table. */
  ENUM_NAME_TAKEN(
      Diagnostic.Kind.ERROR,
      "enum-name-taken",
      "%s maps to enum type %s, which is also the name of table %s of %s; PostgreSQL gives every table a"
          + " type of its name: rename the Java enum, or give the column another enum type name with"
          + " @Column(type = \"enum other_name('A','B')\")"),

  // Scanning entities: foreign keys.

  /**
   * {@code @References} or {@code @ForeignKey} to a class that is not an entity; the first argument
   * is the annotation as written, such as {@code @References(String.class)}.
   */
  REFERENCES_NOT_TABLE(
      Diagnostic.Kind.ERROR,
      "references-not-table",
      "%s on %s: %s is not annotated @Table; reference the entity class of the table"),
  /** {@code @References} or {@code @ForeignKey} to an entity that is not compiled with this one. */
  REFERENCES_NOT_COMPILED(
      Diagnostic.Kind.ERROR,
      "references-not-compiled",
      "%s on %s: %s is a @Table entity outside this compilation, so its"
          + " table is not known here; compile the entities together"),
  /**
   * {@code @References(column)} or {@code @ForeignKey(referencedColumns)} naming a column the target
   * does not have.
   */
  REFERENCES_UNKNOWN_COLUMN(
      Diagnostic.Kind.ERROR,
      "references-unknown-column",
      "%s on %s: table %s has no column %s; its columns are %s"),
  /**
   * {@code @References} without column, or {@code @ForeignKey} without referenced columns, to an
   * entity without primary key; the last argument is how to name a key instead.
   */
  REFERENCES_NO_KEY(
      Diagnostic.Kind.ERROR,
      "references-no-key",
      "%s on %s: table %s has no primary key to reference; mark its key with @Id, or name %s"),
  /** {@code @References} without column to an entity with a composite key. */
  REFERENCES_COMPOSITE_KEY(
      Diagnostic.Kind.ERROR,
      "references-composite-key",
      "%s on %s: the primary key of table %s has several columns %s, which"
          + " a one-column foreign key cannot reference; name a unique column with %s"),
  /** {@code @References} to a column that is no key. */
  REFERENCES_NOT_UNIQUE(
      Diagnostic.Kind.ERROR,
      "references-not-unique",
      "%s on %s: %s.%s is neither the primary key nor unique, and"
          + " a foreign key must reference a key; reference a key column, or make it unique"
          + " with @Column(unique = true)"),
  /** A foreign key column whose type differs from the referenced column. */
  REFERENCES_TYPE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "references-type-mismatch",
      "%s has column type %s but references %s.%s of type %s; a foreign key column has the"
          + " type of the column it references: change the member's Java type, or set"
          + " @Column(type = \"%s\")"),
  /** {@code SET_NULL} on a NOT NULL column, by {@code @References} or {@code @ForeignKey}. */
  REFERENCES_SET_NULL(
      Diagnostic.Kind.ERROR,
      "references-set-null",
      "@%s(%s = SET_NULL) on %s, but column %s is NOT NULL, so the database could not"
          + " set it to NULL; make the column nullable, or choose another action"),

  /** {@code SET_DEFAULT} on a NOT NULL column without a default, by {@code @References} or {@code @ForeignKey}. */
  REFERENCES_SET_DEFAULT(
      Diagnostic.Kind.ERROR,
      "references-set-default",
      "@%s(%s = SET_DEFAULT) on %s, but column %s is NOT NULL and has no default, so the database"
          + " would set it to NULL and fail; give the column a default, make it nullable, or choose another"
          + " action"),
  /** A {@code @ForeignKey} whose columns are not as many as the referenced key's. */
  FOREIGN_KEY_COLUMN_COUNT(
      Diagnostic.Kind.ERROR,
      "foreign-key-column-count",
      "%s on %s lists %s %s, but it references %s %s of table %s (%s); list one column for each"
          + " referenced column, in the same order%s"),
  /** A {@code @ForeignKey(referencedColumns)} that are neither the primary key nor unique. */
  FOREIGN_KEY_NOT_KEY(
      Diagnostic.Kind.ERROR,
      "foreign-key-not-key",
      "%s on %s: columns %s of table %s are neither its primary key nor unique together in this order, and"
          + " a foreign key must reference a key; reference the primary key (leave out referencedColumns), or"
          + " make the columns unique with @Unique(columns = %s) on %s"),
  /** A {@code @ForeignKey} column whose type differs from the column it references. */
  FOREIGN_KEY_TYPE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "foreign-key-type-mismatch",
      "%s on %s: column %s has type %s but references %s.%s of type %s; a foreign key column has the type"
          + " of the column it references: change the Java type of %s, or set @Column(type = \"%s\") on it"),
  /** A {@code @ForeignKey} declaring a foreign key that the table has already. */
  FOREIGN_KEY_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "foreign-key-duplicate",
      "%s on %s declares the foreign key %s → %s %s, which %s declares already; remove one of them"),

  // Scanning entities: renames.

  /** {@code @RenamedFrom} naming the current name. */
  RENAMED_FROM_SAME(
      Diagnostic.Kind.ERROR,
      "renamed-from-same",
      "@RenamedFrom(\"%s\") on %s names the current %s name; give the previous name, or"
          + " remove the annotation"),
  /** Two {@code @RenamedFrom} with one old name. */
  RENAMED_FROM_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "renamed-from-duplicate",
      "@RenamedFrom(\"%s\") is on both %s and %s, but one old name can become only one new"
          + " name; correct one of them"),
  /** A {@code @RenamedFrom} whose old name another entity or member still maps to. */
  RENAMED_FROM_IN_USE(
      Diagnostic.Kind.ERROR,
      "renamed-from-in-use",
      "@RenamedFrom(\"%s\") on %s cannot rename %s to %s: %s still maps to %s; a rename needs the old name"
          + " free, so make it in two builds (first the rename, then the %s that takes the old name), or remove"
          + " @RenamedFrom"),
  /** A table or column name that changes only in case, without {@code @RenamedFrom}. */
  CASE_ONLY_CHANGE(
      Diagnostic.Kind.ERROR,
      "case-only-change",
      "%s maps to %s %s, which the committed schema has as %s; a name that changes only in case is a rename:"
          + " without @RenamedFrom(\"%s\") it is a drop and an add, which loses the data and which SQLite,"
          + " MariaDB and MySQL refuse, as they take the two names as one; add @RenamedFrom(\"%s\"), or keep"
          + " the name"),
  /** A {@code @RenamedFrom} whose old name is not in the committed schema. */
  RENAMED_FROM_UNKNOWN(
      Diagnostic.Kind.WARNING,
      "renamed-from-unknown",
      "@RenamedFrom(\"%s\") on %s has no effect: the committed schema has neither %s nor %s%s"),
  /** A {@code @dev.retort.Table} class in a build that reads JPA entities, which would ignore it. */
  ENTITY_SOURCE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "entity-source",
      "%s is annotated @dev.retort.Table, but this build reads JPA @Entity classes (-Aretort.entities=jpa) and"
          + " would ignore it: declare the table with JPA's @Entity and @Table instead, or read Retort's"
          + " annotations with -Aretort.entities=retort"),
  /** A JPA construct Retort does not read; the fix is part of the arguments. */
  JPA_UNSUPPORTED(
      Diagnostic.Kind.ERROR,
      "jpa-unsupported",
      "%s on %s is not supported when Retort reads JPA entities: %s"),
  /** A JPA entity with property access, whose columns the getters would declare. */
  JPA_PROPERTY_ACCESS(
      Diagnostic.Kind.ERROR,
      "jpa-property-access",
      "%s on %s makes JPA use property access, and Retort reads JPA entities with field access only: %s"),
  /** A generated JPA key from a generator Retort does not declare: a table, or one it cannot find. */
  JPA_GENERATED_VALUE(
      Diagnostic.Kind.ERROR,
      "jpa-generated-value",
      "@GeneratedValue%s on %s asks for keys %s; %s"),
  /** A generated JPA key (identity or sequence) of a type that cannot be one. */
  JPA_GENERATED_TYPE(
      Diagnostic.Kind.ERROR,
      "jpa-generated-type",
      "@GeneratedValue%s on %s, whose column type is %s; only smallint, integer and bigint columns take keys"
          + " %s: use an int or long member"),
  /** Two JPA sequence generators, or one and a {@code @Sequence}, that give one sequence different values. */
  JPA_SEQUENCE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "jpa-sequence-mismatch",
      "%s on %s uses sequence %s with start %d and increment %d, and %s declares it with start %d and increment"
          + " %d; give both the same initialValue and allocationSize, or name another sequence"),
  /** A JPA {@code columnDefinition} that is no column type Retort reads. */
  JPA_COLUMN_DEFINITION(
      Diagnostic.Kind.ERROR,
      "jpa-column-definition",
      "@Column(columnDefinition = \"%s\") on %s is not a column type Retort reads (%s): write one of Retort's"
          + " column types there, such as varchar(100), decimal(12,2), text or json, or remove columnDefinition"
          + " and let the Java type give the column type"),
  /** A Hibernate {@code @ColumnDefault} that is empty, or a literal that is no value of its column. */
  JPA_COLUMN_DEFAULT(
      Diagnostic.Kind.ERROR,
      "jpa-column-default",
      "@ColumnDefault(\"%s\") on %s %s; write a SQL literal of the column's type ('text', 42, 1.5, true) or a"
          + " SQL expression such as CURRENT_TIMESTAMP"),
  /** A JPA {@code @Index} column list Retort cannot express. */
  JPA_INDEX_COLUMN_LIST(
      Diagnostic.Kind.ERROR,
      "jpa-index-column-list",
      "@Index(columnList = \"%s\") on %s: %s"),
  /** A Jakarta Persistence 3.2 {@code @CheckConstraint} without a condition. */
  JPA_CHECK_CONSTRAINT(
      Diagnostic.Kind.ERROR,
      "jpa-check-constraint",
      "%s on %s has a blank constraint; write the SQL condition, such as constraint = \"price >= 0\""),
  /** A model rule the checks above do not cover, reported on the entity instead of thrown. */
  INVALID_MODEL(Diagnostic.Kind.ERROR, "invalid-model", "invalid declaration on %s: %s; correct the declaration");

  private final Diagnostic.Kind kind;
  private final String tag;
  private final String format;

  Message(Diagnostic.Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  /** Whether this is an error, warning or note. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The greppable tag, without brackets. */
  public String tag() {
    return tag;
  }

  /** The full text for these arguments, ending with the tag. */
  public String format(Object... args) {
    return String.format(format, args) + " [retort:" + tag + "]";
  }
}
