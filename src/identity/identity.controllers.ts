import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../common/http/endpoint.decorator';
import { PageQuery } from '../common/pagination/cursor';
import { IdParam } from '../common/validation/id-param.pipe';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { DelegationsService } from './delegations.service';
import {
  CreateDelegatedTokenRequest,
  CreateDelegationRequest,
  CreateOrganizationRequest,
  CreateTokenRequest,
  CreateUserRequest,
  DelegationListQuery,
  OptionalReasonRequest,
  OrganizationListQuery,
  ReasonRequest,
  RoleQuery,
  RoleRequest,
  UpdateOrganizationRequest,
  UpdateUserRequest,
} from './dto/identity.dto';
import { CreatedOrganizationView, CreatedTokenView, DelegationView, OrganizationView, TokenView, UserView } from './identity.views';
import { OrganizationsService } from './organizations.service';
import { ROLES } from '../access/permissions';
import type { Principal } from '../access/principal';
import { TokensService } from './tokens.service';
import { UsersService } from './users.service';

class MeView {
  @ApiProperty() user: UserView;
  @ApiProperty() organization: OrganizationView;
  @ApiProperty({ description: 'the organization this token acts in (a customer, for delegated tokens)' }) actingIn: OrganizationView;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty({ isArray: true, type: String }) permissions: string[];
  @ApiProperty() tokenId: string;
  @ApiProperty({ nullable: true, type: String }) delegationId: string | null;
}

@ApiTags('identity')
@Controller('v1')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly orgs: OrganizationsService,
  ) {}

  @Get('me')
  @Endpoint({ permission: 'me.read', summary: 'Who am I: user, organization, roles and permissions of this token', response: { type: MeView } })
  async me(@CurrentPrincipal() p: Principal): Promise<MeView> {
    const user = await this.users.self(p);
    const { organization, actingIn } = await this.orgs.own(p);
    return { user, organization, actingIn, roles: p.roles, permissions: [...p.permissions].sort(), tokenId: p.tokenId, delegationId: p.delegationId };
  }
}

@ApiTags('identity')
@Controller('v1/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @Endpoint({ permission: 'tokens.read', summary: 'List your tokens (never their secrets)', response: { type: TokenView, page: true } })
  list(@CurrentPrincipal() p: Principal) {
    return this.tokens.listOwn(p);
  }

  @Post()
  @Endpoint({
    permission: 'tokens.manage',
    idempotent: true,
    summary: 'Create a personal token; the secret is in this answer only',
    errors: ['VALIDATION_FAILED', 'TOKEN_ROLES_EXCEED_OWNER', 'TOKEN_TTL_TOO_LONG'],
    status: 201,
    response: { type: CreatedTokenView },
  })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateTokenRequest) {
    return this.tokens.createOwn(p, body);
  }

  @Delete(':id')
  @Endpoint({
    permission: 'tokens.manage',
    summary: 'Revoke a token (yours, or of a user below you); effective on the next request',
    errors: ['NOT_FOUND', 'ROLE_NOT_GRANTABLE'],
    response: { type: TokenView },
  })
  revoke(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.tokens.revoke(p, id);
  }
}

