/**
 * TypeORM entities: none. Each module's SQL lives in its own store files with typed rows
 * (ARCHITECTURE.md §3); TypeORM only runs the migrations and hands out connections.
 */
export const ENTITIES: [] = [];
