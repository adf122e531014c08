import { MyWork } from '../../../shared/work.ts';
import type { HomewardApp } from '../../app.ts';
import type { HomewardModule } from '../module.ts';
import { myWork } from './service.ts';

/** The signed-in person's pending work, from the platform and from every module (the staff home). */
export function workRoutes(modules: readonly HomewardModule[]) {
  return async (app: HomewardApp): Promise<void> => {
    app.get(
      '/me/work',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'What waits for the signed-in person, role by role, with counts and where to do it',
          tags: ['auth'],
          response: { 200: MyWork },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return myWork(request.ctx, modules);
      },
    );
  };
}
