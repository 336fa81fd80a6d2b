import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemError } from '../../common/errors/problem';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { isSchemaName, schemaText } from '../language/schemas';
import { NamespaceRegistry, type NamespaceSummary } from './namespace-registry';

class ProcedureView {
  @ApiProperty({ example: 'Subscribe' }) name: string;
  @ApiProperty({
    enum: ['public', 'private', 'trusted'],
    description:
      'public: callable by simple requests; private: only from its own namespace; trusted: leaf procedures, for composite procedures and trusted requests',
  })
  access: string;
  @ApiProperty({ enum: ['read', 'write', 'composite'] }) kind: string;
  @ApiProperty() summary: string;
  @ApiProperty({
    description: 'entity or data path → attributes ("?" marks optional ones)',
    example: { organization: ['id', 'domain'], 'users/user?': ['alias', 'displayName'] },
  })
  input: Record<string, string[]>;
  @ApiPropertyOptional({ description: 'leaf procedures: the fields the output adds to executeData', type: [String] }) output?: string[];
}

class NamespaceView {
  @ApiProperty({ example: 'Hosted Organization' }) name: string;
  @ApiProperty({ enum: ['leaf', 'composite'] }) kind: string;
  @ApiProperty({ example: '1' }) version: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [ProcedureView] }) procedures: ProcedureView[];
}

class NamespaceList {
  @ApiProperty({ type: [NamespaceView] }) items: NamespaceView[];
  @ApiProperty({ nullable: true, type: String, description: 'always null: the list is short and complete' }) nextCursor: null;
}

@ApiTags('provisioning')
@Controller('v1/namespaces')
export class NamespacesController {
  constructor(@Inject(NamespaceRegistry) private readonly registry: NamespaceRegistry) {}

  @Get()
  @Endpoint({
    permission: 'namespaces.read',
    summary: 'List namespaces (leaf and composite) with their procedures',
    readOnly: true,
    response: { type: NamespaceList },
  })
  list(): { items: NamespaceSummary[]; nextCursor: null } {
    return { items: this.registry.namespaces(), nextCursor: null };
  }

  @Get(':name')
  @ApiParam({ name: 'name', example: 'Hosted Organization' })
  @ApiProduces('application/xml', 'application/json')
  @ApiResponse({
    status: 200,
    description: 'composite namespace: its XML document (application/xml); leaf namespace: a JSON description',
    content: { 'application/xml': { schema: { type: 'string' } }, 'application/json': { schema: { $ref: '#/components/schemas/NamespaceView' } } },
  })
  @Endpoint({
    permission: 'namespaces.read',
    summary: 'A namespace: the XML document of a composite namespace, or the description of a leaf namespace',
    readOnly: true,
    errors: ['NAMESPACE_NOT_FOUND'],
  })
  get(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): string | NamespaceSummary {
    const xml = this.registry.document(name);
    if (xml !== undefined) {
      reply.type('application/xml; charset=utf-8');
      return xml;
    }
    const summary = this.registry.namespace(name);
    if (!summary) throw new ProblemError('NAMESPACE_NOT_FOUND', `There is no namespace "${name.slice(0, 100)}"`);
    return summary;
  }
}

@ApiTags('provisioning')
@Controller('v1/schemas')
export class SchemasController {
  @Get(':file')
  @ApiParam({ name: 'file', example: 'request.xsd', description: 'request.xsd or namespace.xsd' })
  @ApiProduces('application/xml')
  @ApiResponse({ status: 200, description: 'the XML Schema', content: { 'application/xml': { schema: { type: 'string' } } } })
  @Endpoint({
    permission: 'public',
    summary: 'The XML Schema of requests (request.xsd) or of composite namespace documents (namespace.xsd)',
    readOnly: true,
    errors: ['SCHEMA_NOT_FOUND'],
  })
  get(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const name = file.endsWith('.xsd') ? file.slice(0, -4) : '';
    if (!isSchemaName(name)) throw new ProblemError('SCHEMA_NOT_FOUND', `There is no schema "${file.slice(0, 100)}"; try request.xsd or namespace.xsd`);
    reply.type('application/xml; charset=utf-8');
    reply.header('cache-control', 'public, max-age=3600');
    return schemaText(name);
  }
}
