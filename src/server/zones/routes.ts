import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AddEvidenceRequest,
  AssessPeriodRequest,
  AttachEvidenceFileQuery,
  Classification,
  CorrectObservationRequest,
  EVIDENCE_FILE_MAX_BYTES,
  EvidenceFile,
  FrameworkVersion,
  Observation,
  ObservationBatchRequest,
  ObservationBatchResult,
  ObservationHistory,
  ObservationInput,
  ObservationListQuery,
  ObservationPage,
  PCode,
  Period,
  PeriodReview,
  PublicationSummary,
  PublicZone,
  PublicZoneDetail,
  PublicZoneHistory,
  PublicZonesQuery,
  PublishPeriodRequest,
  SaveFrameworkDraftRequest,
  VerifyObservationRequest,
  WaitingObservationPage,
  WaitingObservationsQuery,
  ZoneDetail,
  ZoneListQuery,
  ZonePage,
} from '../../shared/zones/schemas.ts';
import type { HomewardApp } from '../app.ts';
import { attachmentHeader } from '../platform/http/attachment.ts';
import { AppError } from '../platform/http/errors.ts';
import { sendPublicBody } from '../platform/http/public-cache.ts';
import { attachEvidenceFile, evidenceFileTooLarge, readEvidenceFile } from './evidence-files.ts';
import { getActiveFramework, listFrameworks, publishFramework, saveFrameworkDraft } from './frameworks.ts';
import { getZoneDetail, listZones } from './gazetteer.ts';
import { correctObservation, observationHistory } from './observation-versions.ts';
import {
  addEvidence,
  getObservation,
  listObservations,
  recordObservation,
  recordObservationBatch,
  verifyObservation,
} from './observations.ts';
import './problems.ts';
import { publicZonePageBody, publicZonesBody, publishedContent } from './public-zones.ts';
import {
  listPublications,
  listWaitingObservations,
  publishPeriod,
  recomputePeriod,
  reviewPeriod,
} from './publications.ts';

const tags = ['zones'];
const PcodeParams = z.strictObject({ pcode: PCode });
const IdParams = z.strictObject({ id: z.uuid() });
const VersionParams = z.strictObject({ version: z.coerce.number().int().positive() });
const PeriodParams = z.strictObject({ period: Period });
const FileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
/** What an evidence file may be sent as: its own type, or any bytes (the type is found from the content). */
const FILE_BODY_TYPES = ['application/octet-stream', 'application/pdf'];
const IMAGE_BODY_TYPE = /^image\/[\w.+-]+/;

/**
 * Evidence files come as the raw request body (no multipart: one file per request, its name in the query),
 * read as bytes up to EVIDENCE_FILE_MAX_BYTES; a longer body is refused (413) without being held in memory.
 */
