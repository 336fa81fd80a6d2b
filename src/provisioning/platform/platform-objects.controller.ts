import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { AccessService } from '../../access/access.service';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import type { Principal } from '../../access/principal';
import { ProviderSet } from '../providers/provider-set';
import { ProviderError } from '../providers/provider';
import { ProblemError } from '../../common/errors/problem';

export class PlatformObjectsQuery {
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab', description: 'the customer organization' })
  @IsString()
  @Matches(/^org_[0-9a-z]{26}$/, { message: 'organization must be an organization id' })
  organization: string;
}

export class PlatformProviderObjects {
  @ApiProperty({ example: 'ldap' })
  provider: string;
  @ApiProperty({ type: [String], example: ['Directory'] })
  namespaces: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: "what this provider's platform holds for the tenant, in its own terms" })
  objects: Record<string, unknown>;
}

export class PlatformObjectsView {
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab' })
  organizationId: string;
  @ApiProperty({ type: [PlatformProviderObjects] })
  providers: PlatformProviderObjects[];
}

/**
 * What the configured platforms hold for one customer, provider by provider, read live from the
 * platforms (OpenLDAP entries, PowerDNS zones, the lab's tables): the operator's view of real
 * servers, as GET /v1/lab/state is of the lab. Never a secret.
 */
@Injectable()
export class PlatformObjectsService {
  constructor(
    private readonly providers: ProviderSet,
    private readonly access: AccessService,
  ) {}

  async objects(p: Principal, organizationId: string): Promise<PlatformObjectsView> {
    await this.access.requireOrganization(p, 'lab.read', organizationId);
    const out: PlatformObjectsView['providers'] = [];
    for (const provider of this.providers.providers) {
      if (!provider.inventory) continue;
      const namespaces = [...new Set(provider.procedures.map((x) => x.namespace))];
      try {
        out.push({ provider: provider.name, namespaces, objects: await provider.inventory(organizationId) });
      } catch (e) {
        if (e instanceof ProviderError && e.retryable) throw new ProblemError('SERVICE_UNAVAILABLE', `${provider.name}: ${e.message}`);
        throw e;
      }
    }
    return { organizationId, providers: out };
  }
}

@ApiTags('provisioning')
@Controller('v1/platform')
export class PlatformObjectsController {
  constructor(private readonly service: PlatformObjectsService) {}

  @Get('objects')
  @Endpoint({
    permission: 'lab.read',
    summary: 'What the platforms hold for one customer, per provider (directory entries, DNS zones, the lab state), read live',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'],
    readOnly: true,
    response: { type: PlatformObjectsView },
  })
  objects(@CurrentPrincipal() p: Principal, @Query() q: PlatformObjectsQuery): Promise<PlatformObjectsView> {
    return this.service.objects(p, q.organization);
  }
}

@Module({ controllers: [PlatformObjectsController], providers: [PlatformObjectsService] })
export class PlatformObjectsModule {}
