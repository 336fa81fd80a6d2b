import type { ErrorCatalog } from '../error-catalog';

/** Errors of the XML language: safe parsing, schema, compilation (LANGUAGE.md §4–§5) and the namespace routes. */
export const languageErrors = {
  // Safe parsing: nothing is stored when any of these is raised.
  XML_TOO_LARGE: { status: 413, title: 'The XML document is larger than 1 MiB' },
  XML_FORBIDDEN_CONSTRUCT: {
    status: 400,
    title: 'The XML document uses a forbidden construct (DOCTYPE, entity, processing instruction or external reference)',
  },
  XML_TOO_DEEP: { status: 422, title: 'The XML document nests elements deeper than allowed' },
  XML_TOO_MANY_ATTRIBUTES: { status: 422, title: 'An element of the XML document has more attributes than allowed' },
  XML_MALFORMED: { status: 400, title: 'The XML document is not well-formed' },
  XML_SCHEMA_VIOLATION: { status: 422, title: 'The XML document does not match its schema' },

  // Compilation.
  REQUEST_CONTEXT_FORBIDDEN: { status: 400, title: 'The context element is written by the server; a request must not carry one' },
  TRUSTED_REQUEST_FORBIDDEN: { status: 403, title: 'Only trusted callers may submit a request with a procedure body' },
  REQUEST_INVALID: { status: 422, title: 'The request is not a valid program' },
  NAMESPACE_UNKNOWN: { status: 422, title: 'The request names a namespace that does not exist' },
  PROCEDURE_UNKNOWN: { status: 422, title: 'The request names a procedure that does not exist' },
  PROCEDURE_NOT_PUBLIC: { status: 422, title: 'A simple request may only call public procedures of composite namespaces' },
  REQUEST_DATA_INVALID: { status: 422, title: 'The request data lacks what the called procedure needs' },
  REQUEST_TOO_MANY_STEPS: { status: 422, title: 'The request expands to more steps than allowed' },
  NAMESPACE_NESTING_TOO_DEEP: { status: 422, title: 'Composite procedures nest deeper than allowed' },

  // Execution (raised by the program machine; the engine reports it as the failed step's error).
  MAPPING_FAILED: { status: 422, title: 'A data mapping of the request could not be applied' },

  // Routes.
  NAMESPACE_NOT_FOUND: { status: 404, title: 'No such namespace' },
  SCHEMA_NOT_FOUND: { status: 404, title: 'No such schema' },
} satisfies ErrorCatalog;
