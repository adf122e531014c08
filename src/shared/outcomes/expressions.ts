/**
 * The expressions of an XLSForm (`relevant`, `constraint`, `calculation`, `required`, `choice_filter`,
 * `repeat_count`, `default`): the XPath subset that Kobo and ODK forms use, read into a tree once and evaluated
 * against the answers as they change. Pure and without dependencies, so that the web form shows and hides its
 * questions with the very rules the server checks answers with.
 *
 * Values follow XPath 1.0 as ODK Collect applies it: an unanswered question is the empty text `''`; `=` and `!=`
 * compare as numbers when either side is a number (or as booleans when either is one), else as texts; `<`, `<=`,
 * `>`, `>=` compare as numbers, a date `YYYY-MM-DD` counting as its days since 1970-01-01; arithmetic on an empty
 * answer gives NaN, and every comparison with NaN is false. A select_multiple answer is its choice names
 * separated by spaces, as in an XForm.
 */

/** The values an expression works with. A nodeset is what `${field}` of a repeat's question gives from outside it. */
export type Scalar = string | number | boolean;
export interface Nodeset {
  nodes: Scalar[];
}
export type Value = Scalar | Nodeset;

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; name: string; at: number }
  | { t: 'current' }
  | { t: 'parent' }
  /** A choice_filter's bare name: a column of the choices sheet (`name`, `region`). */
  | { t: 'col'; name: string }
  | { t: 'neg'; arg: Expr }
  | { t: 'bin'; op: BinaryOp; l: Expr; r: Expr }
  | { t: 'call'; name: string; args: Expr[]; at: number };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** An expression that cannot be read: the message names the character (counted from 1) where reading stopped. */
