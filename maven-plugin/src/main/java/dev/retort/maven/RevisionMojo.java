package dev.retort.maven;

import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new empty revision whose parent is the head, with the head's snapshot carried over,
 * for a change the entities do not show, such as a data migration (Alembic's
 * {@code revision -m}): {@code mvn retort:revision -Dretort.message="backfill emails"}.
 */
@Mojo(name = "revision", threadSafe = true)
public final class RevisionMojo extends AuthoringMojo {

  /** What the revision will do; names the class ({@code V<id>_BackfillEmails}) and opens its Javadoc. */
  @Parameter(property = "retort.message")
  String message;

  /** Creates the goal; Maven calls this. */
  public RevisionMojo() {}

  @Override
  NewRevision write(RevisionAuthor author) throws AuthoringException, MojoExecutionException {
    if (message == null || message.isBlank()) {
      throw new MojoExecutionException("Say what the revision does: mvn retort:revision -Dretort.message=\"backfill"
          + " emails\"");
    }
    return author.revision(message);
  }
}