@ApiTags('identity')
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly orgs: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Endpoint({
    permission: 'organizations.read',
    summary: 'List organizations in your scope',
    errors: ['VALIDATION_FAILED', 'INVALID_CURSOR'],
    response: { type: OrganizationView, page: true },
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: OrganizationListQuery) {
    return this.orgs.list(p, q);
  }

  @Post()
  @Endpoint({
    permission: 'organizations.write',
    idempotent: true,
    summary: 'Create a reseller (hoster staff) or a customer, optionally with its first admin and token',
    description:
      'A reseller admin creating its own customer may ask for a delegation approved at creation; that choice is audited as `delegation.approved_at_creation`.',
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'ORGANIZATION_KIND_NOT_ALLOWED',
      'INVALID_PARENT_ORGANIZATION',
      'ORGANIZATION_NAME_TAKEN',
      'USERNAME_TAKEN',
      'DELEGATION_INVALID_DURATION',
      'DELEGATION_INVALID_ROLES',
    ],
    status: 201,
    response: { type: CreatedOrganizationView },
  })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateOrganizationRequest) {
    return this.orgs.create(p, body);
  }

  @Get(':id')
  @Endpoint({ permission: 'organizations.read', summary: 'Read an organization (ETag = version)', errors: ['NOT_FOUND'], response: { type: OrganizationView } })
  async get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const org = await this.orgs.get(p, id);
    reply.header('ETag', `"${org.version}"`);
    return org;
  }

  @Patch(':id')
  @Endpoint({
    permission: 'organizations.write',
    summary: 'Rename an organization (If-Match honoured)',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'PRECONDITION_FAILED', 'ORGANIZATION_NAME_TAKEN'],
    response: { type: OrganizationView },
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', IdParam) id: string,
    @Body() body: UpdateOrganizationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const org = await this.orgs.update(p, id, body, ifMatch);
    reply.header('ETag', `"${org.version}"`);
    return org;
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Endpoint({
    permission: 'organizations.suspend',
    summary: 'Suspend an organization: its tokens (and those below it) get 403 ORGANIZATION_SUSPENDED',
    errors: ['NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'],
    response: { type: OrganizationView },
  })
  suspend(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: ReasonRequest) {
    return this.orgs.setSuspended(p, id, true, body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Endpoint({
    permission: 'organizations.suspend',
    summary: 'Resume a suspended organization',
    errors: ['NOT_FOUND', 'CONFLICT'],
    response: { type: OrganizationView },
  })
  resume(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: OptionalReasonRequest) {
    return this.orgs.setSuspended(p, id, false, body.reason);
  }

  @Get(':id/users')
  @Endpoint({
    permission: 'users.read',
    summary: 'List the users of an organization',
    errors: ['NOT_FOUND', 'INVALID_CURSOR'],
    response: { type: UserView, page: true },
  })
  listUsers(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Query() q: PageQuery) {
    return this.users.list(p, id, q);
  }

  @Post(':id/users')
  @Endpoint({
    permission: 'users.write',
    idempotent: true,
    summary: 'Create a user with roles below your own',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'USERNAME_TAKEN', 'ROLE_NOT_GRANTABLE', 'ROLE_NOT_ALLOWED_HERE'],
    status: 201,
    response: { type: UserView },
  })
  createUser(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: CreateUserRequest) {
    return this.users.create(p, id, body);
  }
}

@ApiTags('identity')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  @Get(':id')
  @Endpoint({
    permission: 'authenticated',
    summary: 'Read a user: yourself, or a user in your scope (users.read)',
    errors: ['NOT_FOUND'],
    response: { type: UserView },
  })
  async get(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const user = await this.users.get(p, id);
    reply.header('ETag', `"${user.version}"`);
    return user;
  }

  @Patch(':id')
  @Endpoint({
    permission: 'authenticated',
    summary: 'Change a user: your own profile, or a user below you in your scope (users.write); If-Match honoured',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'ROLE_NOT_GRANTABLE', 'PRECONDITION_FAILED'],
    response: { type: UserView },
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', IdParam) id: string,
    @Body() body: UpdateUserRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const user = await this.users.update(p, id, body, ifMatch);
    reply.header('ETag', `"${user.version}"`);
    return user;
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    permission: 'users.delete',
    summary: 'Delete a user below you; its tokens stop working at once',
    errors: ['NOT_FOUND', 'ROLE_NOT_GRANTABLE'],
    status: 204,
  })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    await this.users.remove(p, id);
  }

  @Post(':id/roles')
  @HttpCode(200)
  @Endpoint({
    permission: 'roles.assign',
    summary: 'Grant a role below your own',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'ROLE_NOT_GRANTABLE', 'ROLE_NOT_ALLOWED_HERE'],
    response: { type: UserView },
  })
  addRole(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: RoleRequest) {
    return this.users.addRole(p, id, body.role);
  }

  @Delete(':id/roles')
  @Endpoint({
    permission: 'roles.assign',
    summary: 'Take a role away (?role=)',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'ROLE_NOT_GRANTABLE'],
    response: { type: UserView },
  })
  removeRole(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Query() q: RoleQuery) {
    return this.users.removeRole(p, id, q.role);
  }

  @Post(':id/tokens')
  @Endpoint({
    permission: 'users.issue_token',
    idempotent: true,
    summary: 'Issue a token to a user below you (e.g. its first one); the secret is in this answer only',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'ROLE_NOT_GRANTABLE', 'TOKEN_ROLES_EXCEED_OWNER', 'TOKEN_TTL_TOO_LONG', 'USER_DISABLED'],
    status: 201,
    response: { type: CreatedTokenView },
  })
  issue(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: CreateTokenRequest) {
    return this.tokens.issueForUser(p, id, body);
  }
}

@ApiTags('identity')
@Controller('v1/delegations')
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly tokens: TokensService,
  ) {}

  @Get()
  @Endpoint({
    permission: 'delegations.read',
    summary: "List delegations: a reseller's own, or those on your organization",
    errors: ['INVALID_CURSOR'],
    response: { type: DelegationView, page: true },
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: DelegationListQuery) {
    return this.delegations.list(p, q);
  }

  @Post()
  @Endpoint({
    permission: 'delegations.request',
    idempotent: true,
    summary: 'Request delegated admin rights on one of your customers (roles ⊆ org_admin, org_csr, auditor; 1 hour to 2 years)',
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'DELEGATION_INVALID_ROLES', 'DELEGATION_INVALID_DURATION', 'DELEGATION_NOT_CUSTOMER'],
    status: 201,
    response: { type: DelegationView },
  })
  request(@CurrentPrincipal() p: Principal, @Body() body: CreateDelegationRequest) {
    return this.delegations.request(p, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Endpoint({
    permission: 'delegations.approve',
    summary: 'Approve a pending delegation on your organization (customer org_admin)',
    errors: ['NOT_FOUND', 'DELEGATION_NOT_PENDING'],
    response: { type: DelegationView },
  })
  approve(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string) {
    return this.delegations.approve(p, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Endpoint({
    permission: 'delegations.read',
    summary: "Revoke a delegation (the customer's org_admin, the reseller admin, or a hoster admin); its delegated tokens stop at once",
    errors: ['NOT_FOUND', 'DELEGATION_NOT_ACTIVE'],
    response: { type: DelegationView },
  })
  revoke(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: OptionalReasonRequest) {
    return this.delegations.revoke(p, id, body.reason);
  }

  @Post(':id/tokens')
  @Endpoint({
    permission: 'delegations.token',
    summary: "Exchange your reseller token for a delegated admin token acting in the customer (default 1 h, never past the delegation's end)",
    errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'DELEGATION_NOT_ACTIVE', 'TOKEN_ROLES_EXCEED_OWNER', 'TOKEN_TTL_TOO_LONG'],
    status: 201,
    response: { type: CreatedTokenView },
  })
  token(@CurrentPrincipal() p: Principal, @Param('id', IdParam) id: string, @Body() body: CreateDelegatedTokenRequest) {
    return this.tokens.issueDelegated(p, id, body);
  }
}
