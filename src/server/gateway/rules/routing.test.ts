import { describe, expect, it } from 'vitest';
import { type RoutingRule, routeItem } from './routing.ts';

const rule = (id: string, over: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  organisationId: `org-${id}`,
  kind: null,
  pcode: null,
  stateCode: null,
  sensitive: true,
  position: 0,
  ...over,
});

const complaint = { kind: 'complaint' as const, pcode: 'XA0102', stateCode: 'XA', sensitive: false };

describe('routeItem', () => {
  it('gives an item to the catch-all rule when nothing more specific matches', () => {
    expect(routeItem(complaint, [rule('all')])?.id).toBe('all');
  });

  it('prefers the rule for the zone, then its parent, over one for the kind or the state', () => {
    const rules = [
      rule('kind', { kind: 'complaint' }),
      rule('state', { stateCode: 'XA' }),
      rule('admin1', { pcode: 'XA01' }),
    ];
    expect(routeItem(complaint, rules)?.id).toBe('admin1');
    expect(routeItem(complaint, [...rules, rule('admin2', { pcode: 'XA0102' })])?.id).toBe('admin2');
  });

  it('never matches a rule whose condition the item does not meet', () => {
    const rules = [rule('other-zone', { pcode: 'XB01' }), rule('appeals', { kind: 'appeal' })];
    expect(routeItem(complaint, rules)).toBeUndefined();
    expect(routeItem({ ...complaint, pcode: null }, [rule('zone', { pcode: 'XA' })])).toBeUndefined();
  });

  it('keeps sensitive items away from rules that do not take them', () => {
    const rules = [rule('no-protection', { kind: 'complaint', sensitive: false }), rule('protection', { position: 5 })];
    expect(routeItem({ ...complaint, sensitive: true }, rules)?.id).toBe('protection');
    expect(routeItem(complaint, rules)?.id).toBe('no-protection');
  });

  it('breaks a tie by position', () => {
    expect(routeItem(complaint, [rule('b', { position: 2 }), rule('a', { position: 1 })])?.id).toBe('a');
  });
});
