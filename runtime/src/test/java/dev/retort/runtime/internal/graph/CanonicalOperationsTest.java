package dev.retort.runtime.internal.graph;

import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.binary;
import static dev.retort.model.ColumnType.decimal;
import static dev.retort.model.ColumnType.enumType;
import static dev.retort.model.ColumnType.fixedChar;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.text;
import static dev.retort.model.ColumnType.varbinary;
import static dev.retort.model.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.model.ViewModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.AlterTableComment;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.CreateView;
import dev.retort.operation.DropCheck;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropForeignKey;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropPrimaryKey;
import dev.retort.operation.DropTable;
import dev.retort.operation.DropUnique;
import dev.retort.operation.DropView;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenamePrimaryKey;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.Vendor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The canonical text must cover every component of every operation and of every model value
 * nested in one. Rather than trust a hand-written list, this test finds the components by
 * reflection, changes each one of a sample value at a time and requires the checksum to
 * change: adding a component to a record without writing it in {@link CanonicalOperations}
 * fails here.
 */
class CanonicalOperationsTest {

  /** Components the checksum leaves out on purpose, with the reason. */
  private static final Map<String, String> NOT_HASHED =
      Map.of("JdbcStep.body", "code cannot be hashed; the step's description stands for it");

  private static final ColumnModel NOTE =
      new ColumnModel("note", varchar(200), true, Optional.of(DefaultValue.expression("'none'")), false,
          Optional.of("free text"));

