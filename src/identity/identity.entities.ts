export const identityEntities: Function[] = [];
