import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../shared/forum/schemas/consultations.ts';
import type { FrameworkDefinition } from '../../zones/types.ts';
import { groupComments, publicationBlockers, targetOf } from './publication.ts';

const NOW = new Date('2026-05-10T12:00:00Z');

const comment = (id: string, target: string | null, createdAt: string): Comment => ({
  id,
  target,
  source: 'public',
  organisation: null,
  language: 'en',
  text: id,
  withheld: false,
  answer: null,
  answerReason: null,
  createdAt,
});

const definition = {
  title: { en: 'Criteria' },
  criteria: [
    { code: 'safety', kind: 'outcome', name: { en: 'Safety' }, indicators: [{ code: 'incidents' }, { code: 'mines' }] },
    { code: 'services', kind: 'outcome', name: { en: 'Services' }, indicators: [{ code: 'clinics' }] },
  ],
} as unknown as FrameworkDefinition;

describe('why a consulted framework draft cannot be published yet', () => {
  it('names the open consultation and the unanswered comments', () => {
    expect(publicationBlockers({ status: 'open', closesAt: '2026-05-20T10:00:00Z', unanswered: 3 }, NOW)).toEqual([
      { reason: 'open', closesAt: '2026-05-20T10:00:00Z' },
      { reason: 'unanswered', count: 3 },
    ]);
  });

  it('names only the comments left once it has closed, and nothing once all are answered', () => {
    expect(publicationBlockers({ status: 'closed', closesAt: '2026-05-01T10:00:00Z', unanswered: 1 }, NOW)).toEqual([
      { reason: 'unanswered', count: 1 },
    ]);
    expect(publicationBlockers({ status: 'concluded', closesAt: '2026-05-01T10:00:00Z', unanswered: 0 }, NOW)).toEqual(
      [],
    );
  });
});

describe('comments grouped by criterion or indicator', () => {
  it('puts the draft as a whole first, then the framework’s order, then unknown codes; oldest first within', () => {
    const groups = groupComments(
      [
        comment('c', 'clinics', '2026-04-03T00:00:00Z'),
        comment('b', null, '2026-04-02T00:00:00Z'),
        comment('a', 'safety', '2026-04-05T00:00:00Z'),
        comment('d', 'retired_code', '2026-04-01T00:00:00Z'),
        comment('e', 'safety', '2026-04-01T00:00:00Z'),
        comment('f', 'mines', '2026-04-01T00:00:00Z'),
      ],
      definition,
    );
    expect(groups.map((group) => [group.target, group.comments.map((item) => item.id)])).toEqual([
      [null, ['b']],
      ['safety', ['e', 'a']],
      ['mines', ['f']],
      ['clinics', ['c']],
      ['retired_code', ['d']],
    ]);
  });

  it('tells a criterion from an indicator', () => {
    expect(targetOf('safety', definition)?.kind).toBe('criterion');
    expect(targetOf('clinics', definition)).toMatchObject({ kind: 'indicator', criterion: { code: 'services' } });
    expect(targetOf('nothing', definition)).toBeNull();
  });
});
