import { catalogEntities } from '../catalog/catalog.entities';
import { ordersEntities } from '../orders/orders.entities';

/** Every TypeORM entity, listed explicitly so ts-jest and compiled builds load the same set. */
export const ENTITIES = [...catalogEntities, ...ordersEntities];
