import { Module } from '@nestjs/common';
import { NamespacesController, SchemasController } from './namespaces.controller';

/**
 * The namespace routes. The NamespaceRegistry they (and the request and order routes) inject is
 * built once per process by the composition root (src/app) and provided globally.
 */
@Module({ controllers: [NamespacesController, SchemasController] })
export class NamespacesModule {}
