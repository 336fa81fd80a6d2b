import { catalogEntities } from '../catalog/catalog.entities';
import { identityEntities } from '../identity/identity.entities';
import { ordersEntities } from '../orders/orders.entities';

/** Every TypeORM entity, listed explicitly so ts-jest and compiled builds load the same set. */
export const ENTITIES = [...identityEntities, ...catalogEntities, ...ordersEntities];