  /** A table using every kind of column type, default, key, index and check. */
  private static final TableModel ORDERS = new TableModel(
      "orders",
      "sales",
      List.of(
          new ColumnModel("id", bigint(), false, Optional.empty(), true, Optional.of("the key")),
          new ColumnModel("customer_id", integer(), false, Optional.empty(), false, Optional.empty()),
          new ColumnModel("total", decimal(12, 2), false, Optional.of(DefaultValue.literal("0")), false,
              Optional.empty()),
          new ColumnModel("code", fixedChar(3), true, Optional.empty(), false, Optional.empty()),
          NOTE,
          new ColumnModel("digest", binary(32), true, Optional.empty(), false, Optional.empty()),
          new ColumnModel("payload", varbinary(1000), true, Optional.empty(), false, Optional.empty()),
          new ColumnModel("placed_at", ColumnType.timestamp(3), true, Optional.empty(), false, Optional.empty()),
          new ColumnModel("status", enumType("order_status", "new", "paid"), false,
              Optional.of(DefaultValue.literal("new")), false, Optional.empty())),
      Optional.of(new PrimaryKeyModel("pk_orders", List.of("id"))),
      List.of(new UniqueModel("uq_orders_code", List.of("code", "customer_id"))),
      List.of(new IndexModel("ix_orders_customer", List.of("customer_id", "total"), false)),
      List.of(new ForeignKeyModel("fk_orders_customer", List.of("customer_id"), "customers", List.of("id"),
          ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
      List.of(new CheckModel("ck_orders_total", "total >= 0")),
      Optional.of("customer orders"));

  /** One sample of every kind of operation. */
  static List<Operation> samples() {
    Map<Vendor, String> perVendor = new EnumMap<>(Vendor.class);
    perVendor.put(Vendor.POSTGRESQL, "UPDATE orders SET note = 'none' WHERE note IS NULL");
    perVendor.put(Vendor.MYSQL, "UPDATE orders SET note = 'none' WHERE note IS NULL LIMIT 1000");
    return List.of(
        new CreateTable(ORDERS),
        new DropTable("orders"),
        new RenameTable("orders", "purchases"),
        new AlterTableComment("orders", new Change<>(Optional.empty(), Optional.of("customer orders"))),
        new AddColumn("orders", NOTE),
        new DropColumn("orders", "note"),
        new RenameColumn("orders", "note", "remark"),
        new AlterColumn("orders", "note",
            Optional.of(new Change<>(varchar(200), text())),
            Optional.of(new Change<>(true, false)),
            Optional.of(new Change<>(Optional.empty(), Optional.of(DefaultValue.literal("none")))),
            Optional.of(new Change<>(Optional.of("free text"), Optional.empty())),
            Optional.of(new Change<>(false, true))),
        new AddPrimaryKey("orders", new PrimaryKeyModel("pk_orders", List.of("id", "customer_id"))),
        new DropPrimaryKey("orders", "pk_orders"),
        new RenamePrimaryKey("purchases", "pk_orders", "pk_purchases"),
        new AddUnique("orders", new UniqueModel("uq_orders_code", List.of("code", "customer_id"))),
        new DropUnique("orders", "uq_orders_code"),
        new AddCheck("orders", new CheckModel("ck_orders_total", "total >= 0")),
        new DropCheck("orders", "ck_orders_total"),
        new AddForeignKey("orders", new ForeignKeyModel("fk_orders_customer", List.of("customer_id"),
            "customers", List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.RESTRICT)),
        new DropForeignKey("orders", "fk_orders_customer"),
        new ValidateConstraint("orders", "fk_orders_customer"),
        new CreateIndex("orders", new IndexModel("ix_orders_code", List.of("code", "total"), true), true),
        new DropIndex("orders", "ix_orders_code", false),
        new CreateSequence(new SequenceModel("orders_seq", "sales", 1, 50)),
        new DropSequence("orders_seq"),
        new AlterSequence("orders_seq", Optional.of(new Change<>(1L, 100L)), Optional.of(new Change<>(1L, 50L))),
        new CreateView(new ViewModel("open_orders", "sales", "SELECT id\nFROM orders WHERE note <> 'done'")),
        new DropView("open_orders"),
        new Execute(Optional.of("UPDATE orders SET note = 'none'"), perVendor),
        new JdbcStep("backfill orders.note", connection -> { }));
  }

  @Test
  void changingAnyComponentOfAnyOperationChangesTheChecksum() {
    Mutator mutator = new Mutator();
    List<String> unchanged = new ArrayList<>();
    for (Operation sample : samples()) {
      String checksum = checksum(sample);
      for (Variant variant : mutator.mutations(sample, sample.getClass())) {
        if (checksum(variant.value()).equals(checksum)) {
          unchanged.add(name(sample.getClass()) + variant.path());
        }
      }
    }
    assertThat(unchanged)
        .as("changes that leave the checksum as it was: write these components in CanonicalOperations")
        .isEmpty();

    Set<String> components = new TreeSet<>();
    for (Class<?> kind : Operation.class.getPermittedSubclasses()) {
      reachableComponents(kind, components, new HashSet<>());
    }
    components.removeAll(NOT_HASHED.keySet());
    Set<String> untested = new TreeSet<>(components);
    untested.removeAll(mutator.varied);
    assertThat(untested)
        .as("components that no sample could vary: add a sample value in which they can change"
            + " (and write them in CanonicalOperations if they are new)")
        .isEmpty();
  }

  @Test
  void noTwoDifferentOperationsHaveTheSameText() {
    Mutator mutator = new Mutator();
    List<Variant> all = new ArrayList<>();
    for (Operation sample : samples()) {
      all.add(new Variant(sample, name(sample.getClass())));
      for (Variant variant : mutator.mutations(sample, sample.getClass())) {
        all.add(new Variant(variant.value(), name(sample.getClass()) + variant.path()));
      }
    }
    Map<String, Variant> byText = new HashMap<>();
    for (Variant operation : all) {
      String text = CanonicalOperations.of(List.of((Operation) operation.value()), Optional.empty());
      Variant before = byText.putIfAbsent(text, operation);
      if (before != null && !before.value().equals(operation.value())) {
        fail("two different operations have the same canonical text:%n%s%n%s%n%s%n%s",
            before.path(), operation.path(), before.value(), operation.value());
      }
    }
    assertThat(byText).hasSizeGreaterThan(samples().size() * 10);
  }

  @Test
  void everyKindOfOperationHasASample() {
    Set<Class<?>> sampled = new HashSet<>();
    for (Operation sample : samples()) {
      sampled.add(sample.getClass());
    }

    assertThat(sampled).containsExactlyInAnyOrder(Operation.class.getPermittedSubclasses());
  }

  @Test
  void writesOneOperationPerLineAfterTheFormatAndCounts() {
    String text = CanonicalOperations.of(
        List.of(new DropColumn("orders", "note"), new DropTable("orders")), Optional.empty());

    assertThat(text).isEqualTo("""
        retort-checksum-2
        upgrade 2
        DropColumn(6:orders 4:note)
        DropTable(6:orders)
        irreversible
        """);
  }

  /**
   * The flag came after the format: a constraint added as before must keep its text, and with it the checksum of every
   * migration already applied, and one added not valid must differ.
   */
  @Test
  void writesTheNotValidFlagOnlyWhenItIsSetAndValidationAsTheTableAndConstraint() {
    CheckModel check = new CheckModel("ck_orders_total", "total >= 0");
    ForeignKeyModel key = new ForeignKeyModel("fk_orders_customer", List.of("customer_id"), "customers",
        List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);

    String text = CanonicalOperations.of(List.of(new AddCheck("orders", check), new AddForeignKey("orders", key),
        new AddCheck("orders", check, true), new AddForeignKey("orders", key, true),
        new ValidateConstraint("orders", "fk_orders_customer")), Optional.empty());

    assertThat(text).isEqualTo("""
        retort-checksum-2
        upgrade 5
        AddCheck(6:orders Check(15:ck_orders_total 10:total >= 0))
        AddForeignKey(6:orders ForeignKey(18:fk_orders_customer 1[11:customer_id] 9:customers 1[2:id] no_action \
        no_action))
        AddCheck(6:orders Check(15:ck_orders_total 10:total >= 0) not_valid)
        AddForeignKey(6:orders ForeignKey(18:fk_orders_customer 1[11:customer_id] 9:customers 1[2:id] no_action \
        no_action) not_valid)
        ValidateConstraint(6:orders 18:fk_orders_customer)
        irreversible
        """);
  }

  @Test
  void writesSequencesWithTheirNumbersInDecimal() {
    String text = CanonicalOperations.of(
        List.of(new CreateSequence(new SequenceModel("orders_seq", "", 1, 50)),
            new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(50L, 1L)))),
        Optional.of(List.of(new DropSequence("orders_seq"))));

    assertThat(text).isEqualTo("""
        retort-checksum-2
        upgrade 2
        CreateSequence(Sequence(10:orders_seq 0: 1 50))
        AlterSequence(10:orders_seq - +50>1)
        downgrade 1
        DropSequence(10:orders_seq)
        """);
  }

