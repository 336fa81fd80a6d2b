export const catalogEntities: Function[] = [];
