// The one place that asks Apps Script who is running the script (the sidebar's editor).

/** The active user's email; '' when Apps Script does not tell (a trigger, a web app, another domain). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/**
 * The account the script runs as (Session.getEffectiveUser): the editor running a menu item or
 * the sidebar, the creator of a trigger, the deployer in the web app. '' when it cannot be told.
 */
export function effectiveUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
