import { z } from 'zod';
import {
  Arrival,
  ArrivalInput,
  ArrivalListQuery,
  ArrivalPage,
  AwaitedArrivalPage,
  AwaitedArrivalsQuery,
  CapacityQuery,
  CaseNotice,
  Corridor,
  CorridorInput,
  DepartureResult,
  HouseholdMovements,
  MovementCandidate,
  MovementDetail,
  MovementInput,
  MovementListQuery,
  MovementNetwork,
  MovementPage,
  NetworkChange,
  NetworkStatusChange,
  NoticeListQuery,
  NoticePage,
  Shelter,
  ShelterInput,
  ShelterNight,
  TransitPoint,
  TransitPointInput,
} from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { awaitedArrivals, listArrivals, recordArrival } from '../arrivals.ts';
import { departureCheckTimer } from '../departure-check.ts';
import {
  cancelMovement,
  corridorShelterNights,
  departMovement,
  getMovement,
  householdMovements,
  listMovements,
  movementCandidates,
  planMovement,
} from '../movements.ts';
import {
  createCorridor,
  createShelter,
  createTransitPoint,
  readNetwork,
  setCorridorStatus,
  setTransitPointStatus,
} from '../network.ts';
import { listNotices, markNoticeRead } from '../notices.ts';
// Loading the suspensions registers the zone-publication listener (see suspensions.ts).
import '../suspensions.ts';

const tags = ['cases'];
const IdParams = z.strictObject({ id: z.uuid() });
const CandidatesQuery = z.strictObject({ corridorId: z.uuid().optional() });

/**
 * The movements part's routes: the network, movements, arrivals and notices. Thin: each calls one service
 * function of network.ts, movements.ts, arrivals.ts or notices.ts. The day's departure check runs on a timer
 * registered here.
 */
