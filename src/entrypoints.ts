// Names of the global functions Apps Script calls. Triggers and menu items refer to these
// constants; src/index.ts assigns the functions under exactly these names (a test checks both).

export const ENTRY = {
  doGet: 'doGet',
  doPost: 'doPost',
  onOpen: 'onOpen',
  onInstall: 'onInstall',
  onEdit: 'onEdit',
  tick: 'tick',
  api: 'api',
  menuOpenSidebar: 'menuOpenSidebar',
  menuSetup: 'menuSetup',
  menuSettings: 'menuSettings',
  menuWeeklyReport: 'menuWeeklyReport',
  menuPlanContent: 'menuPlanContent',
  menuHelp: 'menuHelp',
  menuArchiveNow: 'menuArchiveNow',
  menuCitizenData: 'menuCitizenData',
} as const;

export type EntryName = (typeof ENTRY)[keyof typeof ENTRY];
