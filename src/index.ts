// The only file that assigns entry points. gas-webpack-plugin turns each `global.<name> = …`
// into a top-level function Apps Script can find; the names match ENTRY (a bundle test checks).

import { onEdit } from './app/admin/edit';
import {
  menuArchiveNow,
  menuCitizenData,
  menuHelp,
  menuOpenSidebar,
  menuPlanContent,
  menuSettings,
  menuSetup,
  menuWeeklyReport,
  onInstall,
  onOpen,
} from './app/admin/menu';
import { api } from './app/api';
import { doGet, doPost } from './app/helpdesk/webhook';
import { tick } from './app/scheduler/tick';

declare const global: Record<string, unknown>;

global.doGet = doGet;
global.doPost = doPost;
global.onOpen = onOpen;
global.onInstall = onInstall;
global.onEdit = onEdit;
global.tick = tick;
global.api = api;
global.menuOpenSidebar = menuOpenSidebar;
global.menuSetup = menuSetup;
global.menuSettings = menuSettings;
global.menuWeeklyReport = menuWeeklyReport;
global.menuPlanContent = menuPlanContent;
global.menuHelp = menuHelp;
global.menuArchiveNow = menuArchiveNow;
global.menuCitizenData = menuCitizenData;