  @Test
  void writesViewsWithTheirQueriesAsWritten() {
    String text = CanonicalOperations.of(
        List.of(new CreateView(new ViewModel("open_orders", "", "SELECT id\nFROM orders"))),
        Optional.of(List.of(new DropView("open_orders"))));

    assertThat(text).isEqualTo("""
        retort-checksum-2
        upgrade 1
        CreateView(11:open_orders 0: 21:SELECT id
        FROM orders)
        downgrade 1
        DropView(11:open_orders)
        """);
  }

  @Test
  void executeWritesItsVendorsInAFixedOrderWhateverTheMapsOrder() {
    Map<Vendor, String> oneOrder = new LinkedHashMap<>();
    oneOrder.put(Vendor.MARIADB, "SELECT 2");
    oneOrder.put(Vendor.H2, "SELECT 1");
    Map<Vendor, String> otherOrder = new LinkedHashMap<>();
    otherOrder.put(Vendor.H2, "SELECT 1");
    otherOrder.put(Vendor.MARIADB, "SELECT 2");

    String text = CanonicalOperations.of(List.of(new Execute(Optional.empty(), oneOrder)), Optional.of(List.of()));

    assertThat(text)
        .isEqualTo(CanonicalOperations.of(List.of(new Execute(Optional.empty(), otherOrder)), Optional.of(List.of())))
        .contains("Execute(- 2[h2=8:SELECT 1 mariadb=8:SELECT 2])");
  }

