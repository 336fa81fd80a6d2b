import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROVISIO_VERSION } from '../version';
import { refineDocument } from './openapi-contract';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Provisio API')
    .setDescription(
      [
        'Hosted-services provisioning: service plans, orders that run as XML provisioning requests on redundant engines, delegated administration and a tamper-evident audit trail.',
        '',
        'Authenticate with `Authorization: Bearer pvs_…`. The first start writes a hoster admin token to `.provisio/admin-token`.',
        'Errors are RFC 9457 `application/problem+json` with a stable `code`. Lists use `?limit=&cursor=` and answer `{ items, nextCursor }`.',
      ].join('\n'),
    )
    .setVersion(PROVISIO_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'pvs_ opaque token' })
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      code: { type: 'string', description: 'stable UPPER_SNAKE error code' },
      requestId: { type: 'string' },
      errorId: { type: 'string', description: 'present on 500 answers; also in the server log' },
      errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    },
  };
  return refineDocument(doc);
}
