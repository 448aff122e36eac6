package dev.retort.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckModelTest {

  private static final List<String> COLUMNS = List.of("price", "status", "Code", "placed_on");

  @Test
  void aNameThatIsNoColumnOfTheTableIsUnknown() {
    assertThat(new CheckModel("ck", "pricee >= 0 AND status <> ''").unknownColumns(COLUMNS))
        .containsExactly("pricee");
    assertThat(new CheckModel("ck", "\"price\" > 0 AND \"code\" <> 'x' AND \"Code\" <> 'y'").unknownColumns(COLUMNS))
        .as("a quoted name must match exactly, a bare word in any case")
        .containsExactly("code");
  }

  @Test
  void eachUnknownNameOnceInOrder() {
    assertThat(new CheckModel("ck", "b > 0 AND a > 0 AND b < 9").unknownColumns(COLUMNS)).containsExactly("b", "a");
  }

  @Test
  void functionsLiteralsTypesAndSqlWordsAreNotColumns() {
    for (String expression : List.of(
        "PRICE >= 0",
        "length(status) BETWEEN 1 AND 20",
        "price::numeric(10,2) > 0",
        "CAST(price AS double precision) > 0",
        "status IN ('NEW', 'PAID') OR status IS NULL",
        "placed_on >= DATE '2020-01-01'",
        "EXTRACT(YEAR FROM placed_on) > 2000",
        "placed_on < CURRENT_DATE + INTERVAL '1' DAY",
        "status NOTNULL AND price ISNULL",
        "(price > 0) XOR (status = 'FREE')",
        "price DIV 2 > 0 AND price MOD 2 = 0",
        "BINARY status <> 'x'",
        "status <> CURRENT_USER AND status <> SESSION_USER",
        "status LIKE 'a%' ESCAPE '!'")) {
      assertThat(new CheckModel("ck", expression).unknownColumns(COLUMNS)).as(expression).isEmpty();
    }
  }
}
