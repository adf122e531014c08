import { z } from 'zod';
import {
  ImportInstrumentRequest,
  Instrument,
  InstrumentImported,
  InstrumentList,
} from '../../../shared/outcomes/schemas/instruments.ts';
import type { HomewardApp } from '../../app.ts';
import { getInstrument, importInstrument, listInstruments } from '../instruments.ts';
import '../problems.ts';

const tags = ['outcomes'];
const Params = z.strictObject({ instrumentId: z.uuid() });

/** Survey instruments: import an XLSForm workbook, list the versions, read one's form. */
export async function instrumentRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/outcomes/instruments',
    {
      config: { permission: 'instrument:import' },
      schema: {
        summary: 'Import an XLSForm workbook (base64) as a survey instrument; the same workbook again changes nothing',
        tags,
        body: ImportInstrumentRequest,
        response: { 200: InstrumentImported, 201: InstrumentImported },
      },
    },
    async (request, reply) => {
      const result = await importInstrument(request.ctx, {
        fileName: request.body.fileName,
        bytes: new Uint8Array(Buffer.from(request.body.contentBase64, 'base64')),
      });
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
  app.get(
    '/outcomes/instruments',
    {
      config: { permission: 'instrument:read' },
      schema: {
        summary: 'The survey instruments, every version, newest first',
        tags,
        response: { 200: InstrumentList },
      },
    },
    async (request) => listInstruments(request.ctx),
  );
  app.get(
    '/outcomes/instruments/:instrumentId',
    {
      config: { permission: 'instrument:read' },
      schema: {
        summary: 'A survey instrument with its form: groups, questions, choices and rules in every language',
        tags,
        params: Params,
        response: { 200: Instrument },
      },
    },
    async (request) => getInstrument(request.ctx, request.params.instrumentId),
  );
}
