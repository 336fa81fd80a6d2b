import { Body, Controller, HttpCode, Injectable, Param, Put } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { appendAuditEvent } from '../audit/audit-writer';
import { ProblemError } from '../common/errors/problem';
import { Endpoint } from '../common/http/endpoint.decorator';
import { inTransaction, sqlOf } from '../database/sql';
import { AccessService } from '../access/access.service';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/principal';
import { auditActorOf } from '../audit/audit-actor';
import { ProviderError } from '../provisioning/providers/provider';
import { ProviderSet } from '../provisioning/providers/provider-set';
import { findPasswordableCustomerUser } from './customer-user-password.store';

export class SetCustomerUserPasswordBody {
  @ApiProperty({
    description: 'the new password: 10-128 characters, no control or bidi-control characters; write-only, never stored by Provisio',
    writeOnly: true,
    format: 'password',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  // C0/C1 controls, line separators and bidi embeddings/overrides/isolates: invisible, and an LDAP
  // client or a terminal would not show the user what they typed.
  @Matches(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u, { message: 'password must not contain control characters' })
  password: string;
}

/**
 * An end user's password, set straight in the directory by the provider serving Directory
 * (`Directory.SetUserPassword`: OpenLDAP's Password Modify, the lab's hash). It never enters a
 * run, a journal, an XML request, a log or an audit event: the audit event says only that it was
 * set, by whom, for whom.
 */
@Injectable()
export class CustomerUserPasswordService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly providers: ProviderSet,
  ) {}

  async set(p: Principal, organizationId: string, alias: string, password: string): Promise<void> {
    await this.access.requireOrganization(p, 'users.write', organizationId);
    const user = await findPasswordableCustomerUser(sqlOf(this.ds), organizationId, alias);
    if (!user) throw new ProblemError('NOT_FOUND', `no provisioned user ${alias} in this organization`);
    const setPassword = this.providers.operation('Directory.SetUserPassword');
    if (!setPassword) throw new ProblemError('CONFLICT', 'the directory provider of this installation does not take passwords');
    try {
      await setPassword({ organizationId, alias: user.alias, password });
    } catch (e) {
      if (e instanceof ProviderError && e.retryable) throw new ProblemError('SERVICE_UNAVAILABLE', 'the directory did not answer; try again');
      if (e instanceof ProviderError && /_NOT_FOUND$/.test(e.code)) throw new ProblemError('NOT_FOUND', `the user ${alias} is not in the directory (yet)`);
      throw e;
    }
    // After the directory took it (the change is not in this database, so it cannot share its transaction).
    await inTransaction(this.ds, (sql) =>
      appendAuditEvent(sql, auditActorOf(p), {
        action: 'customer_user.password_set',
        resourceType: 'customer_user',
        resourceId: user.id,
        organizationId,
        details: { alias: user.alias },
      }),
    );
  }
}

@ApiTags('orders')
@Controller('v1/organizations')
export class CustomerUserPasswordController {
  constructor(private readonly service: CustomerUserPasswordService) {}

  @Put(':organizationId/customer-users/:alias/password')
  @HttpCode(204)
  @Endpoint({
    permission: 'users.write',
    summary: 'Set the password a provisioned user signs in with (directory, mail, IM); write-only',
    description:
      'The password goes straight to the directory provider and is not kept by Provisio: not in runs, requests, logs or audit events (the event `customer_user.password_set` records who set one for whom).',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE'],
    status: 204,
  })
  async set(
    @CurrentPrincipal() p: Principal,
    @Param('organizationId') organizationId: string,
    @Param('alias') alias: string,
    @Body() body: SetCustomerUserPasswordBody,
  ): Promise<void> {
    if (!/^org_[0-9a-z]{26}$/.test(organizationId)) throw new ProblemError('NOT_FOUND', 'no such organization');
    if (!/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/.test(alias)) throw new ProblemError('NOT_FOUND', `no provisioned user ${alias}`);
    await this.service.set(p, organizationId, alias, body.password);
  }
}