  @Test
  void theSqlOfEveryVendorCountsAndNoVendorIsTakenForAnother() {
    Set<String> checksums = new HashSet<>();
    for (Vendor vendor : Vendor.values()) {
      String one = checksum(new Execute(Optional.empty(), Map.of(vendor, "SELECT 1")));
      String other = checksum(new Execute(Optional.empty(), Map.of(vendor, "SELECT 2")));

      assertThat(one).as("SQL for %s", vendor).isNotEqualTo(other);
      assertThat(checksums.add(one)).as("the checksum of SQL for %s is that of another vendor", vendor).isTrue();
    }
  }

  private static String checksum(Object operation) {
    return Checksums.of(List.of((Operation) operation), Optional.empty());
  }

  /** Adds "Record.component" for every record component reachable from {@code type}. */
  private static void reachableComponents(Type type, Set<String> components, Set<Type> seen) {
    if (type instanceof ParameterizedType parameterized) {
      reachableComponents(parameterized.getRawType(), components, seen);
      for (Type argument : parameterized.getActualTypeArguments()) {
        reachableComponents(argument, components, seen);
      }
    } else if (type instanceof Class<?> cls && seen.add(cls)) {
      if (cls.isRecord()) {
        for (RecordComponent component : cls.getRecordComponents()) {
          components.add(name(cls) + "." + component.getName());
          reachableComponents(component.getGenericType(), components, seen);
        }
      } else if (cls.isSealed()) {
        for (Class<?> subclass : cls.getPermittedSubclasses()) {
          reachableComponents(subclass, components, seen);
        }
      }
    }
  }

  private static String name(Class<?> cls) {
    return cls.getName().substring(cls.getPackageName().length() + 1).replace('$', '.');
  }

  /**
   * A value that differs from a sample in one place.
   *
   * @param value the value
   * @param path where it differs, such as {@code .table.columns[2].type(ColumnType.Decimal).scale}
   */
  private record Variant(Object value, String path) {}

  /**
   * Makes, from a value, every value that differs from it in exactly one place (one component
   * of one record, however deeply nested) and that the records' constructors accept.
   */
  private static final class Mutator {

    /** The components, as "Record.component", for which at least one variant was made. */
    final Set<String> varied = new TreeSet<>();

    List<Variant> mutations(Object value, Type type) {
      return mutations(value, type, Map.of());
    }

