package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.internal.Advice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSyntaxTest {

  @Test
  void javaWritesTheCallOfTheRetortMethod() {
    assertThat(CommandSyntax.JAVA.command("downgrade", "base")).isEqualTo("downgrade(\"base\")");
    assertThat(CommandSyntax.JAVA.command("upgrade", "+2")).isEqualTo("upgrade(\"+2\")");
    assertThat(CommandSyntax.JAVA.command("stamp", "a1b2", "c3d4")).isEqualTo("stamp(\"a1b2\", \"c3d4\")");
    assertThat(CommandSyntax.JAVA.command("show", "head")).isEqualTo("show(\"head\")");
    assertThat(CommandSyntax.JAVA.command("history")).isEqualTo("history()");
  }

  @Test
  void cliWritesTheRetortCommandWithItsArguments() {
    assertThat(CommandSyntax.CLI.command("downgrade", "base")).isEqualTo("retort downgrade base");
    assertThat(CommandSyntax.CLI.command("downgrade", "-1")).isEqualTo("retort downgrade -1");
    assertThat(CommandSyntax.CLI.command("upgrade", "+2")).isEqualTo("retort upgrade +2");
    assertThat(CommandSyntax.CLI.command("stamp", "a1b2", "c3d4")).isEqualTo("retort stamp a1b2 c3d4");
    assertThat(CommandSyntax.CLI.command("show", "20261121_153000")).isEqualTo("retort show 20261121_153000");
    assertThat(CommandSyntax.CLI.command("history")).isEqualTo("retort history");
  }

  @Test
  void mavenWritesTheGoalWithItsArgumentsAsProperties() {
    assertThat(CommandSyntax.MAVEN.command("downgrade", "base")).isEqualTo("mvn retort:downgrade -Dretort.target=base");
    assertThat(CommandSyntax.MAVEN.command("downgrade", "-1")).isEqualTo("mvn retort:downgrade -Dretort.target=-1");
    assertThat(CommandSyntax.MAVEN.command("stamp", "a1b2", "c3d4"))
        .isEqualTo("mvn retort:stamp -Dretort.target=a1b2,c3d4");
    assertThat(CommandSyntax.MAVEN.command("show", "head")).isEqualTo("mvn retort:show -Dretort.revision=head");
    assertThat(CommandSyntax.MAVEN.command("upgrade")).isEqualTo("mvn retort:upgrade");
    assertThat(CommandSyntax.MAVEN.command("history")).isEqualTo("mvn retort:history");
  }

  @Test
  void mergeIsACommandOfTheCommandLineAndMavenOnly() {
    assertThat(CommandSyntax.CLI.command("merge")).isEqualTo("retort merge");
    assertThat(CommandSyntax.MAVEN.command("merge")).isEqualTo("mvn retort:merge");
    assertThatThrownBy(() -> CommandSyntax.JAVA.command("merge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("merge is not a method of Retort: the merge revision is written from the sources, by the command"
            + " line's retort merge or the Maven plugin's retort:merge");
    assertThatThrownBy(() -> CommandSyntax.CLI.command("merge", "heads"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("merge takes no arguments, not [heads]");
    assertThat(Advice.JAVA.merge()).isEqualTo("'mvn retort:merge' or 'retort merge'");
    assertThat(new Advice(CommandSyntax.CLI).merge()).isEqualTo("'retort merge'");
  }

  @Test
  void anArgumentThatIsNotOneShellWordIsQuoted() {
    assertThat(CommandSyntax.CLI.command("stamp", "a b")).isEqualTo("retort stamp \"a b\"");
    assertThat(CommandSyntax.CLI.command("stamp", "a^b")).isEqualTo("retort stamp \"a^b\"");
    assertThat(CommandSyntax.CLI.command("stamp", "$HOME\"`")).isEqualTo("retort stamp \"\\$HOME\\\"\\`\"");
    assertThat(CommandSyntax.MAVEN.command("stamp", "a b")).isEqualTo("mvn retort:stamp \"-Dretort.target=a b\"");
    assertThat(CommandSyntax.JAVA.command("stamp", "a\"b\\")).isEqualTo("stamp(\"a\\\"b\\\\\")");
  }

  @Test
  void refusesAnUnknownCommandAndArgumentsThatDoNotFit() {
    assertThatThrownBy(() -> CommandSyntax.CLI.command("migrate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown command: migrate");
    assertThatThrownBy(() -> CommandSyntax.CLI.command("downgrade"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("downgrade takes one argument, not []");
    assertThatThrownBy(() -> CommandSyntax.CLI.command("stamp"))
        .hasMessage("stamp takes one or more arguments, not []");
    assertThatThrownBy(() -> CommandSyntax.CLI.command("upgrade", "a", "b"))
        .hasMessage("upgrade takes at most one argument, not [a, b]");
    assertThatThrownBy(() -> CommandSyntax.MAVEN.command("history", "head"))
        .hasMessage("history takes no arguments, not [head]");
    assertThatThrownBy(() -> CommandSyntax.JAVA.command("stamp", " "))
        .hasMessage("blank argument of stamp: [ ]");
  }

  @Test
  void messagesQuoteACommandLineButNotAJavaCall() {
    assertThat(new Advice(CommandSyntax.JAVA).stamp(List.of("a1b2", "c3d4"))).isEqualTo("stamp(\"a1b2\", \"c3d4\")");
    assertThat(new Advice(CommandSyntax.CLI).stamp(List.of("a1b2", "c3d4"))).isEqualTo("'retort stamp a1b2 c3d4'");
    assertThat(new Advice(CommandSyntax.MAVEN).downgrade("base"))
        .isEqualTo("'mvn retort:downgrade -Dretort.target=base'");
    assertThat(new Advice(CommandSyntax.CLI).stamp(List.of())).isEqualTo("'retort stamp base'");
  }

  @Test
  void adviceOnACurrentSchemaNamesItForTheCommandsThatConnect() {
    Advice cli = new Advice(CommandSyntax.CLI, Optional.of("tenant_acme"));
    Advice maven = new Advice(CommandSyntax.MAVEN, Optional.of("tenant_acme"));
    Advice java = new Advice(CommandSyntax.JAVA, Optional.of("tenant_acme"));

    assertThat(cli.current()).isEqualTo("'retort current --current-schema tenant_acme'");
    assertThat(cli.stamp(List.of("a1b2"))).isEqualTo("'retort stamp a1b2 --current-schema tenant_acme'");
    assertThat(maven.upgrade("head"))
        .isEqualTo("'mvn retort:upgrade -Dretort.target=head -Dretort.currentSchema=tenant_acme'");
    assertThat(java.current()).as("the instance has the schema already").isEqualTo("current()");
    assertThat(cli.merge()).as("merge works on the sources").isEqualTo("'retort merge'");
    assertThat(new Advice(CommandSyntax.CLI, Optional.of("Tenant Hooli")).history())
        .isEqualTo("'retort history --current-schema \"Tenant Hooli\"'");
  }
}
