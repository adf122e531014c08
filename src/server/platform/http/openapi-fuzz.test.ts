import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { createTestZones } from '../../zones/test-support.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  type TestClient,
} from '../auth/test-support.ts';

/**
 * Property: no request derived from the OpenAPI document gets a 5xx. Every documented path and method, with
 * path parameters, query parameters and bodies built from their schemas, then mutated (NUL characters, lone
 * surrogates, huge strings, wrong types, extreme numbers, unknown fields, broken JSON), sent anonymously and
 * as a signed-in staff member. The count is bounded so that the test runs in well under a minute; set
 * HOMEWARD_FUZZ_RUNS to send more.
 */
const RUNS = Number(process.env.HOMEWARD_FUZZ_RUNS ?? 300);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | undefined;
}

let env: TestEnvironment;
let staff: TestAccount;
let operations: Operation[];
const known: Record<string, string[]> = {};

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  staff = await createTestAccount(env.app, {
    roles: ['administrator', 'coordinator', 'field_monitor', 'auditor'],
    organisationId: centre.id,
  });
  Object.assign(known, {
    organisationId: [centre.id],
    userId: [staff.userId],
    pcode: ['QM0101', 'QM'],
    period: ['2026-10'],
  });
  const document = (await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []) as Parameter[],
        body: (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.[
          'application/json'
        ]?.schema,
      })),
  );
});
afterAll(() => env.close());

/** Strings an attacker tries first. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '%00',
    '%zz',
    '../../etc/passwd',
    "'; DROP TABLE users; --",
    '\u202e\u0646\u0635',
    ' ',
    '',
    '9'.repeat(40),
    '-1',
    '1e400',
    'NaN',
    '0x10',
    '2026-13',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, [], {}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

function fromPattern(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return fc.string();
  }
}

/** A value that fits the schema; mutations are applied to the whole request afterwards. */
const valueFor = (schema: Schema | undefined, name = '', depth = 0) => fitting(schema, name, depth);

function fitting(schema: Schema | undefined, name: string, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return hostileValue;
  if (known[name]) return fc.constantFrom(...known[name]!);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((choice) => fitting(choice, name, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constant(randomUUID()));
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.pattern) return fromPattern(schema.pattern);
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 10_000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      return fc
        .tuple(
          ...properties.map(([key, property]) =>
            fc.option(valueFor(property, key, depth + 1), { nil: undefined, freq: required.has(key) ? 20 : 2 }),
          ),
        )
        .map((values) => {
          const object: Record<string, unknown> = {};
          properties.forEach(([key], index) => {
            if (values[index] !== undefined) object[key] = values[index];
          });
          return object;
        });
    }
    default:
      return hostileValue;
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  headers: Record<string, string>;
}

/**
 * One mutation of a request that otherwise fits its schemas, as a fuzzer makes it: a NUL or a lone surrogate
 * inserted into one text, one value replaced by a hostile one, an unknown field added, or the body broken.
 * A quarter of the requests go unmutated, so that the routes' own work (writes included) is reached too.
 */
type Mutation =
  | { kind: 'none' }
  | { kind: 'insert'; leaf: number; text: string }
  | { kind: 'replace'; leaf: number; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'broken'; body: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      leaf: fc.nat(),
      text: fc.constantFrom('\u0000', '\ud800', '%00', '\u202e', "'", 'x'.repeat(100_000)),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), leaf: fc.nat(), value: hostileValue }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('extra' as const), key: hostileString, value: hostileValue }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('broken' as const),
      body: fc.constantFrom('{', '{"a":', '[]', 'null', '"\\u0000"', '{"__proto__":{"x":1}}', '[[[[[[[[[[[[[[[[[[[['),
    }),
    weight: 1,
  },
);

type Leaf = { get(): unknown; set(value: unknown): void };

