/**
 * The definition a version is published with: the draft's, with its `id` set to the slug it is
 * published under, and the session timeout of the publishing settings when they set one.
 *
 * Runners know a questionnaire by its slug, and a submission names its questionnaire by the
 * definition's id (`questionnaireId`), so the two must be one and the same, for previews
 * (`<slug>--preview`) as for published versions. Runners time sessions out by the version's
 * `sessionTimeoutMinutes`, so a change of the setting applies to the versions published after it.
 */
export function snapshotOf(
  definition: unknown,
  slug: string,
  sessionTimeoutMinutes: number | null,
): Record<string, unknown> {
  // Called once the definition has passed the engine's checks, so it is a questionnaire object.
  return {
    ...(definition as Record<string, unknown>),
    id: slug,
    ...(sessionTimeoutMinutes === null ? {} : { sessionTimeoutMinutes }),
  };
}
