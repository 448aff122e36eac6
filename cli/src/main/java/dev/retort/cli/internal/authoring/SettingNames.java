package dev.retort.cli.internal.authoring;

import java.util.Objects;

/**
 * How the user of {@link RevisionAuthor} names the settings and the command its messages point
 * to: the Maven plugin's properties ({@code retort.package}) or the command line's options
 * ({@code --package}), so that a message says what to type where it is read.
 *
 * @param merge the command that joins the heads, such as {@code retort merge}
 * @param sourceDir the setting for the directory of new migrations
 * @param resourceDir the setting for the directory of snapshots
 * @param migrationPackage the setting for the package of new migrations
 */
public record SettingNames(String merge, String sourceDir, String resourceDir, String migrationPackage) {

  /** Validates the components. */
  public SettingNames {
    Objects.requireNonNull(merge, "merge == null");
    Objects.requireNonNull(sourceDir, "sourceDir == null");
    Objects.requireNonNull(resourceDir, "resourceDir == null");
    Objects.requireNonNull(migrationPackage, "migrationPackage == null");
  }
}
