// The one place that asks Apps Script who is running the script (the sidebar's editor).

/** The active user's email; '' when Apps Script does not tell (a trigger, a web app, another domain). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
