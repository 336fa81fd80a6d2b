import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ENDPOINT_METADATA, type EndpointMetadata } from '../../src/common/http/endpoint.decorator';

export interface RouteInfo {
  method: string;
  /** With `{param}` placeholders, e.g. `/v1/users/{id}/roles`. */
  path: string;
  controller: string;
  handler: string;
  permission: string | undefined;
}

function join(...parts: (string | string[] | undefined)[]): string {
  const segs = parts
    .flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter(Boolean);
  return '/' + segs.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/');
}

/** Every HTTP route of every controller in the app, from Nest's own metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const out: RouteInfo[] = [];
  const modules = app.get(ModulesContainer);
  for (const mod of modules.values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as any;
      if (!type?.prototype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const meta = Reflect.getMetadata(ENDPOINT_METADATA, handler) as EndpointMetadata | undefined;
        out.push({ method: RequestMethod[method], path: join(base, path), controller: type.name, handler: name, permission: meta?.permission });
      }
    }
  }
  return out;
}
