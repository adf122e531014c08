import { currentLanguage } from '../i18n/setup.ts';
import { createApiClient } from './client.ts';

/** The application's API client: every screen calls the API through it. */
export const api = createApiClient({ language: currentLanguage });

export { API_BASE, type ApiClient, type RequestOptions } from './client.ts';
export { ApiError, type FieldProblem, isApiError } from './problem.ts';
