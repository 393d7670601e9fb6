/**
 * Build errors about content (a file a pull request touched), shown the way Astro shows its own:
 * the message names the file and line, the hint says what to do, and no stack trace buries them.
 */
import { AstroError } from 'astro/errors';

/** An error Astro prints as `[AstroUserError] message` + `Hint:` without a stack trace. */
export function contentError(message: string, hint: string): Error {
  const error = new AstroError(message, hint);
  // Astro prints a stack trace whenever there is one; for a content problem it only hides the file name.
  error.stack = '';
  return error;
}
