import { z } from 'zod';
import {
  CreatedUser,
  CreateOrganisationRequest,
  CreateUserRequest,
  MembershipInput,
  Organisation,
  UpdateOrganisationRequest,
  UserListQuery,
  UserSummary,
} from '../../../shared/accounts.ts';
import type { HomewardApp } from '../../app.ts';
import {
  addMembership,
  addOrganisation,
  addUser,
  deactivateUser,
  getUser,
  listOrganisations,
  listUsers,
  reactivateUser,
  removeMembership,
  resetTwoFactor,
  updateOrganisation,
} from './service.ts';

const tags = ['administration'];
const OrganisationParams = z.strictObject({ organisationId: z.uuid() });
const UserParams = z.strictObject({ userId: z.uuid() });
const MembershipParams = z.strictObject({ userId: z.uuid(), membershipId: z.uuid() });

/** Administration of organisations, accounts and memberships. */
export async function accountRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/organisations',
    {
      config: { permission: 'organisation:read' },
      schema: { summary: 'List organisations', tags, response: { 200: z.array(Organisation) } },
    },
    async (request) => listOrganisations(request.ctx),
  );

  app.post(
    '/organisations',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        summary: 'Create an organisation',
        tags,
        body: CreateOrganisationRequest,
        response: { 201: Organisation },
      },
    },
    async (request, reply) => reply.code(201).send(await addOrganisation(request.ctx, request.body)),
  );

  app.patch(
    '/organisations/:organisationId',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        summary: 'Change an organisation’s name, kind or home state',
        tags,
        params: OrganisationParams,
        body: UpdateOrganisationRequest,
        response: { 200: Organisation },
      },
    },
    async (request) => updateOrganisation(request.ctx, request.params.organisationId, request.body),
  );

  app.get(
    '/users',
    {
      config: { permission: 'user:read' },
      schema: {
        summary: 'List people with their memberships',
        tags,
        querystring: UserListQuery,
        response: { 200: z.array(UserSummary) },
      },
    },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        summary: 'Create an account',
        description: 'Without a password, a one-time password is generated and returned once.',
        tags,
        body: CreateUserRequest,
        response: { 201: CreatedUser },
      },
    },
    async (request, reply) => reply.code(201).send(await addUser(request.ctx, request.body)),
  );

  app.get(
    '/users/:userId',
    {
      config: { permission: 'user:read' },
      schema: {
        summary: 'One person with their memberships',
        tags,
        params: UserParams,
        response: { 200: UserSummary },
      },
    },
    async (request) => getUser(request.ctx, request.params.userId),
  );

  const userAction = (path: string, summary: string, action: typeof deactivateUser) =>
    app.post(
      `/users/:userId/${path}`,
      {
        config: { permission: 'user:manage' },
        schema: { summary, tags, params: UserParams, response: { 200: UserSummary } },
      },
      async (request) => action(request.ctx, request.params.userId),
    );
  userAction('deactivate', 'Deactivate an account (its sessions end at once)', deactivateUser);
  userAction('reactivate', 'Reactivate an account', reactivateUser);
  userAction('reset-two-factor', 'Reset two-factor sign-in (the person enrols again)', resetTwoFactor);

  app.post(
    '/users/:userId/memberships',
    {
      config: { permission: 'user:manage' },
      schema: {
        summary: 'Give a person a role in an organisation',
        tags,
        params: UserParams,
        body: MembershipInput,
        response: { 200: UserSummary },
      },
    },
    async (request) => addMembership(request.ctx, request.params.userId, request.body),
  );

  app.delete(
    '/users/:userId/memberships/:membershipId',
    {
      config: { permission: 'user:manage' },
      schema: { summary: 'Remove a membership', tags, params: MembershipParams, response: { 200: UserSummary } },
    },
    async (request) => removeMembership(request.ctx, request.params.userId, request.params.membershipId),
  );
}
