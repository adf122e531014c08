import type { z } from 'zod';
import type { CreatedUser as CreatedUserSchema, Organisation, UserSummary } from '../../../shared/accounts.ts';
import type { Agreement } from '../../../shared/agreements.ts';

/**
 * The API's shapes as the administration screens use them. Types only: the schemas themselves stay on the
 * server (they would bring the schema library into the browser).
 */
export type { Agreement, Organisation, UserSummary };
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
export type Membership = UserSummary['memberships'][number];
export type AgreementStatus = Agreement['status'];