function acceptFileBodies(app: HomewardApp): void {
  const parse = (
    request: FastifyRequest,
    payload: NodeJS.ReadableStream,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > EVIDENCE_FILE_MAX_BYTES) {
      payload.resume();
      done(evidenceFileTooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > EVIDENCE_FILE_MAX_BYTES) {
        chunks.length = 0;
        finish(evidenceFileTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (error: Error) => finish(error));
  };
  app.addContentTypeParser(FILE_BODY_TYPES, parse);
  app.addContentTypeParser(IMAGE_BODY_TYPE, parse);
}

/** Return zones for staff: gazetteer, framework, observations, verification, assessment, publication. */
export async function zoneRoutes(app: HomewardApp): Promise<void> {
  acceptFileBodies(app);
  app.get(
    '/zones',
    {
      config: { permission: 'zone:read' },
      schema: {
        summary: 'List zones with their latest class',
        tags,
        querystring: ZoneListQuery,
        response: { 200: ZonePage },
      },
    },
    async (request) => listZones(request.ctx, request.query),
  );
  app.get(
    '/zones/:pcode',
    {
      config: { permission: 'zone:read' },
      schema: { summary: 'A zone with its assessments', tags, params: PcodeParams, response: { 200: ZoneDetail } },
    },
    async (request) => getZoneDetail(request.ctx, request.params.pcode),
  );

  app.get(
    '/frameworks',
    {
      config: { permission: 'zone:read' },
      schema: {
        summary: 'Criteria framework versions, newest first',
        tags,
        response: { 200: z.array(FrameworkVersion) },
      },
    },
    async (request) => listFrameworks(request.ctx),
  );
  app.get(
    '/frameworks/active',
    {
      config: { permission: 'zone:read' },
      schema: { summary: 'The framework version assessments use', tags, response: { 200: FrameworkVersion } },
    },
    async (request) => getActiveFramework(request.ctx),
  );
  app.post(
    '/frameworks/drafts',
    {
      config: { permission: 'framework:manage' },
      schema: {
        summary: 'Save the draft of the next framework version',
        tags,
        body: SaveFrameworkDraftRequest,
        response: { 200: FrameworkVersion },
      },
    },
    async (request) => saveFrameworkDraft(request.ctx, request.body.definition),
  );
  app.post(
    '/frameworks/:version/publish',
    {
      config: { permission: 'framework:manage' },
      schema: {
        summary: 'Publish a framework draft',
        tags,
        params: VersionParams,
        response: { 200: FrameworkVersion },
      },
    },
    async (request) => publishFramework(request.ctx, request.params.version),
  );

  app.get(
    '/observations',
    {
      config: { permission: 'zone:read' },
      schema: {
        summary: 'List observations',
        tags,
        querystring: ObservationListQuery,
        response: { 200: ObservationPage },
      },
    },
    async (request) => listObservations(request.ctx, request.query),
  );
  app.post(
    '/observations',
    {
      config: { permission: 'observation:create' },
      schema: { summary: 'Record an observation', tags, body: ObservationInput, response: { 201: Observation } },
    },
    async (request, reply) => reply.code(201).send(await recordObservation(request.ctx, request.body)),
  );
  app.post(
    '/observations/batch',
    {
      config: { permission: 'observation:create' },
      schema: {
        summary: 'Record observations all-or-nothing',
        tags,
        body: ObservationBatchRequest,
        response: { 200: ObservationBatchResult },
      },
    },
    async (request) => recordObservationBatch(request.ctx, request.body.observations),
  );
  app.get(
    '/observations/:id',
    {
      config: { permission: 'zone:read' },
      schema: { summary: 'An observation', tags, params: IdParams, response: { 200: Observation } },
    },
    async (request) => getObservation(request.ctx, request.params.id),
  );
  app.post(
    '/observations/:id/verification',
    {
      config: { permission: 'observation:verify' },
      schema: {
        summary: 'Confirm, reject or ask for more evidence',
        tags,
        params: IdParams,
        body: VerifyObservationRequest,
        response: { 200: Observation },
      },
    },
    async (request) => verifyObservation(request.ctx, request.params.id, request.body.decision, request.body.reason),
  );
  app.post(
    '/observations/:id/evidence',
    {
      config: { permission: 'observation:create' },
      schema: {
        summary: 'Add the evidence a verifier asked for',
        tags,
        params: IdParams,
        body: AddEvidenceRequest,
        response: { 200: Observation },
      },
    },
    async (request) => addEvidence(request.ctx, request.params.id, request.body.evidenceNotes),
  );

  app.post(
    '/observations/:id/corrections',
    {
      config: { permission: 'observation:create' },
      schema: {
        summary: "Correct your organisation's observation: a new version, verified again",
        tags,
        params: IdParams,
        body: CorrectObservationRequest,
        response: { 200: Observation },
      },
    },
    async (request) => correctObservation(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/observations/:id/history',
    {
      config: { permission: 'zone:read' },
      schema: {
        summary: 'Every version of an observation with its decisions, and its evidence files',
        tags,
        params: IdParams,
        response: { 200: ObservationHistory },
      },
    },
    async (request) => observationHistory(request.ctx, request.params.id),
  );
  app.post(
    '/observations/:id/files',
    {
      config: { permission: 'observation:create' },
      bodyLimit: EVIDENCE_FILE_MAX_BYTES,
      schema: {
        summary:
          'Attach an evidence file: the body is the file (JPEG, PNG or WebP, at most 10 MB), its name in `name`; its metadata is removed',
        tags,
        params: IdParams,
        querystring: AttachEvidenceFileQuery,
        response: { 201: EvidenceFile },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('unsupported_media_type', { params: { reason: 'unsupported_type' } });
      }
      const attached = await attachEvidenceFile(request.ctx, request.params.id, {
        name: request.query.name,
        bytes: request.body,
      });
      return reply.code(201).send(attached);
    },
  );
  app.get(
    '/observations/:id/files/:fileId',
    {
      config: { permission: 'zone:read' },
      schema: {
        summary: 'Download an evidence file (the submitting organisation and verifiers only)',
        tags,
        params: FileParams,
      },
    },
    async (request, reply) => {
      const file = await readEvidenceFile(request.ctx, request.params.id, request.params.fileId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentHeader(file.name))
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.post(
    '/assessments',
    {
      config: { permission: 'zone:assess' },
      schema: {
        summary: "Recompute every zone's class for a period",
        tags,
        body: AssessPeriodRequest,
        response: { 200: PeriodReview },
      },
    },
    async (request) => recomputePeriod(request.ctx, request.body.period),
  );
  app.get(
    '/periods/:period/review',
    {
      config: { permission: 'zone:read' },
      schema: { summary: "A period's classes for review", tags, params: PeriodParams, response: { 200: PeriodReview } },
    },
    async (request) => reviewPeriod(request.ctx, request.params.period),
  );
  app.get(
    '/periods/:period/waiting',
    {
      config: { permission: 'zone:publish' },
      schema: {
        summary: "The period's observations that keep it from being published, and who can act on each",
        tags,
        params: PeriodParams,
        querystring: WaitingObservationsQuery,
        response: { 200: WaitingObservationPage },
      },
    },
    async (request) => listWaitingObservations(request.ctx, request.params.period, request.query),
  );
  app.get(
    '/publications',
    {
      config: { permission: 'zone:read' },
      schema: { summary: 'Publications, newest period first', tags, response: { 200: z.array(PublicationSummary) } },
    },
    async (request) => listPublications(request.ctx),
  );
  app.post(
    '/publications',
    {
      config: { permission: 'zone:publish' },
      schema: {
        summary: "Publish a period's classes (or a correction)",
        tags,
        body: PublishPeriodRequest,
        response: { 201: PublicationSummary },
      },
    },
    async (request, reply) => reply.code(201).send(await publishPeriod(request.ctx, request.body)),
  );
}

/** What anyone may read of the zones: published classes and their explanations. */
export async function publicZoneRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/zones',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'Published zone classes (`?format=geojson` for a map; `?format=outlines` for the regions and districts drawn around them)',
        tags: ['public'],
        querystring: PublicZonesQuery,
        response: {
          200: z.union([z.array(PublicZone), z.object({ type: z.literal('FeatureCollection') }).loose()]),
        },
      },
    },
    // The body is JSON text built once per publication (public.ts), compressed once per encoding, sent as it is.
    async (request, reply) =>
      sendPublicBody(
        request,
        reply,
        await publicZonesBody(request.ctx.db, request.query.format),
        request.query.format === 'json' ? 'application/json' : 'application/geo+json',
      ),
  );
  app.get(
    '/public/zones/:pcode',
    {
      config: { permission: 'public' },
      schema: {
        summary: "A zone's current published class with its explanation (its history is a separate request)",
        tags: ['public'],
        params: PcodeParams,
        response: { 200: PublicZoneDetail },
      },
    },
    // Kept as JSON text per publication (public.ts), as the zone list is.
    async (request, reply) =>
      sendPublicBody(request, reply, await publicZonePageBody(request.ctx.db, request.params.pcode)),
  );
  app.get(
    '/public/zones/:pcode/history',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Every class a zone was published with, newest period first, with their explanations',
        tags: ['public'],
        params: PcodeParams,
        response: { 200: PublicZoneHistory },
      },
    },
    async (request, reply) =>
      sendPublicBody(request, reply, await publicZonePageBody(request.ctx.db, request.params.pcode, 'history')),
  );
  app.get(
    '/public/zones/:pcode/map',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'What the zone page map draws (GeoJSON): the zone, its neighbours and the zones inside it with their classes, and the outlines of the regions and districts around',
        tags: ['public'],
        params: PcodeParams,
        response: { 200: z.object({ type: z.literal('FeatureCollection') }).loose() },
      },
    },
    async (request, reply) =>
      sendPublicBody(
        request,
        reply,
        await publicZonePageBody(request.ctx.db, request.params.pcode, 'map'),
        'application/geo+json',
      ),
  );
  app.get(
    '/public/publications/:id',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'What a publication published, exactly as hashed (sha256 of its canonical JSON is contentHash)',
        tags: ['public'],
        params: IdParams,
        response: {
          200: z.object({
            publication: PublicationSummary,
            content: z.object({
              period: z.string(),
              frameworkVersion: z.number().int(),
              zones: z.array(z.object({ pcode: z.string(), classification: Classification })),
            }),
          }),
        },
      },
    },
    async (request) => publishedContent(request.ctx.db, request.params.id),
  );
}
