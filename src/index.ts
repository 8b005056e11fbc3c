// The only file that assigns entry points. gas-webpack-plugin turns each `global.<name> = …`
// into a top-level function Apps Script can find; the names match ENTRY (a bundle test checks).

import { api } from './app/api';
import { menuHelp, menuOpenSidebar, menuSettings, menuSetup, onEdit, onInstall, onOpen } from './app/admin';
import { menuPlanContent, menuWeeklyReport } from './app/menu-actions';
import { menuArchiveNow } from './app/archive';
import { menuCitizenData } from './app/privacy';
import { tick } from './app/scheduler';
import { doGet, doPost } from './app/webhook';

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
