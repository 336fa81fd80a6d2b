import type { InputElement, Statement } from './ast';

/**
 * What the compiler needs to know about procedures. The namespace registry
 * (`namespaces/namespace-registry.ts`) implements it; tests may pass a small one.
 */

export interface CompositeProcedure {
  namespace: string;
  /** Version of the namespace document that defines it. */
  version: string;
  name: string;
  access: 'public' | 'private';
  summary?: string;
  input: InputElement[];
  body: Statement[];
}

export interface LeafProcedureRef {
  namespace: string;
  name: string;
  kind: 'read' | 'write';
  summary: string;
}

export type ResolvedProcedure = { type: 'leaf'; leaf: LeafProcedureRef } | { type: 'composite'; composite: CompositeProcedure };

export interface ProcedureCatalog {
  hasNamespace(namespace: string): boolean;
  resolve(namespace: string, procedure: string): ResolvedProcedure | undefined;
}
