/**
 * What the server's public comment form (src/server/forum/consultation-forms.ts) answers on the consultation's
 * own page, under the form's id in the page's state, when it does not redirect.
 */
export const COMMENT_FORM = 'forum-comment';

export type CommentFormAnswer =
  | { retryAfterSeconds: number }
  /** The server's refusal, in the page's language (the consultation no longer takes comments). */
  | { problem: { title: string; detail: string } }
  /** The body could not be read as a form: too large, or not a form at all. */
  | { refused: 'too_large' | 'unreadable' };
