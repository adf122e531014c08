import { sql } from 'drizzle-orm';
import type { Scorecard, ScorecardLine } from '../../shared/forum/schemas/commitments.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import type { Database } from '../platform/db/client.ts';
import { queryRows } from '../platform/db/client.ts';
import { dayOf } from './support.ts';
import { forumCommitments, forumFlags, forumMeetings, forumParticipants, forumPositions } from './tables.ts';

interface Counts {
  commitmentsDue: number;
  keptOnTime: number;
  flagsDue: number;
  flagsAnsweredInTime: number;
  meetingsInvited: number;
  meetingsAttended: number;
  positionsTreated: number;
  positionsTakenIntoAccount: number;
}
const EMPTY: Counts = {
  commitmentsDue: 0,
  keptOnTime: 0,
  flagsDue: 0,
  flagsAnsweredInTime: 0,
  meetingsInvited: 0,
  meetingsAttended: 0,
  positionsTreated: 0,
  positionsTakenIntoAccount: 0,
};

/**
 * Trust over time: per organisation and per state, figures only — commitments kept on time of those due (closed,
 * or open past their date), flags answered within the service level of those due (answered, or unanswered past
 * their date), meetings attended of those held that it was invited to, positions taken into account (adopted or
 * partly adopted) of its positions the chair has treated. No ranking, no adjectives: the lines are in name order.
 * A state's line adds up the organisations whose home state it is.
 */
export async function scorecard(db: Database, now = new Date()): Promise<Scorecard> {
  const today = dayOf(now);
  const at = now.toISOString();
  const rows = await queryRows<{ organisation_id: string; measure: keyof Counts; n: number }>(
    db,
    sql`select owner_organisation_id as organisation_id, 'commitmentsDue' as measure, count(*)::int as n
        from ${forumCommitments} where status <> 'open' or due_on < ${today} group by 1
      union all
      select owner_organisation_id, 'keptOnTime', count(*)::int from ${forumCommitments}
        where status = 'kept' and closed_on <= due_on group by 1
      union all
      select responsible_organisation_id, 'flagsDue', count(*)::int from ${forumFlags}
        where answered_at is not null or due_at < ${at}::timestamptz group by 1
      union all
      select responsible_organisation_id, 'flagsAnsweredInTime', count(*)::int from ${forumFlags}
        where answered_at is not null and answered_at <= due_at group by 1
      union all
      select p.organisation_id, 'meetingsInvited', count(*)::int from ${forumParticipants} p
        join ${forumMeetings} m on m.id = p.meeting_id where m.status <> 'planned' group by 1
      union all
      select p.organisation_id, 'meetingsAttended', count(*)::int from ${forumParticipants} p
        join ${forumMeetings} m on m.id = p.meeting_id where m.status <> 'planned' and p.attended group by 1
      union all
      select organisation_id, 'positionsTreated', count(*)::int from ${forumPositions}
        where treatment is not null group by 1
      union all
      select organisation_id, 'positionsTakenIntoAccount', count(*)::int from ${forumPositions}
        where treatment in ('adopted', 'partly_adopted') group by 1`,
  );
  const byOrganisation = new Map<string, Counts>();
  for (const row of rows) {
    const counts = byOrganisation.get(row.organisation_id) ?? { ...EMPTY };
    counts[row.measure] += row.n;
    byOrganisation.set(row.organisation_id, counts);
  }
  const names = await organisationsByIds(db, [...byOrganisation.keys()]);
  const organisations: ScorecardLine[] = [...byOrganisation].map(([id, counts]) => ({
    key: id,
    name: names.get(id)?.name ?? '',
    ...counts,
  }));
  const byState = new Map<string, Counts>();
  for (const [id, counts] of byOrganisation) {
    const state = names.get(id)?.homeState;
    if (!state) continue;
    const total = byState.get(state) ?? { ...EMPTY };
    for (const key of Object.keys(EMPTY) as (keyof Counts)[]) total[key] += counts[key];
    byState.set(state, total);
  }
  const states: ScorecardLine[] = [...byState].map(([state, counts]) => ({ key: state, name: state, ...counts }));
  const byName = (a: ScorecardLine, b: ScorecardLine) => a.name.localeCompare(b.name);
  return { asOf: today, states: states.sort(byName), organisations: organisations.sort(byName) };
}
