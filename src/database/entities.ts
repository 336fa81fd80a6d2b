/**
 * Every TypeORM entity, listed explicitly so ts-jest and compiled builds load the same set. None
 * today: every module reads and writes its tables through its typed store files.
 */
export const ENTITIES: [] = [];
