import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CaseStatusPageAnswer } from '../../shared/cases/schemas.ts';
import { AppError } from '../platform/http/errors.ts';
import { type FormRegistration, fieldErrors } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { publicCaseStatus } from './status.ts';

/** The form's id in the page's state, as src/web/public/cases/StatusPage.tsx reads it. */
const FORM = 'case-status';
const PAGE = '/cases/status';

const fields = z.object({
  reference: z.string().trim().min(1, 'caseStatus.form.referenceRequired').max(40, 'caseStatus.form.referenceRequired'),
  code: z.string().trim().min(1, 'caseStatus.form.codeRequired').max(40, 'caseStatus.form.codeRequired'),
});

const posted = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * The status page's form without JavaScript: `POST /cases/status` with the reference and the code answers with
 * the page itself, showing the case's status (200), the refusal next to the form (404, the same for an unknown
 * reference and a wrong code), or how long to wait (429, with Retry-After). Not the usual 303 to a result page:
 * the result would have to carry the code in its address, or be kept on the server for a cookie. The code is
 * never sent back, not even in the form's typed values.
 */
export const caseStatusForm: FormRegistration = (app, renderPage) => {
  app.post(
    PAGE,
    { config: { permission: 'public' as const, anonymous: true }, schema: { hide: true } },
    async (request: FastifyRequest, reply) => {
      const values = { reference: posted(request.body, 'reference').slice(0, 40) };
      const show = (state: Omit<FormState, 'values'>, status: number) =>
        renderPage(request, reply.header('cache-control', 'no-store'), PAGE, {
          forms: { [FORM]: { values, ...state } },
          status,
        });
      const parsed = fields.safeParse({
        reference: posted(request.body, 'reference'),
        code: posted(request.body, 'code'),
      });
      if (!parsed.success) return show({ errors: fieldErrors(parsed.error) }, 422);
      try {
        const answer: CaseStatusPageAnswer = {
          status: await publicCaseStatus(request.ctx, parsed.data, { address: request.ip }),
        };
        return show({ errors: {}, answer }, 200);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'not_found') return show({ errors: { code: 'caseStatus.form.notRecognised' } }, 404);
        if (error.code === 'rate_limited') {
          const answer: CaseStatusPageAnswer = { retryAfterSeconds: Number(error.params.seconds) };
          reply.header('retry-after', String(error.params.seconds));
          return show({ errors: {}, answer }, 429);
        }
        throw error;
      }
    },
  );
};
