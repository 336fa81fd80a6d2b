import { Foundation1764057600000 } from './1764057600000-Foundation';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS: Function[] = [Foundation1764057600000];
