import {
  AddressConditionsRequest,
  CloseFlagRequest,
  DocumentStatusRequest,
  FlagParams,
  HouseholdParams,
  HouseholdVoluntariness,
  PersonParams,
  RaiseFlagRequest,
  RecordCounsellingRequest,
  RecordGoAndSeeRequest,
  RecordIntentionRequest,
  RecordNeedsPlanRequest,
  RecordZoneInformationRequest,
  SignDeclarationRequest,
  WithdrawRequest,
} from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { attachmentHeader } from '../../platform/http/attachment.ts';
import { addressConditions } from '../conditions.ts';
import { recordNeedsPlan, setDocumentStatus } from '../needs.ts';
import '../problems.ts';
import { closeFlag, raiseFlagByHand } from '../protection-flags.ts';
import {
  getVoluntariness,
  readDeclarationScan,
  recordCounselling,
  recordGoAndSee,
  recordIntention,
  recordZoneInformation,
  signDeclaration,
  withdraw,
} from '../voluntariness.ts';

const tags = ['cases'];
const answer = { 200: HouseholdVoluntariness };

/**
 * The voluntariness file and what else must be ready before a return: each step of a member's file, protection
 * flags, needs plans, documents and the conditions of a conditionally conducive zone. Every write answers the
 * household's voluntariness after it.
 */
export async function voluntarinessRoutes(app: HomewardApp): Promise<void> {
  const base = '/cases/households/:id';
  app.get(
    `${base}/voluntariness`,
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "A household's voluntariness files, protection flags and destination class",
        tags,
        params: HouseholdParams,
        response: answer,
      },
    },
    async (request) => getVoluntariness(request.ctx, request.params.id),
  );
  app.post(
    `${base}/people/:personId/intention`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Record a person's return intention (opens their file, or opens it again after a withdrawal)",
        tags,
        params: PersonParams,
        body: RecordIntentionRequest,
        response: answer,
      },
    },
    async (request) => recordIntention(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/people/:personId/counselling-sessions`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: 'Record a counselling session; a coercion indicator raises a protection flag',
        tags,
        params: PersonParams,
        body: RecordCounsellingRequest,
        response: answer,
      },
    },
    async (request) => recordCounselling(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/people/:personId/zone-information`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Record that the intended zone's current class and explanation were given, as shown",
        tags,
        params: PersonParams,
        body: RecordZoneInformationRequest,
        response: answer,
      },
    },
    async (request) => recordZoneInformation(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/people/:personId/go-and-see`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: 'Record a go-and-see visit to the intended zone',
        tags,
        params: PersonParams,
        body: RecordGoAndSeeRequest,
        response: answer,
      },
    },
    async (request) => recordGoAndSee(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/people/:personId/declaration`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: 'Record the signed voluntary repatriation form (a witness is required); cooling-off starts',
        tags,
        params: PersonParams,
        body: SignDeclarationRequest,
        response: answer,
      },
    },
    async (request) => signDeclaration(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.get(
    `${base}/people/:personId/declaration/scan`,
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "Download the scanned copy of a person's signed declaration (access-logged)",
        tags,
        params: PersonParams,
      },
    },
    async (request, reply) => {
      const scan = await readDeclarationScan(request.ctx, request.params.id, request.params.personId);
      return reply
        .header('content-type', scan.mediaType)
        .header('content-disposition', attachmentHeader(scan.fileName))
        .header('cache-control', 'private, no-store')
        .send(scan.bytes);
    },
  );
  app.post(
    `${base}/people/:personId/withdrawal`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Record a person's withdrawal, at any time before departure",
        tags,
        params: PersonParams,
        body: WithdrawRequest,
        response: answer,
      },
    },
    async (request) => withdraw(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/people/:personId/needs-plan`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Record the plan for a person's specific needs",
        tags,
        params: PersonParams,
        body: RecordNeedsPlanRequest,
        response: answer,
      },
    },
    async (request) => recordNeedsPlan(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.put(
    `${base}/people/:personId/document-status`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Set whether a person's documents are available, being replaced or missing",
        tags,
        params: PersonParams,
        body: DocumentStatusRequest,
        response: answer,
      },
    },
    async (request) => setDocumentStatus(request.ctx, request.params.id, request.params.personId, request.body),
  );
  app.post(
    `${base}/protection-flags`,
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: 'Raise a protection flag by hand',
        tags,
        params: HouseholdParams,
        body: RaiseFlagRequest,
        response: answer,
      },
    },
    async (request) => raiseFlagByHand(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/protection-flags/:flagId/closure`,
    {
      config: { permission: 'case:protect' },
      schema: {
        summary: 'Close a protection flag with its resolution (protection officers)',
        tags,
        params: FlagParams,
        body: CloseFlagRequest,
        response: answer,
      },
    },
    async (request) => closeFlag(request.ctx, request.params.id, request.params.flagId, request.body),
  );
  app.post(
    `${base}/conditions`,
    {
      config: { permission: 'case:decide' },
      schema: {
        summary: "Record that a conditionally conducive zone's conditions are addressed for this household",
        tags,
        params: HouseholdParams,
        body: AddressConditionsRequest,
        response: answer,
      },
    },
    async (request) => addressConditions(request.ctx, request.params.id, request.body),
  );
}
