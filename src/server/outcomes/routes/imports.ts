import { ImportedResponses, ImportResponsesRequest } from '../../../shared/outcomes/schemas/imports.ts';
import type { HomewardApp } from '../../app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { importResponses } from '../response-imports.ts';
import '../problems.ts';

const tags = ['outcomes'];

/** Importing an answers file exported from KoboToolbox or ODK Central, sent as base64 in JSON. */
export async function importRoutes(app: HomewardApp): Promise<void> {
  const maxBytes = app.platform.config.outcomeImportMaxBytes;
  app.post(
    '/outcomes/imports',
    {
      config: { permission: 'response:import' },
      // The file as base64 (four characters for three bytes), and the few other fields.
      bodyLimit: Math.ceil(maxBytes / 3) * 4 + 16 * 1024,
      schema: {
        summary:
          'Import answers exported from KoboToolbox (CSV, XLSX, JSON) or ODK Central (CSV, or its zip with the repeats), all or nothing; a file imported again changes nothing',
        tags,
        body: ImportResponsesRequest,
        response: { 200: ImportedResponses },
      },
    },
    async (request) => {
      const { formId, version, fileName, contentBase64, population, round } = request.body;
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxBytes) throw new AppError('payload_too_large', { params: { limit: maxBytes } });
      return importResponses(request.ctx, {
        formId,
        ...(version === undefined ? {} : { version }),
        fileName,
        bytes,
        population,
        ...(round === undefined ? {} : { round }),
      });
    },
  );
}
