import type { Comment, Consultation } from '../../../../shared/forum/schemas/consultations.ts';
import type { FrameworkDefinition } from '../../zones/types.ts';

/** Why the consultation's framework draft may not be published yet; none once every comment has its answer. */
export type Blocker = { reason: 'open'; closesAt: string } | { reason: 'unanswered'; count: number };

/**
 * What stands between the draft and its publication, as the server's guard checks it: the consultation is still
 * open (until it closes), or comments wait for their written answer.
 */
export function publicationBlockers(
  consultation: Pick<Consultation, 'status' | 'closesAt' | 'unanswered'>,
  now: Date = new Date(),
): Blocker[] {
  const blockers: Blocker[] = [];
  if (consultation.status === 'open' || new Date(consultation.closesAt) > now) {
    blockers.push({ reason: 'open', closesAt: consultation.closesAt });
  }
  if (consultation.unanswered > 0) blockers.push({ reason: 'unanswered', count: consultation.unanswered });
  return blockers;
}

/** The comments on one target: a criterion, an indicator, or (null) the draft as a whole. */
export interface CommentGroup {
  target: string | null;
  comments: Comment[];
}

/**
 * The comments grouped by what they are on: the draft as a whole first, then the criteria and indicators in the
 * framework's own order (a criterion, then its indicators), then any code the framework does not name; oldest
 * first within a group.
 */
export function groupComments(comments: readonly Comment[], definition?: FrameworkDefinition): CommentGroup[] {
  const order = new Map<string, number>();
  for (const criterion of definition?.criteria ?? []) {
    order.set(criterion.code, order.size);
    for (const indicator of criterion.indicators) order.set(indicator.code, order.size);
  }
  const rank = (target: string | null) => (target === null ? -1 : (order.get(target) ?? Number.MAX_SAFE_INTEGER));
  const groups = new Map<string | null, Comment[]>();
  for (const comment of comments) groups.set(comment.target, [...(groups.get(comment.target) ?? []), comment]);
  return [...groups]
    .map(([target, list]) => ({
      target,
      comments: [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }))
    .sort((a, b) => rank(a.target) - rank(b.target) || (a.target ?? '').localeCompare(b.target ?? ''));
}

/** A criterion's or an indicator's names in the framework, by code (the criterion's own name for an indicator). */
export function targetOf(
  code: string,
  definition: FrameworkDefinition | undefined,
): { kind: 'criterion' | 'indicator'; criterion: FrameworkDefinition['criteria'][number] } | null {
  for (const criterion of definition?.criteria ?? []) {
    if (criterion.code === code) return { kind: 'criterion', criterion };
    if (criterion.indicators.some((indicator) => indicator.code === code)) return { kind: 'indicator', criterion };
  }
  return null;
}
