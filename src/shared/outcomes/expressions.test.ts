import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EvalContext,
  ExpressionError,
  evaluate,
  parseExpression,
  referencesOf,
  toBoolean,
  toNumber,
  type Value,
} from './expressions.ts';

const answers: Record<string, Value> = {
  age: 34,
  size: 5,
  empty: '',
  sex: 'female',
  services: 'health water other',
  dob: '1990-05-17',
  name: 'Amal Hassan',
  pcode: 'SD0101',
  member_age: { nodes: [4, 12, 40] },
  separated_member: { nodes: ['', '', ''] },
};

const ctx = (extra: Partial<EvalContext> = {}): EvalContext => ({
  value: (name) => answers[name] ?? '',
  today: '2026-03-15',
  now: '2026-03-15T10:00:00.000Z',
  choiceLabel: (question, choice) => (question === 'sex' && choice === 'female' ? 'Female' : choice),
  ...extra,
});

const run = (text: string, extra: Partial<EvalContext> = {}) => evaluate(parseExpression(text), ctx(extra));

describe('parseExpression', () => {
  it('reads references, literals, operators by precedence and parentheses', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 div 4')).toBe(2.5);
    expect(run('10 mod 4')).toBe(2);
    expect(run('-${age} + 4')).toBe(-30);
    expect(run('${age} >= 18 and ${sex} = "female" or false()')).toBe(true);
    expect(run("${age} < 18 or ${sex} != 'female'")).toBe(false);
  });

  it('names the character where the expression goes wrong', () => {
    expect(() => parseExpression('${age} >')).toThrow(/unexpected end of the expression at character 9/);
    expect(() => parseExpression('(${age} > 3')).toThrow(
      /expected '\)' but found end of the expression at character 12/,
    );
    expect(() => parseExpression("'open")).toThrow(/text opened with ' is not closed at character 1/);
    expect(() => parseExpression('${age')).toThrow(/a reference must read \$\{name\} at character 1/);
    expect(() => parseExpression('age > 3')).toThrow(/unexpected name 'age'.*\$\{age\}.*at character 1/);
    expect(() => parseExpression('')).toThrow(ExpressionError);
    expect(() => parseExpression('${a} # 2')).toThrow(/unexpected character '#' at character 6/);
  });

  it('refuses an unknown function by its name, and a wrong number of arguments', () => {
    expect(() => parseExpression('pulldata("x", 1)')).toThrow(/unknown function pulldata\(\) at character 1/);
    expect(() => parseExpression('if(${a}, 1)')).toThrow(/if\(\) takes 3 arguments, not 2/);
    expect(() => parseExpression('not()')).toThrow(/not\(\) takes 1 argument, not 0/);
  });

  it('lists the questions an expression names', () => {
    expect(referencesOf(parseExpression("if(${a} > ${b}, jr:choice-name(${c}, '${c}'), ${a})")).sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(referencesOf(parseExpression('. <= 3'))).toEqual([]);
  });
});

describe('evaluate', () => {
  it('treats an unanswered question as empty text: comparisons with numbers are false', () => {
    expect(run('${empty} > 0')).toBe(false);
    expect(run('${empty} = 0')).toBe(false);
    expect(run("${empty} = ''")).toBe(true);
    expect(run('${empty} + 1')).toBeNaN();
    expect(run("${missing} != ''")).toBe(false);
  });

  it('compares as numbers when either side is a number, as texts otherwise', () => {
    expect(run("${age} = '34'")).toBe(true);
    expect(run("'10' < '9'")).toBe(false);
    expect(run("'abc' = 'abc'")).toBe(true);
    expect(run('true() = 1')).toBe(true);
  });

  it('works with select_multiple answers as space-separated names', () => {
    expect(run("selected(${services}, 'water')")).toBe(true);
    expect(run("selected(${services}, 'wat')")).toBe(false);
    expect(run('count-selected(${services})')).toBe(3);
    expect(run('selected-at(${services}, 1)')).toBe('water');
    expect(run('selected-at(${services}, 7)')).toBe('');
    expect(run("not(selected(., 'none') and count-selected(.) > 1)", { current: 'none cost' })).toBe(false);
    expect(run("not(selected(., 'none') and count-selected(.) > 1)", { current: 'none' })).toBe(true);
  });

  it('evaluates the text, number and logic functions', () => {
    expect(run("if(${age} >= 18, 'adult', 'child')")).toBe('adult');
    expect(run("coalesce(${empty}, 'x')")).toBe('x');
    expect(run('int(7.9)')).toBe(7);
    expect(run('round(2.345, 2)')).toBe(2.35);
    expect(run('round(2.5)')).toBe(3);
    expect(run("number('4.5') * 2")).toBe(9);
    expect(run('string(${age})')).toBe('34');
    expect(run('string-length(${name})')).toBe(11);
    expect(run("concat(${sex}, '-', ${age})")).toBe('female-34');
    expect(run("contains(${name}, 'Hass')")).toBe(true);
    expect(run("starts-with(${pcode}, 'SD')")).toBe(true);
    expect(run("ends-with(${pcode}, '01')")).toBe(true);
    expect(run('substr(${pcode}, 2, 4)')).toBe('01');
    expect(run("regex(${pcode}, '^[A-Z]{2}[0-9]+$')")).toBe(true);
    expect(run("regex(${pcode}, '(')")).toBe(false);
    expect(run('boolean(${empty})')).toBe(false);
    expect(run("jr:choice-name(${sex}, '${sex}')")).toBe('Female');
  });

  it('works with dates: today(), days between dates, date()', () => {
    expect(run('today()')).toBe('2026-03-15');
    expect(run('${dob} < today()')).toBe(true);
    expect(run("today() - date('2026-03-01')")).toBe(14);
    expect(run('date(0)')).toBe('1970-01-01');
    expect(run('date(today() + 1)')).toBe('2026-03-16');
    expect(run('int((today() - ${dob}) div 365.25)')).toBe(35);
  });

  it('counts and sums repeats, min and max, and the position of an instance', () => {
    expect(run('count(${separated_member})')).toBe(3);
    expect(run('sum(${member_age})')).toBe(56);
    expect(run('min(${member_age})')).toBe(4);
    expect(run('max(${member_age}, 50)')).toBe(50);
    expect(run('position(..)', { position: 2 })).toBe(2);
  });

  it('property: integer arithmetic agrees with JavaScript', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (a, b) => {
        const c = ctx({ value: (name) => (name === 'a' ? a : b) });
        expect(evaluate(parseExpression('${a} + ${b} * 2 - -${a}'), c)).toBe(a + b * 2 + a);
        expect(evaluate(parseExpression('${a} < ${b}'), c)).toBe(a < b);
        expect(evaluate(parseExpression('${a} = ${b} or ${a} != ${b}'), c)).toBe(true);
      }),
    );
  });

  it('property: any text either parses or throws an ExpressionError with a position inside it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30, unit: fc.constantFrom(...'${}ab().,\'" +-*=<>!0123 divmod'.split('')) }),
        (text) => {
          try {
            const expr = parseExpression(text);
            evaluate(expr, ctx());
          } catch (error) {
            expect(error).toBeInstanceOf(ExpressionError);
            expect((error as ExpressionError).position).toBeGreaterThanOrEqual(1);
            expect((error as ExpressionError).position).toBeLessThanOrEqual(text.length + 1);
          }
        },
      ),
    );
  });

  it('converts values as XPath does', () => {
    expect(toNumber('')).toBeNaN();
    expect(toNumber(' 12 ')).toBe(12);
    expect(toNumber(true)).toBe(1);
    expect(toBoolean('0')).toBe(true);
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean({ nodes: [] })).toBe(false);
  });
});
