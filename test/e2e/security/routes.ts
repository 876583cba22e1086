import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppConfig } from '@inspectorate/config';
import { AppModule } from '../../../apps/api/src/app.module';
import { ALLOWED_ROLES, IS_PUBLIC } from '../../../apps/api/src/auth/access.decorators';
import { API_PREFIX } from '../../../apps/api/src/http-app';

export interface AppRoute {
  readonly method: string;
  /** The full path, `/api/v1/inspections/:id`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly isPublic: boolean;
  readonly roles: readonly string[] | undefined;
}

/**
 * Every route the API serves, read from the decorators Nest itself routes by: the controllers of
 * every module AppModule imports (recursively), each handler's verb and path, and the access
 * rule it declares (@Public or @Roles). Includes routes hidden from the OpenAPI document.
 */
export function appRoutes(config: AppConfig): AppRoute[] {
  const controllers = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = typeof entry === 'object' && 'module' in (entry as object) ? (entry as DynamicModule) : undefined;
    const moduleClass = (dynamic?.module ?? entry) as Type;
    const metadata = (key: string): unknown[] => (typeof moduleClass === 'function' ? ((Reflect.getMetadata(key, moduleClass) as unknown[]) ?? []) : []);
    for (const controller of [...metadata(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])]) controllers.add(controller as Type);
    for (const imported of [...metadata(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])]) visit(imported);
  };
  visit(AppModule.forRoot(config));

  const routes: AppRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (method === undefined || own === undefined) continue;
      for (const sub of Array.isArray(own) ? own : [own]) {
        const path = `/${API_PREFIX}/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const rule = <T>(key: string) => (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
        routes.push({
          method: RequestMethod[method],
          path,
          controller: controller.name,
          handler: name,
          isPublic: rule<boolean>(IS_PUBLIC) === true,
          roles: rule<string[]>(ALLOWED_ROLES),
        });
      }
    }
  }
  return routes;
}
