import type { FormRegistration } from '../platform/web/forms.ts';

/** The consultations' public forms that work without JavaScript (the public comment form). */
export const consultationForms: readonly FormRegistration[] = [];
