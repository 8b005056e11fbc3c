// Administration's sidebar handlers: the settings dialog's reading and saving, setup, the
// socialisation kit and opening the settings dialog.

import type { ApiHandlers } from '../../api/handlers';
import type { Ctx } from '../context';
import { socialisationKit } from './kit';
import { menuSettings } from './menu';
import { getSettings, saveSettings } from './settings';
import { runSetup, setupMessage, triggerOwnerView } from './setup';

type Names =
  'settings.get' | 'settings.save' | 'admin.setup' | 'admin.trigger' | 'kit.get' | 'admin.openSettings';

export const HANDLERS: ApiHandlers<Ctx, Names> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.save': (ctx, req) => saveSettings(ctx, req),
  'admin.setup': () => {
    const r = runSetup();
    const trigger = { owner: r.trigger.owner, mine: r.trigger.mine };
    return {
      createdSheets: r.createdSheets,
      addedColumns: r.addedColumns,
      message: setupMessage(r),
      trigger,
    };
  },
  'admin.trigger': (ctx) => triggerOwnerView(ctx.props),
  'kit.get': (ctx) => socialisationKit(ctx),
  'admin.openSettings': () => {
    menuSettings();
    return { opened: true };
  },
};