    private List<Variant> mutations(Object value, Type type, Map<TypeVariable<?>, Type> bindings) {
      Type resolved = resolve(type, bindings);
      Class<?> raw = raw(resolved);
      List<Variant> variants = new ArrayList<>();
      if (raw == String.class) {
        variants.add(new Variant(value + "x", " + \"x\""));
        variants.add(new Variant(value + " ", " + \" \""));
      } else if (raw == boolean.class || raw == Boolean.class) {
        variants.add(new Variant(!(Boolean) value, " negated"));
      } else if (raw == int.class || raw == Integer.class) {
        variants.add(new Variant((Integer) value + 1, " + 1"));
        variants.add(new Variant((Integer) value - 1, " - 1"));
      } else if (raw == long.class || raw == Long.class) {
        // Up, not down: sequences take no value below 1.
        variants.add(new Variant((Long) value + 1, " + 1"));
        variants.add(new Variant((Long) value * 10, " * 10"));
      } else if (value instanceof Enum<?> constant) {
        for (Enum<?> other : constant.getDeclaringClass().getEnumConstants()) {
          if (other != value) {
            variants.add(new Variant(other, " -> " + other.name()));
          }
        }
        if (raw.isSealed()) {
          variants.addAll(otherVariants(raw, constant.getDeclaringClass()));
        }
      } else if (raw == Optional.class) {
        Type element = argument(resolved, 0, bindings);
        Optional<?> optional = (Optional<?>) value;
        if (optional.isPresent()) {
          variants.add(new Variant(Optional.empty(), " -> empty"));
          for (Variant changed : mutations(optional.get(), element, bindings)) {
            variants.add(new Variant(Optional.of(changed.value()), ".get()" + changed.path()));
          }
        } else {
          variants.add(new Variant(Optional.of(sample(element, bindings)), " -> present"));
        }
      } else if (raw == List.class) {
        Type element = argument(resolved, 0, bindings);
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
          for (Variant changed : mutations(list.get(i), element, bindings)) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(i, changed.value());
            variants.add(new Variant(copy, "[" + i + "]" + changed.path()));
          }
        }
        if (!list.isEmpty()) {
          variants.add(new Variant(list.subList(0, list.size() - 1), " without its last item"));
        }
        if (list.size() > 1) {
          List<Object> swapped = new ArrayList<>(list);
          swapped.set(0, list.get(1));
          swapped.set(1, list.get(0));
          variants.add(new Variant(swapped, " with its first two items swapped"));
        }
        List<Object> longer = new ArrayList<>(list);
        longer.add(sample(element, bindings));
        variants.add(new Variant(longer, " with one more item"));
      } else if (raw == Map.class) {
        Class<?> keys = raw(argument(resolved, 0, bindings));
        Type values = argument(resolved, 1, bindings);
        Map<?, ?> map = (Map<?, ?>) value;
        for (Object key : keys.getEnumConstants()) {
          Map<Object, Object> copy = new HashMap<>(map);
          if (map.containsKey(key)) {
            copy.remove(key);
            variants.add(new Variant(copy, " without " + key));
            for (Variant changed : mutations(map.get(key), values, bindings)) {
              Map<Object, Object> changedCopy = new HashMap<>(map);
              changedCopy.put(key, changed.value());
              variants.add(new Variant(changedCopy, ".get(" + key + ")" + changed.path()));
            }
          } else {
            copy.put(key, sample(values, bindings));
            variants.add(new Variant(copy, " with " + key));
          }
        }
      } else if (value.getClass().isRecord()) {
        for (Variant changed : recordMutations((Record) value, resolved, bindings)) {
          String variant = raw == value.getClass() ? "" : "(" + name(value.getClass()) + ")";
          variants.add(new Variant(changed.value(), variant + changed.path()));
        }
        if (raw.isSealed()) {
          variants.addAll(otherVariants(raw, value.getClass()));
        }
      } else {
        fail("the test cannot vary a value of type %s: teach Mutator.mutations how", resolved);
      }
      return variants;
    }

    private List<Variant> recordMutations(Record value, Type type, Map<TypeVariable<?>, Type> outer) {
      Class<?> cls = value.getClass();
      Map<TypeVariable<?>, Type> bindings = new HashMap<>();
      if (type instanceof ParameterizedType parameterized && raw(type) == cls) {
        TypeVariable<?>[] variables = cls.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
          bindings.put(variables[i], resolve(parameterized.getActualTypeArguments()[i], outer));
        }
      }
      RecordComponent[] components = cls.getRecordComponents();
      Object[] arguments = new Object[components.length];
      Class<?>[] parameterTypes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        arguments[i] = invoke(components[i], value);
        parameterTypes[i] = components[i].getType();
      }
      Constructor<?> constructor;
      try {
        constructor = cls.getDeclaredConstructor(parameterTypes);
      } catch (NoSuchMethodException e) {
        throw new AssertionError(e);
      }
      List<Variant> variants = new ArrayList<>();
      for (int i = 0; i < components.length; i++) {
        String component = name(cls) + "." + components[i].getName();
        if (NOT_HASHED.containsKey(component)) {
          continue;
        }
        for (Variant changed : mutations(arguments[i], components[i].getGenericType(), bindings)) {
          Object[] changedArguments = arguments.clone();
          changedArguments[i] = changed.value();
          Object variant;
          try {
            variant = constructor.newInstance(changedArguments);
          } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
              continue; // not a valid value, such as a key naming a column the table lacks
            }
            throw new AssertionError(e.getCause());
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
          if (!variant.equals(value)) {
            varied.add(component);
            variants.add(new Variant(variant, "." + components[i].getName() + changed.path()));
          }
        }
      }
      return variants;
    }

    /** A sample of each variant of a sealed type other than {@code except}. */
    private List<Variant> otherVariants(Class<?> sealed, Class<?> except) {
      List<Variant> variants = new ArrayList<>();
      for (Class<?> subclass : sealed.getPermittedSubclasses()) {
        if (subclass != except) {
          variants.add(new Variant(sample(subclass, Map.of()), " -> a " + name(subclass)));
        }
      }
      return variants;
    }

    private Object sample(Type type, Map<TypeVariable<?>, Type> bindings) {
      Type resolved = resolve(type, bindings);
      Class<?> raw = raw(resolved);
      if (raw == String.class) {
        return "added";
      } else if (raw == Boolean.class) {
        return true;
      } else if (raw == Optional.class) {
        return Optional.of(sample(argument(resolved, 0, bindings), bindings));
      } else if (raw == Change.class) {
        Type element = argument(resolved, 0, bindings);
        Object from = sample(element, bindings);
        return new Change<>(from, mutations(from, element, bindings).get(0).value());
      } else if (raw == ColumnType.class || raw == ColumnType.Scalar.class) {
        return ColumnType.Scalar.DATE;
      } else if (raw == ColumnType.Decimal.class) {
        return decimal(5, 1);
      } else if (raw == ColumnType.Char.class) {
        return fixedChar(1);
      } else if (raw == ColumnType.Varchar.class) {
        return varchar(1);
      } else if (raw == ColumnType.Binary.class) {
        return binary(1);
      } else if (raw == ColumnType.Varbinary.class) {
        return varbinary(1);
      } else if (raw == ColumnType.Enumerated.class) {
        return enumType("kind", "a");
      } else if (raw == ColumnType.Temporal.class) {
        return ColumnType.timestamp(3);
      } else if (raw == DefaultValue.class || raw == DefaultValue.Literal.class) {
        return DefaultValue.literal("x");
      } else if (raw == DefaultValue.Expression.class) {
        return DefaultValue.expression("1 + 1");
      } else if (raw == ColumnModel.class) {
        return ColumnModel.of("added", integer());
      } else if (raw == PrimaryKeyModel.class) {
        return new PrimaryKeyModel("pk_added", List.of("id"));
      } else if (raw == UniqueModel.class) {
        return new UniqueModel("uq_added", List.of("id"));
      } else if (raw == IndexModel.class) {
        return new IndexModel("ix_added", List.of("id"), false);
      } else if (raw == ForeignKeyModel.class) {
        return new ForeignKeyModel("fk_added", List.of("id"), "other", List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
      } else if (raw == CheckModel.class) {
        return new CheckModel("ck_added", "1 = 1");
      }
      return fail("the test has no sample of %s: add one to Mutator.sample", resolved);
    }

    private static Object invoke(RecordComponent component, Record value) {
      try {
        return component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
      if (type instanceof TypeVariable<?> variable) {
        Type bound = bindings.get(variable);
        if (bound == null) {
          fail("type variable %s is not bound", variable);
        }
        return bound;
      }
      return type;
    }

    private static Type argument(Type type, int index, Map<TypeVariable<?>, Type> bindings) {
      return resolve(((ParameterizedType) type).getActualTypeArguments()[index], bindings);
    }

    private static Class<?> raw(Type type) {
      if (type instanceof ParameterizedType parameterized) {
        return (Class<?>) parameterized.getRawType();
      }
      return (Class<?>) type;
    }
  }
}
