// The server side of the contract: a handler per API name, (context, request) → response. Each
// feature of app/ exports the handlers of its names; app/api.ts puts them together.

import type { ApiMap, ApiName } from './types';

export type ApiHandlers<C, N extends ApiName = ApiName> = {
  [K in N]: (ctx: C, req: ApiMap[K]['req']) => ApiMap[K]['res'];
};
