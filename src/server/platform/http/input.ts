import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

const NUL = '\u0000';

/**
 * Refuses a NUL character anywhere in a request's path parameters, query or JSON body (values and keys) as
 * a 400 naming each field. PostgreSQL cannot store NUL in text, so without this every text field of every
 * route would need its own check or answer 500. Runs before each route's own validation, for every route,
 * so a new route is covered without doing anything.
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const errors = nulFields(request);
    done(errors.length > 0 ? new AppError('validation_failed', { errors }) : undefined);
  });
}

function nulFields(request: FastifyRequest): FieldError[] {
  const errors: FieldError[] = [];
  // Iterative, not recursive: a deeply nested body must not overflow the stack.
  const pending: [string, unknown][] = [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ];
  while (pending.length > 0 && errors.length < 20) {
    const [path, value] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) errors.push(nulError(path));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes(NUL)) errors.push(nulError(path));
        else pending.push([`${path}.${key}`, child]);
      }
    }
  }
  return errors.reverse();
}

const nulError = (field: string): FieldError => ({
  field,
  code: 'nul_character',
  message: 'Text may not contain the NUL character (U+0000).',
});
