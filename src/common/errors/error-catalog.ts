/** One entry of a module's error catalog: the HTTP status and a short human title. */
export interface ErrorSpec {
  status: number;
  title: string;
}
export type ErrorCatalog = Record<string, ErrorSpec>;
