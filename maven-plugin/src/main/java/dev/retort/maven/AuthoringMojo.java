package dev.retort.maven;

import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import dev.retort.cli.internal.authoring.SettingNames;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code retort:revision} and {@code retort:merge} share: they read the revisions from the
 * project's sources (not its compiled classes, which may not exist while the history has two
 * heads) and write a new migration and its snapshot beside the others.
 */
abstract class AuthoringMojo extends AbstractMojo {

  /** The properties and goal that messages point to. */
  private static final SettingNames NAMES =
      new SettingNames("mvn retort:merge", "retort.sourceDir", "retort.resourceDir", "retort.package");

  /** The project. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The directory new migrations are written under. Default: the one holding the newest revision. */
  @Parameter(property = "retort.sourceDir")
  File sourceDir;

  /**
   * The directory snapshots are read from and written to. Default: the {@code resources}
   * directory beside a source directory named {@code java}.
   */
  @Parameter(property = "retort.resourceDir")
  File resourceDir;

  /** The package of new migrations. Default: the newest revision's. */
  @Parameter(property = "retort.package")
  String migrationPackage;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    RevisionAuthor author;
    try {
      author = new RevisionAuthor(layout(), NAMES, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage() + " (retort.package)", e);
    }
    NewRevision written;
    try {
      written = write(author);
    } catch (AuthoringException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    Report.written(written).forEach(getLog()::info);
  }

  /** Writes the revision. */
  abstract NewRevision write(RevisionAuthor author) throws AuthoringException, MojoExecutionException;

  private RevisionAuthor.Layout layout() {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    // Generated sources (the processor's copies, the revision index) are not part of the history.
    List<Path> roots = project.getCompileSourceRoots().stream()
        .map(root -> Path.of(root).toAbsolutePath().normalize())
        .filter(root -> !root.startsWith(build))
        .toList();
    return new RevisionAuthor.Layout(roots,
        Optional.ofNullable(sourceDir).map(dir -> dir.toPath().toAbsolutePath().normalize()),
        Optional.ofNullable(resourceDir).map(dir -> dir.toPath().toAbsolutePath().normalize()),
        Optional.ofNullable(migrationPackage).filter(name -> !name.isBlank()).map(String::strip));
  }
}
