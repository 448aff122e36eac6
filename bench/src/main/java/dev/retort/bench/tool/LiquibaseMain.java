package dev.retort.bench.tool;

import dev.retort.bench.measure.ChildReport;
import java.nio.file.Path;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * An application start with Liquibase: the {@code update} command with {@code changelog.sql} of
 * one directory. Liquibase's default settings, except that its usage analytics are off: they
 * would send a request over the network, which a benchmark must not time. Arguments: JDBC URL,
 * user, password, the directory.
 */
public final class LiquibaseMain {

  private LiquibaseMain() {}

  /**
   * Runs the start and prints the {@link ChildReport}.
   *
   * @param args URL, user, password, changelog directory
   * @throws Exception if Liquibase fails
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    System.setProperty("liquibase.analytics.enabled", "false");
    Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(Path.of(args[3])));
    Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, args[0])
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, args[1])
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, args[2])
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog.sql")
        .execute());
    ChildReport.emit(start, Map.of());
  }
}
