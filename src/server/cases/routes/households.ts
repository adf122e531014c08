import { z } from 'zod';
import {
  CaseSearchRequest,
  CaseSearchResults,
  Consent,
  DuplicateReviewRequest,
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdPage,
  HouseholdReadQuery,
  RecordConsentRequest,
  RegisteredHousehold,
  RegisterHouseholdRequest,
  Share,
  ShareRecipient,
  ShareRecipientsQuery,
  ShareRequest,
  UpdateHouseholdRequest,
  WithdrawConsentRequest,
} from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { recordConsent, withdrawConsent } from '../consents.ts';
import { listHouseholds, readHousehold, registerHousehold, reviewDuplicate, updateHousehold } from '../households.ts';
import '../problems.ts';
import { searchCases } from '../search.ts';
import { endShare, shareHousehold, shareRecipients } from '../shares.ts';

const tags = ['cases'];
const HouseholdParams = z.strictObject({ id: z.uuid() });
const ConsentParams = z.strictObject({ id: z.uuid(), consentId: z.uuid() });
const ShareParams = z.strictObject({ id: z.uuid(), shareId: z.uuid() });

/** Households, their people, consent and sharing, and search by blind index (terms in the body, never the URL). */
export async function householdRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/cases/search',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: 'Find households by exact name, document number or phone (blind index)',
        tags,
        body: CaseSearchRequest,
        response: { 200: CaseSearchResults },
      },
    },
    async (request) => searchCases(request.ctx, request.body),
  );
  app.get(
    '/cases/households',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: 'Households the organisation may see, newest first (no personal fields)',
        tags,
        querystring: HouseholdListQuery,
        response: { 200: HouseholdPage },
      },
    },
    async (request) => listHouseholds(request.ctx, request.query),
  );
  app.post(
    '/cases/households',
    {
      config: { permission: 'case:register' },
      schema: {
        summary: 'Register a household and its members; the answer carries the slip status code, shown once',
        tags,
        body: RegisterHouseholdRequest,
        response: { 201: RegisteredHousehold },
      },
    },
    async (request, reply) => reply.code(201).send(await registerHousehold(request.ctx, request.body)),
  );
  app.get(
    '/cases/households/:id',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: 'A household with its members, consents and shares (each opening is access-logged)',
        tags,
        params: HouseholdParams,
        querystring: HouseholdReadQuery,
        response: { 200: HouseholdDetail },
      },
    },
    async (request) => readHousehold(request.ctx, request.params.id, request.query.purpose),
  );
  app.patch(
    '/cases/households/:id',
    {
      config: { permission: 'case:register' },
      schema: {
        summary: "Change a household's asylum state, intended zone or members' documents, phones and needs",
        tags,
        params: HouseholdParams,
        body: UpdateHouseholdRequest,
        response: { 200: HouseholdDetail },
      },
    },
    async (request) => updateHousehold(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/households/:id/duplicate-review',
    {
      config: { permission: 'case:decide' },
      schema: {
        summary: 'Review a possible duplicate: distinct, or the same household (this registration is closed)',
        tags,
        params: HouseholdParams,
        body: DuplicateReviewRequest,
        response: { 200: HouseholdDetail },
      },
    },
    async (request) => reviewDuplicate(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/households/:id/consents',
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: "Record a member's consent to share their case for a purpose",
        tags,
        params: HouseholdParams,
        body: RecordConsentRequest,
        response: { 201: Consent },
      },
    },
    async (request, reply) => reply.code(201).send(await recordConsent(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/cases/households/:id/consents/:consentId/withdraw',
    {
      config: { permission: 'case:counsel' },
      schema: {
        summary: 'Withdraw a consent; the shares for its purpose end at once',
        tags,
        params: ConsentParams,
        body: WithdrawConsentRequest,
        response: { 200: Consent },
      },
    },
    async (request) => withdrawConsent(request.ctx, request.params.id, request.params.consentId, request.body),
  );
  app.post(
    '/cases/households/:id/shares',
    {
      config: { permission: 'case:share' },
      schema: {
        summary: 'Share the case with another organisation under an agreement and every member’s consent',
        tags,
        params: HouseholdParams,
        body: ShareRequest,
        response: { 201: Share },
      },
    },
    async (request, reply) => reply.code(201).send(await shareHousehold(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/cases/share-recipients',
    {
      config: { permission: 'case:share' },
      schema: {
        summary: 'Organisations the caller’s organisation has a data-sharing agreement in force with for a purpose',
        tags,
        querystring: ShareRecipientsQuery,
        response: { 200: z.array(ShareRecipient) },
      },
    },
    async (request) => shareRecipients(request.ctx, request.query.purpose),
  );
  app.post(
    '/cases/households/:id/shares/:shareId/end',
    {
      config: { permission: 'case:share' },
      schema: { summary: 'End a share', tags, params: ShareParams, response: { 200: Share } },
    },
    async (request) => endShare(request.ctx, request.params.id, request.params.shareId),
  );
}
