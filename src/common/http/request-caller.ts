/** Where the auth guard leaves the authenticated caller on the request. */
export const PRINCIPAL_KEY = 'provisioPrincipal';

/** What common code knows of the caller: the access module's Principal holds much more. */
export interface RequestCaller {
  userId: string;
  /** The organization the token acts in. */
  subjectOrgId: string;
}