export async function movementRoutes(app: HomewardApp): Promise<void> {
  await app.register(departureCheckTimer);

  app.get(
    '/cases/network',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'The movement network: transit points, shelters and corridors',
        tags,
        response: { 200: MovementNetwork },
      },
    },
    async (request) => readNetwork(request.ctx),
  );
  app.post(
    '/cases/network/transit-points',
    {
      config: { permission: 'network:manage' },
      schema: { summary: 'Add a transit point', tags, body: TransitPointInput, response: { 201: TransitPoint } },
    },
    async (request, reply) => reply.code(201).send(await createTransitPoint(request.ctx, request.body)),
  );
  app.post(
    '/cases/network/transit-points/:id/status',
    {
      config: { permission: 'network:manage' },
      schema: {
        summary: 'Open or close a transit point (closing suspends the planned movements through it)',
        tags,
        params: IdParams,
        body: NetworkStatusChange,
        response: { 200: NetworkChange },
      },
    },
    async (request) => setTransitPointStatus(request.ctx, request.params.id, request.body.status),
  );
  app.post(
    '/cases/network/corridors',
    {
      config: { permission: 'network:manage' },
      schema: {
        summary: 'Add a corridor through transit points',
        tags,
        body: CorridorInput,
        response: { 201: Corridor },
      },
    },
    async (request, reply) => reply.code(201).send(await createCorridor(request.ctx, request.body)),
  );
  app.post(
    '/cases/network/corridors/:id/status',
    {
      config: { permission: 'network:manage' },
      schema: {
        summary: 'Open or close a corridor (closing suspends the planned movements along it)',
        tags,
        params: IdParams,
        body: NetworkStatusChange,
        response: { 200: NetworkChange },
      },
    },
    async (request) => setCorridorStatus(request.ctx, request.params.id, request.body.status),
  );
  app.post(
    '/cases/network/shelters',
    {
      config: { permission: 'network:manage' },
      schema: { summary: 'Add a shelter at a transit point', tags, body: ShelterInput, response: { 201: Shelter } },
    },
    async (request, reply) => reply.code(201).send(await createShelter(request.ctx, request.body)),
  );

  app.get(
    '/cases/movements',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: "The organisation's movements, newest first",
        tags,
        querystring: MovementListQuery,
        response: { 200: MovementPage },
      },
    },
    async (request) => listMovements(request.ctx, request.query),
  );
  app.post(
    '/cases/movements',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: 'Plan a movement (every household is checked: the destination rule cannot be overridden)',
        tags,
        body: MovementInput,
        response: { 201: MovementDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await planMovement(request.ctx, request.body)),
  );
  app.get(
    '/cases/movements/candidates',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: 'Eligible households with no planned movement',
        tags,
        querystring: CandidatesQuery,
        response: { 200: z.array(MovementCandidate) },
      },
    },
    async (request) => movementCandidates(request.ctx, request.query.corridorId),
  );
  app.get(
    '/cases/movements/shelters',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: "A corridor's shelters with their capacity and occupancy on a night",
        tags,
        querystring: CapacityQuery,
        response: { 200: z.array(ShelterNight) },
      },
    },
    async (request) => corridorShelterNights(request.ctx, request.query.corridorId, request.query.date),
  );
  app.get(
    '/cases/movements/:id',
    {
      config: { permission: 'movement:plan' },
      schema: { summary: 'A movement', tags, params: IdParams, response: { 200: MovementDetail } },
    },
    async (request) => getMovement(request.ctx, request.params.id),
  );
  app.post(
    '/cases/movements/:id/depart',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: 'Depart a movement (eligibility is checked again; households that fail are suspended)',
        tags,
        params: IdParams,
        response: { 200: DepartureResult },
      },
    },
    async (request) => departMovement(request.ctx, request.params.id),
  );
  app.post(
    '/cases/movements/:id/cancel',
    {
      config: { permission: 'movement:plan' },
      schema: {
        summary: 'Cancel a planned or suspended movement',
        tags,
        params: IdParams,
        response: { 200: MovementDetail },
      },
    },
    async (request) => cancelMovement(request.ctx, request.params.id),
  );
  app.get(
    '/cases/households/:id/movements',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "A household's movements, arrival and follow-ups",
        tags,
        params: IdParams,
        response: { 200: HouseholdMovements },
      },
    },
    async (request) => householdMovements(request.ctx, request.params.id),
  );

  app.post(
    '/cases/arrivals',
    {
      config: { permission: 'arrival:record' },
      schema: { summary: "Record a household's arrival", tags, body: ArrivalInput, response: { 201: Arrival } },
    },
    async (request, reply) => reply.code(201).send(await recordArrival(request.ctx, request.body)),
  );
  app.get(
    '/cases/arrivals',
    {
      config: { permission: 'arrival:record' },
      schema: {
        summary: 'The arrivals log, newest first',
        tags,
        querystring: ArrivalListQuery,
        response: { 200: ArrivalPage },
      },
    },
    async (request) => listArrivals(request.ctx, request.query),
  );
  app.get(
    '/cases/arrivals/awaited',
    {
      config: { permission: 'arrival:record' },
      schema: {
        summary: 'Households departed and not yet arrived, a page at a time',
        tags,
        querystring: AwaitedArrivalsQuery,
        response: { 200: AwaitedArrivalPage },
      },
    },
    async (request) => awaitedArrivals(request.ctx, request.query),
  );

  app.get(
    '/cases/notices',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "The organisation's notices (movements suspended, and why), newest first, a page at a time",
        tags,
        querystring: NoticeListQuery,
        response: { 200: NoticePage },
      },
    },
    async (request) => listNotices(request.ctx, request.query),
  );
  app.post(
    '/cases/notices/:id/read',
    {
      config: { permission: 'case:read' },
      schema: { summary: 'Mark a notice read', tags, params: IdParams, response: { 200: CaseNotice } },
    },
    async (request) => markNoticeRead(request.ctx, request.params.id),
  );
}
