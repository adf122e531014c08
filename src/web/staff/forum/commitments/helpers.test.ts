import { describe, expect, it } from 'vitest';
import { subjectRefOf } from '../flags/RaiseFlag.tsx';
import { evidenceBody } from './labels.tsx';
import { mechanismOrganisations } from './queries.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('the organisations at the mechanism’s tables', () => {
  it('lists each chair and member once, in name order', () => {
    expect(
      mechanismOrganisations([
        { chair: { id: B, name: 'Centre' }, members: [{ organisationId: A, name: 'Agency', seat: 'state_of_origin' }] },
        {
          chair: { id: A, name: 'Agency' },
          members: [
            { organisationId: B, name: 'Centre', seat: 'monitoring_centre' },
            { organisationId: C, name: 'Bureau', seat: 'state_of_asylum' },
          ],
        },
      ]),
    ).toEqual([
      { id: A, name: 'Agency' },
      { id: C, name: 'Bureau' },
      { id: B, name: 'Centre' },
    ]);
  });
});

describe('evidence as the API takes it', () => {
  it('drops empty rows, trims, and leaves out an empty note', () => {
    expect(
      evidenceBody([
        { kind: 'link', ref: ' https://example.org/a ', note: ' figures ' },
        { kind: 'incident', ref: '   ', note: 'ignored' },
        { kind: 'commitment', ref: C, note: '  ' },
      ]),
    ).toEqual([
      { kind: 'link', ref: 'https://example.org/a', note: 'figures' },
      { kind: 'commitment', ref: C },
    ]);
  });
});

describe('a flag’s subject', () => {
  it('names a zone’s class as P-code@month, and anything else by its key', () => {
    expect(subjectRefOf({ subjectKind: 'zone_class', pcode: ' qm0102002 ', period: '2026-03', subjectRef: '' })).toBe(
      'QM0102002@2026-03',
    );
    expect(subjectRefOf({ subjectKind: 'outcome_figure', pcode: '', period: '', subjectRef: ' outcomes:QM:x ' })).toBe(
      'outcomes:QM:x',
    );
  });
});
