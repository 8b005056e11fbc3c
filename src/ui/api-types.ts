// Requests and responses of the sidebar and dialogs, shared by client and server. Plain JSON only:
// dates cross as ISO strings.

export interface SettingsView {
  provider: 'cloud' | 'fonnte';
  phoneNumberId: string;
  hasAccessToken: boolean;
  hasFonnteToken: boolean;
  verifyToken: string;
  webhookUrl: string;
  graphVersion: string;
}

export interface SettingsInput {
  provider: 'cloud' | 'fonnte';
  phoneNumberId: string;
  /** Empty: keep the stored token. */
  accessToken: string;
  fonnteToken: string;
  verifyToken: string;
  regenerateWebhookKey: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface SaveResult {
  ok: boolean;
  errors: FieldError[];
  settings?: SettingsView;
}

export interface ApiMap {
  'settings.get': { req: Record<string, never>; res: SettingsView };
  'settings.save': { req: SettingsInput; res: SaveResult };
  'admin.setup': { req: Record<string, never>; res: { createdSheets: string[]; addedColumns: string[] } };
}

export type ApiName = keyof ApiMap;

/** What every server call answers: the result, or an Indonesian error message. */
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: string };