export class ExpressionError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} at character ${position}`);
    this.name = 'ExpressionError';
    this.position = position;
  }
}

/** Each function the forms may call, with the fewest and most arguments it takes (`Infinity`: any number). */
export const FUNCTIONS: Record<string, [min: number, max: number]> = {
  selected: [2, 2],
  'count-selected': [1, 1],
  'selected-at': [2, 2],
  'jr:choice-name': [2, 2],
  if: [3, 3],
  coalesce: [2, 2],
  not: [1, 1],
  true: [0, 0],
  false: [0, 0],
  boolean: [1, 1],
  number: [1, 1],
  int: [1, 1],
  round: [1, 2],
  string: [1, 1],
  'string-length': [1, 1],
  concat: [0, Number.POSITIVE_INFINITY],
  contains: [2, 2],
  'starts-with': [2, 2],
  'ends-with': [2, 2],
  substr: [2, 3],
  regex: [2, 2],
  today: [0, 0],
  now: [0, 0],
  date: [1, 1],
  count: [1, 1],
  sum: [1, 1],
  min: [1, Number.POSITIVE_INFINITY],
  max: [1, Number.POSITIVE_INFINITY],
  position: [1, 1],
};

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { k: 'num'; v: number; at: number }
  | { k: 'str'; v: string; at: number }
  | { k: 'ref'; v: string; at: number }
  | { k: 'name'; v: string; at: number }
  | { k: 'op'; v: string; at: number }
  | { k: 'end'; at: number };

const NAME = /[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)?(?:-[A-Za-z][A-Za-z0-9_]*)*/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)/y;
const REF = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const at = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '‘' || c === '’') {
      const close = c === '‘' ? '’' : c;
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new ExpressionError(`text opened with ${c} is not closed`, at);
      tokens.push({ k: 'str', v: text.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    if (c === '$') {
      REF.lastIndex = i;
      const m = REF.exec(text);
      if (!m) throw new ExpressionError('a reference must read ${name}', at);
      tokens.push({ k: 'ref', v: m[1]!, at });
      i = REF.lastIndex;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = /[\d.]/.test(c) ? NUMBER.exec(text) : null;
    if (number) {
      tokens.push({ k: 'num', v: Number(number[0]), at });
      i = NUMBER.lastIndex;
      continue;
    }
    if (c === '.') {
      if (text[i + 1] === '.') {
        tokens.push({ k: 'op', v: '..', at });
        i += 2;
      } else {
        tokens.push({ k: 'op', v: '.', at });
        i++;
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ k: 'op', v: two, at });
      i += 2;
      continue;
    }
    if ('+-*=<>(),'.includes(c)) {
      tokens.push({ k: 'op', v: c, at });
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ k: 'name', v: name[0], at });
      i = NAME.lastIndex;
      continue;
    }
    throw new ExpressionError(`unexpected character '${c}'`, at);
  }
  tokens.push({ k: 'end', at: text.length + 1 });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Parser: or < and < = != < relational < + - < * div mod < unary minus < primary

const describe = (token: Token): string =>
  token.k === 'end'
    ? 'end of the expression'
    : token.k === 'ref'
      ? `\${${token.v}}`
      : token.k === 'str'
        ? `'${token.v}'`
        : `'${token.v}'`;

/** Reads an expression into its tree; throws an ExpressionError naming the character where it went wrong. */
export function parseExpression(text: string, options: { choiceColumns?: boolean } = {}): Expr {
  if (text.trim() === '') throw new ExpressionError('the expression is empty', 1);
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p]!;
  const isOp = (v: string) => {
    const t = peek();
    return (t.k === 'op' || t.k === 'name') && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`expected '${v}' but found ${describe(peek())}`, peek().at);
    p++;
  };

  function binary(next: () => Expr, ops: readonly string[]): () => Expr {
    return () => {
      let left = next();
      for (;;) {
        const t = peek();
        if ((t.k === 'op' || t.k === 'name') && ops.includes(t.v)) {
          p++;
          left = { t: 'bin', op: t.v as BinaryOp, l: left, r: next() };
        } else return left;
      }
    };
  }

  function unary(): Expr {
    if (isOp('-')) {
      p++;
      return { t: 'neg', arg: unary() };
    }
    return primary();
  }

  function primary(): Expr {
    const t = peek();
    if (t.k === 'num') {
      p++;
      return { t: 'num', v: t.v };
    }
    if (t.k === 'str') {
      p++;
      return { t: 'str', v: t.v };
    }
    if (t.k === 'ref') {
      p++;
      return { t: 'ref', name: t.v, at: t.at };
    }
    if (t.k === 'op' && t.v === '.') {
      p++;
      return { t: 'current' };
    }
    if (t.k === 'op' && t.v === '..') {
      p++;
      return { t: 'parent' };
    }
    if (t.k === 'op' && t.v === '(') {
      p++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (t.k === 'name') {
      const next = tokens[p + 1]!;
      if ((next.k !== 'op' || next.v !== '(') && options.choiceColumns) {
        p++;
        return { t: 'col', name: t.v };
      }
      if (next.k !== 'op' || next.v !== '(') {
        throw new ExpressionError(
          `unexpected name '${t.v}' (a question is written \${${t.v}}, a text in quotes '${t.v}')`,
          t.at,
        );
      }
      const arity = FUNCTIONS[t.v];
      if (!arity) throw new ExpressionError(`unknown function ${t.v}()`, t.at);
      p += 2;
      const args: Expr[] = [];
      if (!isOp(')')) {
        args.push(or());
        while (isOp(',')) {
          p++;
          args.push(or());
        }
      }
      expect(')');
      if (args.length < arity[0] || args.length > arity[1]) {
        const wanted =
          arity[0] === arity[1]
            ? `${arity[0]}`
            : arity[1] === Number.POSITIVE_INFINITY
              ? `at least ${arity[0]}`
              : `${arity[0]} or ${arity[1]}`;
        throw new ExpressionError(
          `${t.v}() takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${args.length}`,
          t.at,
        );
      }
      return { t: 'call', name: t.v, args, at: t.at };
    }
    throw new ExpressionError(`unexpected ${describe(t)}`, t.at);
  }

  const multiplicative = binary(unary, ['*', 'div', 'mod']);
  const additive = binary(multiplicative, ['+', '-']);
  const relational = binary(additive, ['<', '<=', '>', '>=']);
  const equality = binary(relational, ['=', '!=']);
  const and = binary(equality, ['and']);
  const or = binary(and, ['or']);

  const tree = or();
  if (peek().k !== 'end') throw new ExpressionError(`unexpected ${describe(peek())}`, peek().at);
  return tree;
}

/** The questions an expression names with `${name}` (also inside jr:choice-name's quoted second argument). */
export function referencesOf(expr: Expr): string[] {
  const names = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.t === 'ref') names.add(e.name);
    else if (e.t === 'neg') walk(e.arg);
    else if (e.t === 'bin') {
      walk(e.l);
      walk(e.r);
    } else if (e.t === 'call') {
      e.args.forEach(walk);
      const quoted = e.name === 'jr:choice-name' && e.args[1]?.t === 'str' ? quotedRef(e.args[1].v) : undefined;
      if (quoted) names.add(quoted);
    }
  };
  walk(expr);
  return [...names];
}

/** Whether an expression reads the current answer (`.`). */
export function usesCurrent(expr: Expr): boolean {
  if (expr.t === 'current') return true;
  if (expr.t === 'neg') return usesCurrent(expr.arg);
  if (expr.t === 'bin') return usesCurrent(expr.l) || usesCurrent(expr.r);
  if (expr.t === 'call') return expr.args.some(usesCurrent);
  return false;
}

const quotedRef = (text: string): string | undefined => /^\s*\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}\s*$/.exec(text)?.[1];

// ---------------------------------------------------------------------------------------------------------------
// Conversions (XPath 1.0)

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isNodeset = (v: Value): v is Nodeset => typeof v === 'object';
const first = (v: Value): Scalar => (isNodeset(v) ? (v.nodes[0] ?? '') : v);

export function toNumber(value: Value): number {
  const v = first(value);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const text = v.trim();
  if (text === '') return Number.NaN;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number(text);
  const date = DATE.exec(text);
  if (date) {
    const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
    return Number.isNaN(ms) ? Number.NaN : ms / DAY_MS;
  }
  return Number.NaN;
}

export function toBoolean(value: Value): boolean {
  if (isNodeset(value)) return value.nodes.length > 0;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value !== '';
}

export function toText(value: Value): string {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
}

const nodesOf = (value: Value): Scalar[] => (isNodeset(value) ? value.nodes : [value]);
const choicesOf = (value: Value): string[] => {
  const v = first(value);
  if (typeof v !== 'string') return toText(v) === '' ? [] : [toText(v)];
  return v.split(/\s+/).filter((part) => part !== '');
};

/** A number of days since 1970-01-01 (or a date text) as `YYYY-MM-DD`; '' when it is none. */
function dateOf(value: Value): string {
  const v = first(value);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) return v.trim().slice(0, 10);
  const days = toNumber(v);
  if (!Number.isFinite(days)) return '';
  return new Date(Math.floor(days) * DAY_MS).toISOString().slice(0, 10);
}

function compare(op: BinaryOp, a: Value, b: Value): boolean {
  if (op === '=' || op === '!=') {
    const l = first(a);
    const r = first(b);
    let same: boolean;
    if (typeof l === 'boolean' || typeof r === 'boolean') same = toBoolean(l) === toBoolean(r);
    else if (typeof l === 'number' || typeof r === 'number') same = toNumber(l) === toNumber(r);
    else same = l === r;
    return op === '=' ? same : !same;
  }
  const l = toNumber(a);
  const r = toNumber(b);
  if (op === '<') return l < r;
  if (op === '<=') return l <= r;
  if (op === '>') return l > r;
  return l >= r;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

/** What an expression is evaluated against. */
export interface EvalContext {
  /** `${name}`: the answer ('' when unanswered), or a nodeset for a repeat or a question inside one. */
  value(name: string): Value;
  /** `.`: the answer of the question the expression belongs to. */
  current?: Value;
  /** `position(..)`: the 1-based number of the repeat instance being evaluated. */
  position?: number;
  /** `today()`, `YYYY-MM-DD`. */
  today?: string;
  /** `now()`, an ISO date and time. */
  now?: string;
  /** A choice_filter's bare name: that column of the choice being filtered. */
  column?(name: string): string;
  /** `jr:choice-name(value, '${question}')`: the label of a choice of that question's list. */
  choiceLabel?(question: string, choice: string): string;
}

/** Evaluates an expression; never throws for values (a bad regex or a wrong value gives '' or NaN, as in ODK). */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.t) {
    case 'num':
      return expr.v;
    case 'str':
      return expr.v;
    case 'ref':
      return ctx.value(expr.name);
    case 'current':
      return ctx.current ?? '';
    case 'parent':
      return '';
    case 'col':
      return ctx.column?.(expr.name) ?? '';
    case 'neg':
      return -toNumber(evaluate(expr.arg, ctx));
    case 'bin':
      return binaryValue(expr.op, expr.l, expr.r, ctx);
    case 'call':
      return call(expr, ctx);
  }
}

function binaryValue(op: BinaryOp, l: Expr, r: Expr, ctx: EvalContext): Value {
  if (op === 'and') return toBoolean(evaluate(l, ctx)) && toBoolean(evaluate(r, ctx));
  if (op === 'or') return toBoolean(evaluate(l, ctx)) || toBoolean(evaluate(r, ctx));
  const a = evaluate(l, ctx);
  const b = evaluate(r, ctx);
  switch (op) {
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case 'div':
      return toNumber(a) / toNumber(b);
    case 'mod':
      return toNumber(a) % toNumber(b);
    default:
      return compare(op, a, b);
  }
}

function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  // Half away from zero, as ODK's round().
  return (Math.sign(x) * Math.round(Math.abs(x) * factor + Number.EPSILON)) / factor;
}

function call(expr: Extract<Expr, { t: 'call' }>, ctx: EvalContext): Value {
  const arg = (i: number): Value => evaluate(expr.args[i]!, ctx);
  const all = (): Value[] => expr.args.map((a) => evaluate(a, ctx));
  switch (expr.name) {
    case 'selected':
      return choicesOf(arg(0)).includes(toText(arg(1)).trim());
    case 'count-selected':
      return choicesOf(arg(0)).length;
    case 'selected-at': {
      const index = toNumber(arg(1));
      return Number.isInteger(index) ? (choicesOf(arg(0))[index] ?? '') : '';
    }
    case 'jr:choice-name': {
      const choice = toText(arg(0));
      const question = expr.args[1]!.t === 'str' ? quotedRef(expr.args[1]!.v) : undefined;
      const name = question ?? toText(arg(1));
      return choice === '' ? '' : (ctx.choiceLabel?.(name, choice) ?? choice);
    }
    case 'if':
      return toBoolean(arg(0)) ? arg(1) : arg(2);
    case 'coalesce': {
      const a = arg(0);
      return toText(a) !== '' ? a : arg(1);
    }
    case 'not':
      return !toBoolean(arg(0));
    case 'true':
      return true;
    case 'false':
      return false;
    case 'boolean':
      return toBoolean(arg(0));
    case 'number':
      return toNumber(arg(0));
    case 'int':
      return Math.trunc(toNumber(arg(0)));
    case 'round':
      return roundTo(toNumber(arg(0)), expr.args.length > 1 ? Math.trunc(toNumber(arg(1))) : 0);
    case 'string':
      return toText(arg(0));
    case 'string-length':
      return [...toText(arg(0))].length;
    case 'concat':
      return all()
        .map((v) => (isNodeset(v) ? v.nodes.map(toText).join('') : toText(v)))
        .join('');
    case 'contains':
      return toText(arg(0)).includes(toText(arg(1)));
    case 'starts-with':
      return toText(arg(0)).startsWith(toText(arg(1)));
    case 'ends-with':
      return toText(arg(0)).endsWith(toText(arg(1)));
    case 'substr': {
      const chars = [...toText(arg(0))];
      const start = Math.max(0, Math.trunc(toNumber(arg(1))) || 0);
      const end = expr.args.length > 2 ? Math.trunc(toNumber(arg(2))) : chars.length;
      return chars.slice(start, Number.isNaN(end) ? chars.length : end).join('');
    }
    case 'regex': {
      try {
        return new RegExp(toText(arg(1)), 'u').test(toText(arg(0)));
      } catch {
        return false;
      }
    }
    case 'today':
      return ctx.today ?? new Date().toISOString().slice(0, 10);
    case 'now':
      return ctx.now ?? new Date().toISOString();
    case 'date':
      return dateOf(arg(0));
    case 'count': {
      const v = arg(0);
      return isNodeset(v) ? v.nodes.length : toText(v) === '' ? 0 : 1;
    }
    case 'sum':
      return nodesOf(arg(0)).reduce<number>((total, node) => total + toNumber(node), 0);
    case 'min':
    case 'max': {
      const numbers = all().flatMap((v) => nodesOf(v).map(toNumber));
      if (numbers.length === 0 || numbers.some(Number.isNaN)) return Number.NaN;
      return expr.name === 'min' ? Math.min(...numbers) : Math.max(...numbers);
    }
    case 'position':
      return ctx.position ?? Number.NaN;
    default:
      // parseExpression refuses unknown functions, so a tree built by it never gets here.
      throw new ExpressionError(`unknown function ${expr.name}()`, expr.at);
  }
}

const cache = new Map<string, Expr>();

/**
 * The tree of an expression text, read once and kept (forms repeat the same few expressions many times).
 * `choiceColumns`: a choice_filter, whose bare names are columns of the choices sheet.
 */
export function compiled(text: string, options: { choiceColumns?: boolean } = {}): Expr {
  const key = options.choiceColumns ? `c\u0000${text}` : text;
  let expr = cache.get(key);
  if (!expr) {
    expr = parseExpression(text, options);
    if (cache.size > 5000) cache.clear();
    cache.set(key, expr);
  }
  return expr;
}