/** Every scalar in the request's parts, in a stable order, to mutate one of them. */
function leavesOf(root: Record<string, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (holder: Record<string, unknown> | unknown[], key: string | number) => {
    const value = (holder as Record<string | number, unknown>)[key];
    if (value !== null && typeof value === 'object') {
      for (const child of Object.keys(value))
        walk(value as Record<string, unknown>, Array.isArray(value) ? Number(child) : child);
      return;
    }
    leaves.push({
      get: () => (holder as Record<string | number, unknown>)[key],
      set: (next) => {
        (holder as Record<string | number, unknown>)[key] = next;
      },
    });
  };
  for (const key of Object.keys(root)) walk(root, key);
  return leaves;
}

/** One request for an operation: its path, a query from its parameters, and a body from its schema. */
function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => valueFor(p.schema, p.name))),
      query: fc.tuple(...queryParams.map((p) => fc.option(valueFor(p.schema, p.name), { freq: 2 }))),
      body: operation.body ? valueFor(operation.body) : fc.constant(undefined),
      mutation,
    })
    .map(({ path, query, body, mutation }) => {
      const parts: Record<string, unknown> = {
        path: [...path],
        query: query.map((value) => value ?? undefined),
        body: body === undefined ? undefined : structuredClone(body),
      };
      const leaves = leavesOf(parts);
      if ((mutation.kind === 'insert' || mutation.kind === 'replace') && leaves.length > 0) {
        const leaf = leaves[mutation.leaf % leaves.length]!;
        if (mutation.kind === 'replace') leaf.set(mutation.value);
        else {
          const text = asText(leaf.get());
          const at = mutation.leaf % (text.length + 1);
          leaf.set(text.slice(0, at) + mutation.text + text.slice(at));
        }
      }
      if (mutation.kind === 'extra' && parts.body !== null && typeof parts.body === 'object') {
        (parts.body as Record<string, unknown>)[mutation.key] = mutation.value;
      }
      let url = operation.path;
      pathParams.forEach((parameter, index) => {
        const text = asText((parts.path as unknown[])[index]) || 'x';
        // A URL carries UTF-8, which has no lone surrogates.
        url = url.replace(`{${parameter.name}}`, encodeURIComponent(text.toWellFormed()));
      });
      const search = new URLSearchParams();
      queryParams.forEach((parameter, index) => {
        const value = (parts.query as unknown[])[index];
        if (value !== undefined) search.append(parameter.name, asText(value));
      });
      const queryString = search.toString();
      const payload =
        mutation.kind === 'broken' && operation.body
          ? mutation.body
          : parts.body === undefined
            ? undefined
            : (JSON.stringify(parts.body) ?? 'null');
      return {
        method: operation.method,
        url: queryString ? `${url}?${queryString}` : url,
        ...(payload === undefined ? {} : { payload }),
        headers: payload === undefined ? ({} as Record<string, string>) : { 'content-type': 'application/json' },
      };
    });
}

const anyRequest = (exclude: (operation: Operation) => boolean) =>
  fc.constantFrom(...operations.filter((operation) => !exclude(operation))).chain(requestFor);

function describeFailure(request: FuzzRequest, status: number, body: string) {
  const shown = (request.payload ?? '').slice(0, 300);
  return `${request.method} ${request.url.slice(0, 300)} ${shown} → ${status} ${body.slice(0, 300)}`;
}

describe('requests derived from the OpenAPI document', () => {
  it('never get a 5xx, sent anonymously', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyRequest(() => false),
        async (request) => {
          const response = await env.app.inject(request);
          expect(response.statusCode, describeFailure(request, response.statusCode, response.body)).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('never get a 5xx, sent by a signed-in staff member', async () => {
    // Signing out or switching organisation would only end the test's own session.
    const excluded = (operation: Operation) =>
      operation.path.endsWith('/auth/logout') || operation.path.endsWith('/me/organisation');
    let client: TestClient = await signIn(env.app, staff);
    await fc.assert(
      fc.asyncProperty(anyRequest(excluded), async (request) => {
        if (!client.cookie) client = await signIn(env.app, staff);
        const response = await client.request(request);
        expect(response.statusCode, describeFailure(request, response.statusCode, response.body)).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
