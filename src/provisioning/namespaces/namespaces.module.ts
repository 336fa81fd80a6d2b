import { Global, Module } from '@nestjs/common';
import { NamespaceRegistry, sharedNamespaceRegistry } from './namespace-registry';
import { NamespacesController, SchemasController } from './namespaces.controller';

/**
 * The namespace routes and the process-wide NamespaceRegistry, injectable by its class
 * (`constructor(private readonly registry: NamespaceRegistry)`), e.g. by the request route that
 * compiles requests. The API loads it without providers: leaf procedures are known by their
 * signatures (LEAF_SIGNATURES), which is all compiling and listing need; engines load their own
 * with the providers.
 */
@Global()
@Module({
  controllers: [NamespacesController, SchemasController],
  providers: [{ provide: NamespaceRegistry, useFactory: () => sharedNamespaceRegistry([]) }],
  exports: [NamespaceRegistry],
})
export class NamespacesModule {}
