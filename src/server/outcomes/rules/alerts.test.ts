import { describe, expect, it } from 'vitest';
import { alertsFor, DEFAULT_ALERT_THRESHOLDS, parseAlertThresholds, type Round } from './alerts.ts';
import type { Scores } from './scores.ts';

const scores = (composite: number, economic = composite): Scores => ({
  economic,
  social: composite,
  psychosocial: composite,
  composite,
  familyUnity: 1,
  servicesAccess: 1,
});
const round = (composite: number, indicators: Round['indicators'] = {}, economic = composite): Round => ({
  indicators,
  scores: scores(composite, economic),
});

describe('alertsFor', () => {
  it('raises a drop larger than the threshold, naming the scores that fell', () => {
    const [finding] = alertsFor(round(0.5, {}, 0.3), [round(0.7)]);
    expect(finding).toEqual({
      kind: 'score_drop',
      detail: {
        scores: 'composite,economic,social,psychosocial',
        compositeBefore: 0.7,
        compositeAfter: 0.5,
        economicBefore: 0.7,
        economicAfter: 0.3,
        socialBefore: 0.7,
        socialAfter: 0.5,
        psychosocialBefore: 0.7,
        psychosocialAfter: 0.5,
        threshold: 0.15,
      },
    });
  });

  it('does not raise a drop of exactly the threshold, a rise, or a first round', () => {
    expect(alertsFor(round(0.55), [round(0.7)])).toEqual([]);
    expect(alertsFor(round(0.9), [round(0.2)])).toEqual([]);
    expect(alertsFor(round(0), [])).toEqual([]);
    expect(alertsFor(round(0.5), [round(0.7)], { ...DEFAULT_ALERT_THRESHOLDS, drop: 0.25 })).toEqual([]);
  });

  it('raises the answers that call for help whatever the previous round', () => {
    const kinds = alertsFor(
      round(0.8, {
        member_missing: 'yes',
        children_out_of_school: 2,
        migrate_again: 'yes_planning',
        distress: 'severe',
      }),
      [],
    ).map((finding) => finding.kind);
    expect(kinds).toEqual(['member_missing', 'child_out_of_school', 'intends_to_migrate', 'distress']);
    expect(
      alertsFor(round(0.8, { member_missing: 'no', children_out_of_school: 0, migrate_again: 'maybe' }), []),
    ).toEqual([]);
  });

  it('raises moderate distress only the second round in a row', () => {
    expect(alertsFor(round(0.8, { distress: 'moderate' }), [round(0.8, { distress: 'mild' })])).toEqual([]);
    expect(alertsFor(round(0.8, { distress: 'moderate' }), [round(0.8, { distress: 'moderate' })])).toEqual([
      { kind: 'distress', detail: { level: 'moderate', rounds: 2 } },
    ]);
    expect(
      alertsFor(round(0.8, { distress: 'moderate' }), [], { ...DEFAULT_ALERT_THRESHOLDS, moderateDistressRounds: 1 }),
    ).toHaveLength(1);
  });
});

describe('parseAlertThresholds', () => {
  it('reads the settings over the defaults and refuses nonsense', () => {
    expect(parseAlertThresholds(0.2, '')).toEqual({ ...DEFAULT_ALERT_THRESHOLDS, drop: 0.2 });
    expect(parseAlertThresholds(0.15, '{"childrenOutOfSchool":2}').childrenOutOfSchool).toBe(2);
    expect(() => parseAlertThresholds(0, '')).toThrow(/drop/);
    expect(() => parseAlertThresholds(0.15, '{"loud":1}')).toThrow(/loud/);
    expect(() => parseAlertThresholds(0.15, '{"moderateDistressRounds":0}')).toThrow(/moderateDistressRounds/);
    expect(() => parseAlertThresholds(0.15, 'not json')).toThrow(/JSON/);
  });
});
